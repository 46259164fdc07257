import type { HandoffNode } from '../../schema/nodes/handoff';
import type { Turn } from '../turn';
import { complete, emit, render, say } from '../turn';
import { follow } from '../follow';
import { targetOf } from '../flowIndex';
import { isOpen } from '../../hours/isOpen';

export type OfflineReason = 'closed' | 'noAgents';

/** Why nobody can take a handoff to `queue` right now, or null when someone can. */
export function offlineReason(turn: Turn, queue: string): OfflineReason | null {
  const hours = turn.flow.settings.businessHours;
  if (hours.enabled && !isOpen(hours, turn.now)) return 'closed';
  if (turn.ctx.agentsAvailable?.(queue) === false) return 'noAgents';
  return null;
}

/** Nobody can take the conversation: the `offline` branch, or the flow's offline text and goodbye. */
export function goOffline(turn: Turn, node: HandoffNode, reason: OfflineReason): string | null {
  emit(turn, 'handoffOffline', node.id, { reason, queue: node.data.queue });
  if (targetOf(turn.index, node.id, 'offline') !== undefined) return follow(turn, node.id, 'offline');
  say(turn, node.id, render(turn, turn.flow.settings.handoff.offlineText));
  complete(turn, node.id);
  return null;
}

export function enterHandoff(turn: Turn, node: HandoffNode): string | null {
  const reason = offlineReason(turn, node.data.queue);
  if (reason) return goOffline(turn, node, reason);
  const { data } = node;
  say(turn, node.id, render(turn, data.text));
  turn.effects.push({
    type: 'handoff',
    nodeId: node.id,
    queue: data.queue,
    priority: data.priority ?? 'normal',
    note: data.note ? render(turn, data.note) : '',
  });
  emit(turn, 'handedOff', node.id, { queue: data.queue });
  turn.session.status = 'handedOff';
  return null;
}
