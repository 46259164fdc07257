import { isConnected, type ValidationContext } from '../context';
import { nodeName } from '../describe';
import { exitLabel } from '../../schema/exitLabels';
import { problem, type Problem } from '../problem';

export function handoffOutputs(ctx: ValidationContext): Problem[] {
  const found: Problem[] = [];
  for (const node of ctx.nodeById.values()) {
    if (node.type !== 'handoff') continue;
    if (!isConnected(ctx, node.id, 'resolved')) {
      found.push(
        problem(
          'handoff-resolved-unconnected',
          `The "${exitLabel('resolved')}" exit of ${nodeName(node)} is not connected, so the bot cannot carry on when an agent hands the conversation back.`,
          { nodeId: node.id, handle: 'resolved' },
        ),
      );
    }
    if (!isConnected(ctx, node.id, 'offline')) {
      found.push(
        problem(
          'handoff-no-offline',
          `The "${exitLabel('offline')}" exit of ${nodeName(node)} is not connected: when no agent is available, the customer only gets the standard "team unavailable" text.`,
          { nodeId: node.id, handle: 'offline' },
        ),
      );
    }
  }
  return found;
}
