import type { FlowNode } from '../schema/node';
import { GLOBAL_MODEL_KEY } from '../nlu/flowModels';
import type { Turn } from './turn';
import { clearRetries, clearWait, emit } from './turn';
import { classify } from './classify';

/** The waits a global intent may interrupt: a node's main question, never a follow-up or a call. */
function interruptible(node: FlowNode, turn: Turn): boolean {
  if (turn.session.wait !== undefined) return false;
  return node.type === 'question' || node.type === 'choice' || node.type === 'intent' || node.type === 'faq';
}

/**
 * Checks typed text against the flow's global intents ("talk to a human", "start over") before
 * the waiting node sees it. Returns the node to jump to, or null when none matched confidently.
 */
export function matchGlobalIntent(turn: Turn, node: FlowNode, text: string): string | null {
  const settings = turn.flow.settings.globalIntents;
  if (settings.intents.length === 0 || !interruptible(node, turn)) return null;
  const { id, confidence } = classify(turn, GLOBAL_MODEL_KEY, text, settings.threshold);
  const intent = id === null ? undefined : settings.intents.find((i) => i.id === id);
  if (!intent) return null;
  emit(turn, 'globalIntent', node.id, { intentId: intent.id, intent: intent.name, confidence, target: intent.target });
  // The interrupted question starts afresh if the customer comes back to it.
  clearRetries(turn, node.id);
  clearWait(turn);
  turn.viaNodeId = null;
  turn.viaHandle = null;
  return intent.target;
}
