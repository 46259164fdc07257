import type { Turn } from './turn';
import { clearRetries, complete, emit, render, say } from './turn';
import { offlineReason } from './nodes/handoff';
import { defaultAfterRetriesText } from './answers/afterRetriesTexts';

/**
 * A question or choice has run out of retries and its `invalid` / `noMatch` output leads
 * nowhere. Asking again would loop forever, so the flow's `afterRetries` setting decides:
 * apologise, then hand the conversation to the default queue (or, with nobody available,
 * say the offline text) or end it. Always returns null: nothing follows in this turn.
 */
export function giveUp(turn: Turn, nodeId: string): null {
  const { afterRetries, handoff } = turn.flow.settings;
  clearRetries(turn, nodeId);
  emit(turn, 'gaveUp', nodeId, { action: afterRetries.action });
  say(turn, nodeId, render(turn, afterRetries.text ?? defaultAfterRetriesText(afterRetries.action, turn.flow.locale)));
  if (afterRetries.action === 'end') {
    complete(turn, nodeId);
    return null;
  }
  const reason = offlineReason(turn, handoff.defaultQueue);
  if (reason) {
    emit(turn, 'handoffOffline', nodeId, { reason, queue: handoff.defaultQueue });
    say(turn, nodeId, render(turn, handoff.offlineText));
    complete(turn, nodeId);
    return null;
  }
  turn.effects.push({ type: 'handoff', nodeId, queue: handoff.defaultQueue, priority: 'normal', note: '' });
  emit(turn, 'handedOff', nodeId, { queue: handoff.defaultQueue });
  turn.session.status = 'handedOff';
  return null;
}
