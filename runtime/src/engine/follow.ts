import type { Turn } from './turn';
import { complete } from './turn';
import { targetOf } from './flowIndex';

/**
 * The node an output handle leads to. An unconnected continuation ends the conversation
 * rather than leaving the customer stuck with no reply and no way on. The edge taken is noted
 * on the turn, for the `nodeEntered` event of the target.
 */
export function follow(turn: Turn, nodeId: string, handle: string): string | null {
  const target = targetOf(turn.index, nodeId, handle);
  if (target === undefined) {
    complete(turn, nodeId);
    return null;
  }
  turn.viaNodeId = nodeId;
  turn.viaHandle = handle;
  return target;
}
