import type { ValidationContext } from '../context';
import { capitalize, nodeName } from '../describe';
import { problem, type Problem } from '../problem';

export function unreachableNodes(ctx: ValidationContext): Problem[] {
  // Without a start everything would be unreachable; the missing start is the one thing to fix.
  if (ctx.starts.length === 0) return [];
  const found: Problem[] = [];
  for (const node of ctx.nodeById.values()) {
    if (ctx.reachable.has(node.id)) continue;
    found.push(
      problem(
        'unreachable-node',
        `${capitalize(nodeName(node, ctx.nodeById))} can never be reached from the start. Connect it, or delete it if it is no longer needed.`,
        { nodeId: node.id },
      ),
    );
  }
  return found;
}
