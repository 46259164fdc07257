import type { FlowEdge, FlowNode } from '@switchboard/runtime';
import { uniqueId } from './ids';
import type { XY } from '../store/types';

/**
 * Gives pasted nodes and edges fresh ids, moves them by `offset`, and re-points edges and jump
 * targets that stay inside the pasted group. Edges to nodes outside the group are dropped,
 * because their other end is not being pasted.
 */
export function remapForPaste(
  nodes: readonly FlowNode[],
  edges: readonly FlowEdge[],
  offset: XY,
  taken: (id: string) => boolean,
): { nodes: FlowNode[]; edges: FlowEdge[] } {
  const idMap = new Map<string, string>();
  const fresh = new Set<string>();
  const isTaken = (id: string) => taken(id) || fresh.has(id);
  for (const n of nodes) {
    const id = uniqueId(n.type, isTaken);
    fresh.add(id);
    idMap.set(n.id, id);
  }
  const outNodes = nodes.map((n) => {
    const id = idMap.get(n.id)!;
    const position = { x: n.position.x + offset.x, y: n.position.y + offset.y };
    if (n.type === 'jump') {
      const target = idMap.get(n.data.target) ?? n.data.target;
      return { ...n, id, position, data: { ...n.data, target } };
    }
    return { ...n, id, position } as FlowNode;
  });
  const outEdges: FlowEdge[] = [];
  for (const e of edges) {
    const source = idMap.get(e.source);
    const target = idMap.get(e.target);
    if (!source || !target) continue;
    const id = uniqueId('e', isTaken);
    fresh.add(id);
    outEdges.push({ ...e, id, source, target });
  }
  return { nodes: outNodes, edges: outEdges };
}
