import type { IntentNode } from '../../schema/nodes/intent';
import type { Turn } from '../turn';
import { emit, render, say, sayFallback, setVariable } from '../turn';
import { follow } from '../follow';
import { targetOf } from '../flowIndex';
import { classify } from '../classify';
import type { InputRequest } from '../types';

/** A message in the customer's own words. */
export function intentInput(node: IntentNode): InputRequest {
  return { type: 'text', nodeId: node.id, inputKind: 'text' };
}

export function enterIntent(turn: Turn, node: IntentNode): null {
  if (node.data.text !== undefined) say(turn, node.id, render(turn, node.data.text));
  turn.session.status = 'waiting';
  return null;
}

/** Classifies a free-text message; returns the node to continue at, or null to keep waiting. */
export function answerIntent(turn: Turn, node: IntentNode, text: string): string | null {
  const { data } = node;
  const { id, confidence, best } = classify(turn, node.id, text, data.threshold);
  if (data.confidenceVariable) setVariable(turn, data.confidenceVariable, confidence);
  const intent = id === null ? undefined : data.intents.find((i) => i.id === id);
  if (intent) {
    if (data.intentVariable) setVariable(turn, data.intentVariable, intent.name);
    emit(turn, 'intentMatched', node.id, { intentId: intent.id, intent: intent.name, confidence });
    return follow(turn, node.id, intent.id);
  }
  // Cleared, so a branch after the fallback never sees the intent of an earlier visit as current.
  if (data.intentVariable) setVariable(turn, data.intentVariable, null);
  emit(turn, 'fallback', node.id, { text, nodeId: node.id, reason: 'lowConfidence', confidence, ...(best !== null ? { best } : {}) });
  if (targetOf(turn.index, node.id, 'fallback') !== undefined) return follow(turn, node.id, 'fallback');
  // Nowhere to route: say so and let the customer rephrase rather than guessing a branch.
  sayFallback(turn, node.id);
  return null;
}
