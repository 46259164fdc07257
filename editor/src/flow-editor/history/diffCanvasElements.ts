import type { Edge, Node } from '@xyflow/react';
import type { FlowDocument, FlowDiff } from '@switchboard/runtime';

/** Removed edges come from the other document, so their ids may repeat ones still present. */
export const REMOVED_EDGE_PREFIX = 'removed:';

/**
 * What the read-only canvas draws for a diff: the newer document, plus removed nodes and edges
 * from the older one as ghosts. Added and removed edges carry a class for their colour.
 */
export function diffCanvasElements(after: FlowDocument, diff: FlowDiff): { nodes: Node[]; edges: Edge[] } {
  const added = new Set(diff.edges.added.map((e) => e.id));
  const nodes: Node[] = [
    ...after.nodes.map((n) => ({ ...n }) as Node),
    ...diff.nodes.removed.map((n) => ({ ...n, className: 'sb-ghost' }) as Node),
  ];
  const edges: Edge[] = [
    ...after.edges.map((e) => ({ ...e, ...(added.has(e.id) ? { className: 'sb-edge--added' } : {}) }) as Edge),
    ...diff.edges.removed.map((e) => ({ ...e, id: `${REMOVED_EDGE_PREFIX}${e.id}`, className: 'sb-edge--removed' }) as Edge),
  ];
  return { nodes, edges };
}
