import type { SatisfactionNode } from '../../schema/nodes/satisfaction';
import { CSAT_COMMENT_VARIABLE, CSAT_RATING_VARIABLE } from '../../schema/nodes/satisfaction';
import { DEFAULT_MAX_RETRIES } from '../../schema/nodes/question';
import type { Turn } from '../turn';
import { clearRetries, clearWait, emit, render, say, setRetries, setVariable } from '../turn';
import { follow } from '../follow';
import { getOwn } from '../records';
import { parseRating } from '../answers/rating';
import { parseYesNoAnswer } from '../answers/yesNo';
import { feedbackTexts } from '../answers/feedbackTexts';
import { SKIP_COMMENT, type InputRequest, type Session } from '../types';

/** A 1–5 rating; after it, when the node asks for one, a comment or "skip". */
export function satisfactionInput(node: SatisfactionNode, session: Session, locale: string): InputRequest {
  if (session.wait?.kind === 'csatComment') {
    return { type: 'choice', nodeId: node.id, options: [{ id: SKIP_COMMENT, label: feedbackTexts(locale).skipComment }], allowText: true };
  }
  return { type: 'rating', nodeId: node.id, scale: 5, allowComment: node.data.askComment === true };
}

export function enterSatisfaction(turn: Turn, node: SatisfactionNode): null {
  clearRetries(turn, node.id);
  say(turn, node.id, render(turn, node.data.text));
  turn.session.status = 'waiting';
  return null;
}

function recordCsat(turn: Turn, node: SatisfactionNode, rating: number, comment?: string): string | null {
  emit(turn, 'csat', node.id, comment === undefined ? { rating } : { rating, comment });
  return follow(turn, node.id, 'next');
}

/** Handles the rating; returns the node to continue at, or null to keep waiting. */
export function answerRating(turn: Turn, node: SatisfactionNode, input: { optionId: string } | { text: string }): string | null {
  const rating = parseRating('text' in input ? input.text : input.optionId);
  if (rating === null) {
    const retries = (getOwn(turn.session.retries, node.id) ?? 0) + 1;
    emit(turn, 'validationFailed', node.id, { reason: 'notARating', retries });
    // A customer who keeps typing something else wants to move on, not to be asked forever.
    if (retries > DEFAULT_MAX_RETRIES) {
      clearRetries(turn, node.id);
      return follow(turn, node.id, 'next');
    }
    setRetries(turn, node.id, retries);
    say(turn, node.id, feedbackTexts(turn.flow.locale).ratingRetry);
    return null;
  }
  clearRetries(turn, node.id);
  setVariable(turn, CSAT_RATING_VARIABLE, rating);
  if (!node.data.askComment) return recordCsat(turn, node, rating);
  say(turn, node.id, render(turn, node.data.commentText ?? feedbackTexts(turn.flow.locale).comment));
  turn.session.wait = { kind: 'csatComment', rating };
  turn.session.status = 'waiting';
  return null;
}

/** The optional comment after a rating: "no" or the skip button leaves it out. */
export function answerComment(turn: Turn, node: SatisfactionNode, rating: number, input: { optionId: string } | { text: string }): string | null {
  clearWait(turn);
  const text = 'text' in input ? input.text.trim() : '';
  if (text === '' || parseYesNoAnswer(text) === false) return recordCsat(turn, node, rating);
  setVariable(turn, CSAT_COMMENT_VARIABLE, text);
  return recordCsat(turn, node, rating, text);
}
