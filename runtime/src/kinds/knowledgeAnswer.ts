import type { KindRuntime } from './types';
import { quote, textMap, textsReads } from './helpers';
import { answerKnowledgeHelpful, answerKnowledgeQuestion, enterKnowledgeAnswer, knowledgeAnswerInput } from '../engine/nodes/knowledgeAnswer';

export const knowledgeAnswerKind: KindRuntime<'knowledgeAnswer'> = {
  name(node) {
    if (node.data.question?.trim()) return `the knowledge answer to ${quote(node.data.question)}`;
    return node.data.text?.trim() ? `the knowledge answer ${quote(node.data.text)}` : "the knowledge answer to the customer's message";
  },
  texts: (node) => textMap([['text', node.data.text], ['helpfulText', node.data.helpfulText]]),
  reads: (node) => textsReads([node.data.question, node.data.text, node.data.helpfulText]),
  writes: (node, handle) => (handle === 'answered' && node.data.answerVariable !== undefined ? [node.data.answerVariable] : []),
  renameVariable: (d, r) => ({
    ...d,
    ...(d.question !== undefined ? { question: r.template(d.question) } : {}),
    ...(d.text !== undefined ? { text: r.template(d.text) } : {}),
    ...(d.helpfulText !== undefined ? { helpfulText: r.template(d.helpfulText) } : {}),
    ...(d.answerVariable !== undefined ? { answerVariable: r.name(d.answerVariable) } : {}),
  }),
  enter: enterKnowledgeAnswer,
  answer(turn, node, answer) {
    const wait = turn.session.wait;
    // Otherwise it is a question; one arriving while a `knowledge` wait is open means the host lost
    // the request (a restart), so this newer message is asked instead.
    if (wait?.kind === 'knowledgeHelpful') return answerKnowledgeHelpful(turn, node, answer.reply);
    return answerKnowledgeQuestion(turn, node, answer.text);
  },
  expectedInput: knowledgeAnswerInput,
};
