import type { QuestionNode } from '../../schema/nodes/question';
import { DEFAULT_MAX_RETRIES } from '../../schema/nodes/question';
import type { Turn } from '../turn';
import { emit, render, say, sayFallback } from '../turn';
import { follow } from '../follow';
import { targetOf } from '../flowIndex';
import { deleteOwn, getOwn, setOwn } from '../records';
import { validateAnswer } from '../answers/validateAnswer';
import { defaultRetryText } from '../answers/retryTexts';

export function enterQuestion(turn: Turn, node: QuestionNode): null {
  // Retries count per visit: coming back to a question later starts with a clean slate.
  deleteOwn(turn.session.retries, node.id);
  say(turn, node.id, render(turn, node.data.text));
  turn.session.status = 'waiting';
  return null;
}

/** Handles a typed answer; returns the node to continue at, or null to keep waiting. */
export function answerQuestion(turn: Turn, node: QuestionNode, text: string): string | null {
  const { data } = node;
  const result = validateAnswer(turn.index, data, text);
  if (result.ok) {
    setOwn(turn.session.variables, data.variable, result.value);
    deleteOwn(turn.session.retries, node.id);
    return follow(turn, node.id, 'next');
  }
  const retries = (getOwn(turn.session.retries, node.id) ?? 0) + 1;
  emit(turn, 'validationFailed', node.id, { reason: result.reason, inputKind: data.inputKind, retries });
  if (retries <= (data.maxRetries ?? DEFAULT_MAX_RETRIES)) {
    setOwn(turn.session.retries, node.id, retries);
    say(turn, node.id, render(turn, data.retryText ?? defaultRetryText(data.inputKind, turn.flow.locale)));
    return null;
  }
  deleteOwn(turn.session.retries, node.id);
  if (targetOf(turn.index, node.id, 'invalid') !== undefined) return follow(turn, node.id, 'invalid');
  // Nowhere to go: say so and let the customer try again rather than dropping the conversation.
  sayFallback(turn, node.id);
  return null;
}
