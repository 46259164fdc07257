import type { KindRuntime } from './types';
import { textMap, textsReads, withText } from './helpers';
import { CSAT_RATING_VARIABLE } from '../schema/nodes/satisfaction';
import { answerComment, answerRating, enterSatisfaction, satisfactionInput } from '../engine/nodes/satisfaction';

export const satisfactionKind: KindRuntime<'satisfaction'> = {
  name: (node) => withText('satisfaction survey', node.data.text),
  texts: (node) =>
    textMap([
      ['text', node.data.text],
      ['commentText', node.data.commentText],
    ]),
  reads: (node) => textsReads([node.data.text, node.data.commentText]),
  writes: () => [CSAT_RATING_VARIABLE],
  renameVariable: (d, r) => ({ ...d, text: r.template(d.text), ...(d.commentText !== undefined ? { commentText: r.template(d.commentText) } : {}) }),
  enter: enterSatisfaction,
  answer(turn, node, answer) {
    const wait = turn.session.wait;
    if (wait?.kind === 'csatComment') return answerComment(turn, node, wait.rating, answer.reply);
    return answerRating(turn, node, answer.reply);
  },
  expectedInput: satisfactionInput,
};
