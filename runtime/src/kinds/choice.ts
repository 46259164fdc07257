import type { KindRuntime } from './types';
import { textMap, textsReads, withText } from './helpers';
import { answerChoice, choiceInput, enterChoice } from '../engine/nodes/choice';

export const choiceKind: KindRuntime<'choice'> = {
  name: (node) => withText('choice', node.data.text),
  // Option labels are keyed by option id, so renaming one is not reported as every later one changing.
  texts: (node) => textMap([['text', node.data.text], ...node.data.options.map((o) => [`options.${o.id}.label`, o.label] as const)]),
  reads: (node) => textsReads([node.data.text, ...node.data.options.map((o) => o.label)]),
  writes: (node, handle) => (node.data.variable !== undefined && handle !== 'noMatch' ? [node.data.variable] : []),
  renameVariable: (d, r) => ({
    ...d,
    text: r.template(d.text),
    options: d.options.map((o) => ({ ...o, label: r.template(o.label) })),
    ...(d.variable !== undefined ? { variable: r.name(d.variable) } : {}),
  }),
  enter: enterChoice,
  answer: (turn, node, answer) => answerChoice(turn, node, answer.reply),
  expectedInput: choiceInput,
};
