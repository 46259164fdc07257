import { isConnected, type ValidationContext } from '../context';
import { capitalize, nodeName } from '../describe';
import { problem, type Problem } from '../problem';

export function handoffOutputs(ctx: ValidationContext): Problem[] {
  const found: Problem[] = [];
  for (const node of ctx.nodeById.values()) {
    if (node.type !== 'handoff') continue;
    const name = capitalize(nodeName(node));
    if (!isConnected(ctx, node.id, 'resolved')) {
      found.push(
        problem(
          'handoff-resolved-unconnected',
          `${name} has nothing connected to its "resolved" output, so the bot cannot carry on when an agent hands the conversation back.`,
          { nodeId: node.id, handle: 'resolved' },
        ),
      );
    }
    if (!isConnected(ctx, node.id, 'offline')) {
      found.push(
        problem(
          'handoff-no-offline',
          `${name} has no "offline" branch: when no agent is available, the customer only gets the standard "team unavailable" text.`,
          { nodeId: node.id, handle: 'offline' },
        ),
      );
    }
  }
  return found;
}
