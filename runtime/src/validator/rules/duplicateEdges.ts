import type { ValidationContext } from '../context';
import { outputSubject } from '../describe';
import { problem, type Problem } from '../problem';

/** A conversation can only go one way, so one output may lead to one step. */
export function duplicateEdges(ctx: ValidationContext): Problem[] {
  const found: Problem[] = [];
  for (const [nodeId, byHandle] of ctx.edgesByOutput) {
    const node = ctx.nodeById.get(nodeId)!;
    for (const [handle, edges] of byHandle) {
      for (const extra of edges.slice(1)) {
        found.push(
          problem(
            'duplicate-edge',
            `${outputSubject(node, handle, ctx.nodeById)} is connected to ${edges.length} steps; a conversation can only go one way. Remove the extra connection.`,
            { nodeId, edgeId: extra.id, handle },
          ),
        );
      }
    }
  }
  return found;
}
