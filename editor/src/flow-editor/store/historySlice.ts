import type { StateCreator } from 'zustand';
import { MAX_HISTORY, rebuildNodeById, snapshotOf } from './commit';
import { scheduleValidation } from './validation';
import type { EditorState, GetState, HistorySlice, SetState } from './state';
import type { Snapshot } from './types';

/**
 * Restores a snapshot but keeps the current selection (of the nodes that still exist), because
 * selection is not part of history and jumping it around on undo is disorienting.
 */
function restore(set: SetState, get: GetState, target: Snapshot, patch: Partial<EditorState>): void {
  const s = get();
  const selected = new Set(s.selectedNodeIds);
  const selectedEdges = new Set(s.selectedEdgeIds);
  const nodes = target.nodes.map((n) =>
    !!n.selected === selected.has(n.id) && !n.dragging ? n : { ...n, selected: selected.has(n.id), dragging: false },
  );
  const edges = target.edges.map((e) => (!!e.selected === selectedEdges.has(e.id) ? e : { ...e, selected: selectedEdges.has(e.id) }));
  rebuildNodeById(s.nodeById, nodes);
  set({
    ...patch,
    nodes,
    edges,
    meta: target.meta,
    selectedNodeIds: nodes.filter((n) => n.selected).map((n) => n.id),
    selectedEdgeIds: edges.filter((e) => e.selected).map((e) => e.id),
    dragOrigin: null,
    coalesceKey: null,
    changeCounter: s.changeCounter + 1,
  });
  scheduleValidation(get);
}

export const createHistorySlice: StateCreator<EditorState, [], [], HistorySlice> = (set, get) => ({
  past: [],
  future: [],
  canUndo: false,
  canRedo: false,
  dragOrigin: null,
  coalesceKey: null,
  coalesceAt: 0,
  undo() {
    const s = get();
    const target = s.past[s.past.length - 1];
    if (!target) return;
    const past = s.past.slice(0, -1);
    const future = [...s.future, snapshotOf(s)].slice(-MAX_HISTORY);
    restore(set, get, target, { past, future, canUndo: past.length > 0, canRedo: true });
  },
  redo() {
    const s = get();
    const target = s.future[s.future.length - 1];
    if (!target) return;
    const future = s.future.slice(0, -1);
    const past = [...s.past, snapshotOf(s)].slice(-MAX_HISTORY);
    restore(set, get, target, { past, future, canUndo: true, canRedo: future.length > 0 });
  },
});
