import type { ValidationContext } from '../context';
import { capitalize, nodeName } from '../describe';
import { problem, type Problem } from '../problem';

export function edgeEndpoints(ctx: ValidationContext): Problem[] {
  const found: Problem[] = [];
  for (const edge of ctx.flow.edges) {
    const source = ctx.nodeById.get(edge.source);
    if (!source) {
      found.push(
        problem('edge-missing-source', 'A connection starts at a step that no longer exists. Delete the connection.', {
          edgeId: edge.id,
        }),
      );
      continue;
    }
    // Named only when something is wrong: most edges are fine and naming allocates.
    const from = () => nodeName(source, ctx.nodeById);
    if (ctx.edgeHandle.get(edge) === null) {
      const handle = edge.sourceHandle ?? undefined;
      const message =
        handle === undefined
          ? `A connection leaves ${from()} without saying which of its outputs it belongs to. Reconnect it from the right output.`
          : `A connection leaves ${from()} from an output it no longer has ("${handle}"). Reconnect it from the right output.`;
      found.push(problem('edge-unknown-handle', message, { edgeId: edge.id, nodeId: source.id, handle }));
    }
    if (!ctx.nodeById.has(edge.target)) {
      found.push(
        problem(
          'edge-missing-target',
          `${capitalize(from())} is connected to a step that no longer exists. Connect it to another step.`,
          { edgeId: edge.id, nodeId: source.id, handle: ctx.edgeHandle.get(edge) ?? undefined },
        ),
      );
    }
  }
  return found;
}
