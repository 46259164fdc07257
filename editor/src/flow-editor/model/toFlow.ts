import type { FlowEdge, FlowNode } from '@switchboard/runtime';
import type { EditorEdge, EditorNode } from '../store/types';

/** Drops React Flow's runtime fields: what is saved, copied or validated. */
export function toFlowNode(n: EditorNode): FlowNode {
  return { id: n.id, type: n.type, position: { x: n.position.x, y: n.position.y }, data: n.data } as FlowNode;
}

export function toFlowEdge(e: EditorEdge): FlowEdge {
  const edge: FlowEdge = { id: e.id, source: e.source, target: e.target };
  if (e.sourceHandle != null) edge.sourceHandle = e.sourceHandle;
  return edge;
}
