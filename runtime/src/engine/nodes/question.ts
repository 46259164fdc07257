import type { QuestionNode } from '../../schema/nodes/question';
import { DEFAULT_MAX_RETRIES } from '../../schema/nodes/question';
import type { Turn } from '../turn';
import { clearRetries, emit, render, say, setRetries, setVariable } from '../turn';
import { follow } from '../follow';
import { targetOf } from '../flowIndex';
import { getOwn } from '../records';
import { validateAnswer } from '../answers/validateAnswer';
import { defaultRetryText } from '../answers/retryTexts';
import { giveUp } from '../giveUp';
import type { InputRequest } from '../types';

/** Text of the question's input kind, with its hints and limits. */
export function questionInput(node: QuestionNode): InputRequest {
  const { data } = node;
  const request: Extract<InputRequest, { type: 'text' }> = { type: 'text', nodeId: node.id, inputKind: data.inputKind };
  // Only present fields, so the request is the same after a JSON round-trip.
  if (data.placeholder !== undefined) request.placeholder = data.placeholder;
  if (data.pattern !== undefined) request.pattern = data.pattern;
  if (data.minLength !== undefined) request.minLength = data.minLength;
  if (data.maxLength !== undefined) request.maxLength = data.maxLength;
  if (data.inputKind === 'number') {
    if (data.allowNegative === false) request.allowNegative = false;
    if (data.allowDecimals === false) request.allowDecimals = false;
  }
  return request;
}

export function enterQuestion(turn: Turn, node: QuestionNode): null {
  // Retries count per visit: coming back to a question later starts with a clean slate.
  clearRetries(turn, node.id);
  say(turn, node.id, render(turn, node.data.text));
  turn.session.status = 'waiting';
  return null;
}

/** Handles a typed answer; returns the node to continue at, or null to keep waiting. */
export function answerQuestion(turn: Turn, node: QuestionNode, text: string): string | null {
  const { data } = node;
  const result = validateAnswer(turn.index, data, text);
  if (result.ok) {
    setVariable(turn, data.variable, result.value);
    clearRetries(turn, node.id);
    return follow(turn, node.id, 'next');
  }
  const retries = (getOwn(turn.session.retries, node.id) ?? 0) + 1;
  // Only a yes/no answer's words are kept, for the review of unrecognised messages: there a rejected
  // answer is wording the bot did not understand ("maybe later"); for the other kinds it is
  // usually a mistyped email, phone or order number, personal data with nothing to learn from.
  const said: Record<string, string> = data.inputKind === 'yesNo' && result.reason === 'format' ? { text } : {};
  emit(turn, 'validationFailed', node.id, { reason: result.reason, inputKind: data.inputKind, retries, ...said });
  if (retries <= (data.maxRetries ?? DEFAULT_MAX_RETRIES)) {
    setRetries(turn, node.id, retries);
    say(turn, node.id, render(turn, data.retryText ?? defaultRetryText(data, turn.flow.locale)));
    return null;
  }
  clearRetries(turn, node.id);
  if (targetOf(turn.index, node.id, 'invalid') !== undefined) return follow(turn, node.id, 'invalid');
  // Asking again would loop forever: the flow's after-retries setting decides.
  return giveUp(turn, node.id);
}
