import { applyEdgeChanges, applyNodeChanges, type NodeChange } from '@xyflow/react';
import type { StateCreator } from 'zustand';
import { CURRENT_SCHEMA_VERSION, flowSettingsSchema, type FlowDocument } from '@switchboard/runtime';
import { renameVariable as renameVariableIn } from '../model/renameVariable';
import { variablesWrittenBy } from '../model/variableUsage';
import { newNodeData } from '../kinds';
import { uniqueId } from '../model/ids';
import { toFlowEdge, toFlowNode } from '../model/toFlow';
import { initialGeometry } from '../nodes/initialGeometry';
import { commit, rebuildNodeById, snapshotOf } from './commit';
import { DEFER_LOAD_VALIDATION_FROM, validateNow, validateWhenIdle } from './validation';
import type { DocumentSlice, EditorState } from './state';
import type { EditorEdge, EditorNode, FlowMeta } from './types';

export const emptyMeta: FlowMeta = {
  schemaVersion: CURRENT_SCHEMA_VERSION,
  id: '',
  name: '',
  description: '',
  locale: 'en',
  variables: [],
  settings: flowSettingsSchema.parse({}),
};

/** Handles are compared by name; a bare edge leaves a single-output node's only handle. */
function sameHandle(a: string | null | undefined, b: string | null | undefined): boolean {
  return (a ?? null) === (b ?? null);
}

function changedKeys(prev: object, next: object): string[] {
  const keys = new Set([...Object.keys(prev), ...Object.keys(next)]);
  const out: string[] = [];
  for (const k of keys) {
    if ((prev as Record<string, unknown>)[k] !== (next as Record<string, unknown>)[k]) out.push(k);
  }
  return out.sort();
}

function isOnlyStart(nodes: readonly EditorNode[], node: EditorNode): boolean {
  return node.type === 'start' && nodes.filter((n) => n.type === 'start').length === 1;
}

export const createDocumentSlice: StateCreator<EditorState, [], [], DocumentSlice> = (set, get) => ({
  flowId: null,
  meta: emptyMeta,
  nodes: [],
  edges: [],
  nodeById: new Map(),
  revision: null,
  changeCounter: 0,
  savedCounter: 0,

  load(doc, revision) {
    const { nodes, edges, ...meta } = doc;
    const map = get().nodeById;
    const editorNodes = nodes.map(withInitialGeometry);
    rebuildNodeById(map, editorNodes);
    set({
      flowId: doc.id,
      meta,
      nodes: editorNodes,
      edges: edges as EditorEdge[],
      revision,
      changeCounter: 0,
      savedCounter: 0,
      selectedNodeIds: [],
      selectedEdgeIds: [],
      past: [],
      future: [],
      canUndo: false,
      canRedo: false,
      dragOrigin: null,
      coalesceKey: null,
      coalesceAt: 0,
      pasteCount: 0,
      quickAdd: null,
      viewRequest: null,
    });
    if (editorNodes.length >= DEFER_LOAD_VALIDATION_FROM) {
      // The previous flow's problems must not show on this one while its own are pending.
      get().setProblems([]);
      validateWhenIdle(get);
    } else {
      validateNow(get);
    }
  },

  toDocument(): FlowDocument {
    const s = get();
    return { ...s.meta, nodes: s.nodes.map(toFlowNode), edges: s.edges.map(toFlowEdge) };
  },

  markSaved(revision, atCounter) {
    set({ revision, savedCounter: atCounter });
  },

  updateNodeData(nodeId, data) {
    const s = get();
    const node = s.nodeById.get(nodeId);
    if (!node || node.data === data) return;
    const keys = changedKeys(node.data, data);
    if (keys.length === 0) return;
    const updated = { ...node, data } as EditorNode;
    commit(set, get, { nodes: s.nodes.map((n) => (n.id === nodeId ? updated : n)) }, {
      coalesceKey: `node:${nodeId}:${keys.join(',')}`,
    });
  },

  updateMeta(patch) {
    const s = get();
    const keys = changedKeys(s.meta, { ...s.meta, ...patch });
    if (keys.length === 0) return;
    commit(set, get, { meta: { ...s.meta, ...patch } }, { coalesceKey: `meta:${keys.join(',')}` });
  },

  renameVariable(oldName, newName) {
    const s = get();
    const result = renameVariableIn({ meta: s.meta, nodes: s.nodes }, oldName, newName);
    if (result.meta === s.meta && result.changedNodeIds.length === 0) return;
    commit(set, get, { meta: result.meta, nodes: result.nodes });
  },

  addNode(kind, position, connectFrom) {
    const s = get();
    const id = uniqueId(kind, (x) => s.nodeById.has(x));
    const usedVariables = new Set(s.nodes.flatMap((n) => variablesWrittenBy(n)));
    const data = newNodeData(kind, { nodeId: id, meta: s.meta, usedVariables });
    const node = { id, type: kind, position, data, selected: true } as EditorNode;
    const nodes = [...s.nodes.map((n) => (n.selected ? { ...n, selected: false } : n)), node];
    let edges = s.edges.map((e) => (e.selected ? { ...e, selected: false } : e));
    if (connectFrom && s.nodeById.has(connectFrom.nodeId) && connectFrom.nodeId !== id) {
      edges = edges.filter((e) => !(e.source === connectFrom.nodeId && sameHandle(e.sourceHandle, connectFrom.handle)));
      edges.push({
        id: uniqueId('e', (x) => edges.some((e) => e.id === x)),
        source: connectFrom.nodeId,
        sourceHandle: connectFrom.handle,
        target: id,
      });
    }
    commit(set, get, { nodes, edges, selectedNodeIds: [id], selectedEdgeIds: [] });
    return id;
  },

  deleteElements(nodeIds, edgeIds) {
    const s = get();
    const removeNodes = new Set(nodeIds.filter((id) => {
      const n = s.nodeById.get(id);
      // The only start node is where every conversation begins; removing it is never what the user meant.
      return n !== undefined && !isOnlyStart(s.nodes, n);
    }));
    const removeEdges = new Set(edgeIds);
    const edges = s.edges.filter(
      (e) => !removeEdges.has(e.id) && !removeNodes.has(e.source) && !removeNodes.has(e.target),
    );
    if (removeNodes.size === 0 && edges.length === s.edges.length) return;
    const nodes = removeNodes.size ? s.nodes.filter((n) => !removeNodes.has(n.id)) : s.nodes;
    commit(set, get, {
      nodes,
      edges,
      selectedNodeIds: s.selectedNodeIds.filter((id) => !removeNodes.has(id)),
      selectedEdgeIds: s.selectedEdgeIds.filter((id) => edges.some((e) => e.id === id)),
    });
  },

  deleteSelection() {
    const s = get();
    s.deleteElements(s.selectedNodeIds, s.selectedEdgeIds);
  },

  connect(source, sourceHandle, target) {
    const s = get();
    if (source === target || !s.nodeById.has(source) || !s.nodeById.has(target)) return;
    const existing = s.edges.find((e) => e.source === source && sameHandle(e.sourceHandle, sourceHandle));
    if (existing && existing.target === target) return;
    const edges = s.edges.filter((e) => e !== existing);
    const edge: EditorEdge = { id: uniqueId('e', (x) => s.edges.some((e) => e.id === x)), source, target };
    if (sourceHandle != null) edge.sourceHandle = sourceHandle;
    edges.push(edge);
    commit(set, get, { edges });
  },

  setPositions(positions) {
    const s = get();
    let moved = false;
    const nodes = s.nodes.map((n) => {
      const p = positions.get(n.id);
      if (!p || (p.x === n.position.x && p.y === n.position.y)) return n;
      moved = true;
      return { ...n, position: { x: p.x, y: p.y } };
    });
    if (moved) commit(set, get, { nodes });
  },

  nudgeSelection(dx, dy) {
    const s = get();
    if (s.selectedNodeIds.length === 0) return;
    const selected = new Set(s.selectedNodeIds);
    const nodes = s.nodes.map((n) =>
      selected.has(n.id) ? { ...n, position: { x: n.position.x + dx, y: n.position.y + dy } } : n,
    );
    commit(set, get, { nodes });
  },

  onNodesChange(changes) {
    const s = get();
    let dragStarted = false;
    let moveEnded = false;
    let selectionChanged = false;
    let measured = false;
    let relevant = false;
    for (const c of changes) {
      if (c.type === 'position') {
        relevant = true;
        if (c.dragging) dragStarted = true;
        else moveEnded = true;
      } else if (c.type === 'select') {
        relevant = true;
        selectionChanged = true;
      } else if (c.type === 'dimensions') {
        relevant = true;
        measured = true;
      }
      // add/remove/replace come only from store actions, never from React Flow itself here.
    }
    if (!relevant) return;
    const origin = s.dragOrigin ?? (dragStarted ? snapshotOf(s) : null);
    const nodes = applyNodeChanges(
      changes.filter((c) => c.type === 'position' || c.type === 'select' || c.type === 'dimensions'),
      s.nodes,
    );
    if (measured) dropGuessedHandles(nodes, changes);
    syncChanged(s.nodeById, nodes, changes);
    const extra: Partial<EditorState> = {};
    if (selectionChanged) extra.selectedNodeIds = nodes.filter((n) => n.selected).map((n) => n.id);
    if (moveEnded) {
      set({ ...extra, dragOrigin: null });
      commit(set, get, { nodes }, origin ? { origin } : {});
      return;
    }
    set({ ...extra, nodes, dragOrigin: origin });
  },

  onEdgesChange(changes) {
    const s = get();
    const relevant = changes.filter((c) => c.type === 'select');
    if (relevant.length === 0) return;
    const edges = applyEdgeChanges(relevant, s.edges);
    set({ edges, selectedEdgeIds: edges.filter((e) => e.selected).map((e) => e.id) });
  },
});

/** Guessed size and handles let React Flow skip mounting off-screen cards just to measure them. */
function withInitialGeometry(node: EditorNode): EditorNode {
  return { ...node, ...initialGeometry(node) };
}

/**
 * Once a card is measured its real handle bounds must win: React Flow re-reads `handles` every
 * time the node object changes, so left in place the guesses would overwrite the measurement.
 */
function dropGuessedHandles(nodes: EditorNode[], changes: NodeChange<EditorNode>[]) {
  const ids = new Set<string>();
  for (const c of changes) if (c.type === 'dimensions') ids.add(c.id);
  for (let i = 0; i < nodes.length; i++) {
    const n = nodes[i]!;
    if (n.handles && ids.has(n.id)) {
      const { handles: _guessed, ...rest } = n;
      nodes[i] = rest as EditorNode;
    }
  }
}

/** Points the lookup at the new objects of the nodes a change list touched. */
function syncChanged(map: Map<string, EditorNode>, nodes: EditorNode[], changes: NodeChange<EditorNode>[]) {
  const ids = new Set<string>();
  for (const c of changes) if ('id' in c) ids.add(c.id);
  if (ids.size === 0) return;
  for (const n of nodes) if (ids.has(n.id)) map.set(n.id, n);
}

