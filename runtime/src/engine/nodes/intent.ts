import { DEFAULT_MODEL_TIME_BUDGET, type IntentNode } from '../../schema/nodes/intent';
import type { Turn } from '../turn';
import { clearWait, emit, render, say, sayFallback, setVariable } from '../turn';
import { follow } from '../follow';
import { targetOf } from '../flowIndex';
import { classify } from '../classify';
import type { EngineInput, InputRequest, Session } from '../types';

type IntentPickResult = Extract<EngineInput, { type: 'intentPickResult' }>;

/** Example phrases sent per intent: enough to tell intents apart, few enough to keep the prompt short. */
export const PICK_EXAMPLES_PER_INTENT = 3;

/** A message in the customer's own words; nothing while the host asks the model to pick. */
export function intentInput(node: IntentNode, session: Session): InputRequest {
  if (session.wait?.kind === 'intentPick') return { type: 'none' };
  return { type: 'text', nodeId: node.id, inputKind: 'text' };
}

export function enterIntent(turn: Turn, node: IntentNode): null {
  if (node.data.text !== undefined) say(turn, node.id, render(turn, node.data.text));
  turn.session.status = 'waiting';
  return null;
}

function matched(turn: Turn, node: IntentNode, intentId: string, confidence: number, via?: 'model'): string | null {
  const intent = node.data.intents.find((i) => i.id === intentId);
  if (!intent) return null;
  if (node.data.intentVariable) setVariable(turn, node.data.intentVariable, intent.name);
  emit(turn, 'intentMatched', node.id, { intentId: intent.id, intent: intent.name, confidence, ...(via ? { via } : {}) });
  return follow(turn, node.id, intent.id);
}

function fallBack(turn: Turn, node: IntentNode, text: string, confidence: number, best: string | null): string | null {
  // Cleared, so a branch after the fallback never sees the intent of an earlier visit as current.
  if (node.data.intentVariable) setVariable(turn, node.data.intentVariable, null);
  emit(turn, 'fallback', node.id, { text, nodeId: node.id, reason: 'lowConfidence', confidence, ...(best !== null ? { best } : {}) });
  if (targetOf(turn.index, node.id, 'fallback') !== undefined) return follow(turn, node.id, 'fallback');
  // Nowhere to route: say so and let the customer rephrase rather than guessing a branch.
  sayFallback(turn, node.id);
  return null;
}

/** Parks the session and asks the host to let the model pick; the pick comes back as `intentPickResult`. */
function askModel(turn: Turn, node: IntentNode, text: string, guess: string | null, score: number): null {
  const { data } = node;
  turn.effects.push({
    type: 'intentPick',
    nodeId: node.id,
    request: {
      text,
      intents: data.intents.map((i) => ({ id: i.id, name: i.name, examples: i.examples.slice(0, PICK_EXAMPLES_PER_INTENT) })),
      timeoutMs: (data.modelTimeBudget ?? DEFAULT_MODEL_TIME_BUDGET) * 1000,
    },
  });
  turn.session.wait = { kind: 'intentPick', text, guess, score };
  turn.session.status = 'waiting';
  return null;
}

/** Classifies a free-text message; returns the node to continue at, or null to keep waiting. */
export function answerIntent(turn: Turn, node: IntentNode, text: string): string | null {
  const { data } = node;
  // A message while a pick is pending means the host lost it: this message is classified afresh.
  if (turn.session.wait?.kind === 'intentPick') clearWait(turn);
  const { id, confidence, best } = classify(turn, node.id, text, data.threshold);
  if (data.confidenceVariable) setVariable(turn, data.confidenceVariable, confidence);
  if (id !== null && data.intents.some((i) => i.id === id)) return matched(turn, node, id, confidence);
  if (data.askModelWhenUnsure && data.intents.length > 0 && text.trim() !== '') return askModel(turn, node, text, best, confidence);
  return fallBack(turn, node, text, confidence, best);
}

/** Applies the model's pick (an intent id, or null for none); a pick that is not one of the step's intents counts as none. */
export function applyIntentPick(turn: Turn, node: IntentNode, result: IntentPickResult): string | null {
  const wait = turn.session.wait;
  if (wait?.kind !== 'intentPick') return null;
  clearWait(turn);
  turn.session.status = 'active';
  const pick = result.pick !== null && node.data.intents.some((i) => i.id === result.pick) ? result.pick : null;
  const outcome = pick !== null ? 'picked' : result.reason ? 'failed' : 'none';
  emit(turn, 'intentTieBreak', node.id, {
    classifierGuess: wait.guess,
    classifierScore: wait.score,
    modelPick: pick,
    outcome,
    ...(result.reason ? { reason: result.reason } : {}),
  });
  if (pick !== null) return matched(turn, node, pick, wait.score, 'model');
  const target = fallBack(turn, node, wait.text, wait.score, wait.guess);
  // No fallback edge: the flow's fallback was said and the step waits for a rephrasing.
  if (target === null) turn.session.status = 'waiting';
  return target;
}
