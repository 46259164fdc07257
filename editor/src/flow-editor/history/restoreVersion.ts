import type { FlowDocument } from '@switchboard/runtime';
import { useEditorStore, type EditorEdge, type EditorNode } from '../store';
import { commit } from '../store/commit';

/**
 * Replaces the draft with a version's document as one undo step; autosave then saves it like
 * any other edit. The draft keeps its own id (a version of this flow has the same one anyway).
 */
export function restoreIntoDraft(version: FlowDocument): void {
  const { getState, setState } = useEditorStore;
  const { nodes, edges, ...meta } = version;
  commit(setState, getState, {
    nodes: nodes as EditorNode[],
    edges: edges as EditorEdge[],
    meta: { ...meta, id: getState().meta.id || meta.id },
    selectedNodeIds: [],
    selectedEdgeIds: [],
  });
}
