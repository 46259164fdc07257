import { DEFAULT_MAX_PASSAGES, type KnowledgeAnswerNode } from '../../schema/nodes/knowledgeAnswer';
import type { Turn } from '../turn';
import { clearWait, emit, render, say, sayFallback, setVariable } from '../turn';
import { follow } from '../follow';
import { targetOf } from '../flowIndex';
import { parseYesNoAnswer } from '../answers/yesNo';
import { feedbackTexts } from '../answers/feedbackTexts';
import { HELPFUL_NO, HELPFUL_YES, type EngineInput, type InputRequest, type Session } from '../types';

type KnowledgeResult = Extract<EngineInput, { type: 'knowledgeResult' }>;

/** A question in free text; after an answer that asked "Did that help?", yes or no (or a new question). */
export function knowledgeAnswerInput(node: KnowledgeAnswerNode, session: Session, locale: string): InputRequest {
  if (session.wait?.kind === 'knowledge') return { type: 'none' };
  if (session.wait?.kind !== 'knowledgeHelpful') return { type: 'text', nodeId: node.id, inputKind: 'text' };
  const t = feedbackTexts(locale);
  return { type: 'choice', nodeId: node.id, options: [{ id: HELPFUL_YES, label: t.yes }, { id: HELPFUL_NO, label: t.no }], allowText: true };
}

/** Parks the session and asks the host to answer `question`; the answer comes back as `knowledgeResult`. */
function ask(turn: Turn, node: KnowledgeAnswerNode, question: string): null {
  const { data } = node;
  turn.effects.push({
    type: 'knowledge',
    nodeId: node.id,
    request: {
      question,
      locale: turn.flow.locale,
      maxPassages: data.maxPassages ?? DEFAULT_MAX_PASSAGES,
      ...(data.tone?.trim() ? { tone: data.tone.trim() } : {}),
      ...(data.sourceIds && data.sourceIds.length > 0 ? { sourceIds: data.sourceIds } : {}),
      ...(data.providerId ? { providerId: data.providerId } : {}),
    },
  });
  turn.session.wait = { kind: 'knowledge' };
  turn.session.status = 'waiting';
  return null;
}

/**
 * Asks at once when the step has a question template, or when the customer's message brought the
 * conversation here this turn; otherwise says its text and waits for the question.
 */
export function enterKnowledgeAnswer(turn: Turn, node: KnowledgeAnswerNode): null {
  const { data } = node;
  const question = data.question !== undefined ? render(turn, data.question).trim() : (turn.customerText?.trim() ?? '');
  if (question !== '') return ask(turn, node, question);
  if (data.text !== undefined) say(turn, node.id, render(turn, data.text));
  turn.session.status = 'waiting';
  return null;
}

export function answerKnowledgeQuestion(turn: Turn, node: KnowledgeAnswerNode, text: string): string | null {
  const question = text.trim();
  if (question === '') return null;
  return ask(turn, node, question);
}

/** Takes an output, or, when it leads nowhere, says the flow's fallback and stays (so the customer can ask again). */
function leave(turn: Turn, node: KnowledgeAnswerNode, handle: 'noAnswer' | 'error'): string | null {
  if (targetOf(turn.index, node.id, handle) !== undefined) return follow(turn, node.id, handle);
  sayFallback(turn, node.id);
  turn.session.status = 'waiting';
  return null;
}

/** Applies the host's outcome; returns the node to continue at. */
export function applyKnowledgeResult(turn: Turn, node: KnowledgeAnswerNode, result: KnowledgeResult): string | null {
  const { data } = node;
  clearWait(turn);
  turn.session.status = 'active';
  if (result.outcome === 'answered' && result.text) {
    say(turn, node.id, result.text);
    const sources = result.sources ?? [];
    if (sources.length > 0) turn.outputs.push({ type: 'links', nodeId: node.id, links: sources });
    emit(turn, 'knowledgeAnswer', node.id, { outcome: 'answered', sources: sources.length });
    if (data.answerVariable) setVariable(turn, data.answerVariable, result.text);
    if (!data.askHelpful) return follow(turn, node.id, 'answered');
    say(turn, node.id, render(turn, data.helpfulText ?? feedbackTexts(turn.flow.locale).helpful));
    turn.session.wait = { kind: 'knowledgeHelpful' };
    turn.session.status = 'waiting';
    return null;
  }
  if (result.outcome === 'error') {
    emit(turn, 'knowledgeAnswer', node.id, { outcome: 'error', reason: result.reason ?? 'error' });
    return leave(turn, node, 'error');
  }
  emit(turn, 'knowledgeAnswer', node.id, { outcome: 'noAnswer', ...(result.reason ? { reason: result.reason } : {}) });
  return leave(turn, node, 'noAnswer');
}

/**
 * The reply to "Did that help?". A typed reply that is neither yes nor no is usually the next
 * question, so it is asked, unrecorded.
 */
export function answerKnowledgeHelpful(turn: Turn, node: KnowledgeAnswerNode, reply: { optionId: string } | { text: string }): string | null {
  const helpful = 'text' in reply ? parseYesNoAnswer(reply.text) : reply.optionId === HELPFUL_YES ? true : reply.optionId === HELPFUL_NO ? false : null;
  if (helpful === null) {
    if (!('text' in reply)) return null;
    clearWait(turn);
    return answerKnowledgeQuestion(turn, node, reply.text);
  }
  clearWait(turn);
  emit(turn, 'knowledgeFeedback', node.id, { helpful });
  return follow(turn, node.id, 'answered');
}
