import type { StateCreator } from 'zustand';
import type { EditorState, SelectionSlice } from './state';
import type { EditorEdge, EditorNode } from './types';

/** Returns new arrays only where a flag flips, so unaffected nodes keep their identity. */
export function withSelection(
  nodes: EditorNode[],
  edges: EditorEdge[],
  nodeIds: ReadonlySet<string>,
  edgeIds: ReadonlySet<string>,
): { nodes: EditorNode[]; edges: EditorEdge[] } {
  return {
    nodes: nodes.map((n) => (!!n.selected === nodeIds.has(n.id) ? n : { ...n, selected: nodeIds.has(n.id) })),
    edges: edges.map((e) => (!!e.selected === edgeIds.has(e.id) ? e : { ...e, selected: edgeIds.has(e.id) })),
  };
}

// Selection is view state: it never enters undo history and never counts as an unsaved change.
export const createSelectionSlice: StateCreator<EditorState, [], [], SelectionSlice> = (set, get) => {
  function apply(nodeIds: ReadonlySet<string>, edgeIds: ReadonlySet<string>, extra: Partial<EditorState> = {}) {
    const s = get();
    const next = withSelection(s.nodes, s.edges, nodeIds, edgeIds);
    for (const n of next.nodes) if (s.nodeById.get(n.id) !== n) s.nodeById.set(n.id, n);
    set({
      ...next,
      selectedNodeIds: next.nodes.filter((n) => n.selected).map((n) => n.id),
      selectedEdgeIds: next.edges.filter((e) => e.selected).map((e) => e.id),
      ...extra,
    });
  }
  return {
    selectedNodeIds: [],
    selectedEdgeIds: [],
    selectNode(nodeId, opts) {
      const s = get();
      if (nodeId !== null && !s.nodeById.has(nodeId)) return;
      const extra: Partial<EditorState> =
        nodeId !== null && opts?.center
          ? { viewRequest: { kind: 'center', nodeId, seq: (s.viewRequest?.seq ?? 0) + 1 } }
          : {};
      apply(new Set(nodeId === null ? [] : [nodeId]), new Set(), extra);
    },
    selectNodes(nodeIds) {
      apply(new Set(nodeIds), new Set());
    },
    selectAll() {
      const s = get();
      apply(new Set(s.nodes.map((n) => n.id)), new Set(s.edges.map((e) => e.id)));
    },
  };
};
