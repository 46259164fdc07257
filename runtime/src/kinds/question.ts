import type { KindRuntime } from './types';
import { textMap, textsReads, withText } from './helpers';
import { answerQuestion, enterQuestion, questionInput } from '../engine/nodes/question';

export const questionKind: KindRuntime<'question'> = {
  name: (node) => withText('question', node.data.text),
  texts: (node) =>
    textMap([
      ['text', node.data.text],
      ['retryText', node.data.retryText],
      ['placeholder', node.data.placeholder],
    ]),
  reads: (node) => textsReads([node.data.text, node.data.retryText, node.data.placeholder]),
  // A rejected answer is not saved, so `invalid` leaves the variable as it was.
  writes: (node, handle) => (handle === 'next' ? [node.data.variable] : []),
  renameVariable: (d, r) => ({
    ...d,
    text: r.template(d.text),
    variable: r.name(d.variable),
    ...(d.retryText !== undefined ? { retryText: r.template(d.retryText) } : {}),
    ...(d.placeholder !== undefined ? { placeholder: r.template(d.placeholder) } : {}),
  }),
  enter: enterQuestion,
  answer: (turn, node, answer) => answerQuestion(turn, node, answer.text),
  expectedInput: questionInput,
};
