import type { KindRuntime } from './types';
import { NOTHING, quote, textMap, textsReads } from './helpers';
import { answerFaq, answerHelpful, enterFaq, faqInput } from '../engine/nodes/faq';

export const faqKind: KindRuntime<'faq'> = {
  name(node) {
    if (node.data.text?.trim()) return `the FAQ ${quote(node.data.text)}`;
    const first = node.data.items.find((i) => i.question.trim());
    return first ? `the FAQ starting with ${quote(first.question)}` : 'an FAQ with no questions';
  },
  texts: (node) =>
    textMap([
      ['text', node.data.text],
      ['helpfulText', node.data.helpfulText],
      ...node.data.items.map((item) => [`items.${item.id}.answer`, item.answer] as const),
    ]),
  reads: (node) => textsReads([node.data.text, node.data.helpfulText, ...node.data.items.map((i) => i.answer)]),
  writes: NOTHING,
  renameVariable: (d, r) => ({
    ...d,
    ...(d.text !== undefined ? { text: r.template(d.text) } : {}),
    items: d.items.map((i) => ({ ...i, answer: r.template(i.answer) })),
    ...(d.helpfulText !== undefined ? { helpfulText: r.template(d.helpfulText) } : {}),
  }),
  enter: enterFaq,
  answer(turn, node, answer) {
    const wait = turn.session.wait;
    if (wait?.kind === 'faqHelpful') return answerHelpful(turn, node, wait.itemId, answer.reply);
    return answerFaq(turn, node, answer.text);
  },
  expectedInput: faqInput,
};
