import type { FaqNode } from '../../schema/nodes/faq';
import type { Turn } from '../turn';
import { clearWait, emit, render, say, sayFallback } from '../turn';
import { follow } from '../follow';
import { targetOf } from '../flowIndex';
import { classify } from '../classify';
import { parseYesNoAnswer } from '../answers/yesNo';
import { feedbackTexts } from '../answers/feedbackTexts';
import { HELPFUL_NO, HELPFUL_YES, type InputRequest, type Session } from '../types';

/** A question in free text; after an answer that asked "Did that help?", yes or no (or a new question). */
export function faqInput(node: FaqNode, session: Session, locale: string): InputRequest {
  if (session.wait?.kind !== 'faqHelpful') return { type: 'text', nodeId: node.id, inputKind: 'text' };
  const t = feedbackTexts(locale);
  const options = [
    { id: HELPFUL_YES, label: t.yes },
    { id: HELPFUL_NO, label: t.no },
  ];
  return { type: 'choice', nodeId: node.id, options, allowText: true };
}

export function enterFaq(turn: Turn, node: FaqNode): null {
  if (node.data.text !== undefined) say(turn, node.id, render(turn, node.data.text));
  turn.session.status = 'waiting';
  return null;
}

/** Answers a question; returns the node to continue at, or null to keep waiting. */
export function answerFaq(turn: Turn, node: FaqNode, text: string): string | null {
  const { data } = node;
  const { id, confidence, best } = classify(turn, node.id, text, data.threshold);
  const item = id === null ? undefined : data.items.find((i) => i.id === id);
  if (!item) {
    emit(turn, 'fallback', node.id, { text, nodeId: node.id, reason: 'lowConfidence', confidence, ...(best !== null ? { best } : {}) });
    if (targetOf(turn.index, node.id, 'fallback') !== undefined) return follow(turn, node.id, 'fallback');
    sayFallback(turn, node.id);
    return null;
  }
  say(turn, node.id, render(turn, item.answer));
  emit(turn, 'faqAnswered', node.id, { itemId: item.id, confidence });
  if (!data.askHelpful) return follow(turn, node.id, 'answered');
  say(turn, node.id, render(turn, data.helpfulText ?? feedbackTexts(turn.flow.locale).helpful));
  turn.session.wait = { kind: 'faqHelpful', itemId: item.id };
  turn.session.status = 'waiting';
  return null;
}

function helpfulOf(input: { optionId: string } | { text: string }): boolean | null {
  if ('text' in input) return parseYesNoAnswer(input.text);
  if (input.optionId === HELPFUL_YES) return true;
  return input.optionId === HELPFUL_NO ? false : null;
}

/**
 * Handles the reply to "Did that help?". A typed reply that is neither yes nor no is usually
 * the next question ("and what about returns?"), so it is answered as one, unrecorded.
 */
export function answerHelpful(
  turn: Turn,
  node: FaqNode,
  itemId: string,
  input: { optionId: string } | { text: string },
): string | null {
  const helpful = helpfulOf(input);
  if (helpful === null) {
    if ('text' in input) {
      clearWait(turn);
      return answerFaq(turn, node, input.text);
    }
    // A stale button from elsewhere: the yes/no buttons stay on offer.
    return null;
  }
  clearWait(turn);
  emit(turn, 'faqFeedback', node.id, { itemId, helpful });
  return follow(turn, node.id, 'answered');
}
