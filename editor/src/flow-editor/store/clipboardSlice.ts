import type { StateCreator } from 'zustand';
import type { ClipboardPayload } from '../model/clipboardPayload';
import { remapForPaste } from '../model/remapForPaste';
import { toFlowEdge, toFlowNode } from '../model/toFlow';
import { commit } from './commit';
import type { ClipboardSlice, EditorState } from './state';
import type { EditorEdge, EditorNode, XY } from './types';

/**
 * Without a pointer on the canvas, each repeated paste of the same copy lands this much further
 * down-right, like in Figma or Typebot: far enough that the copy is plainly a second card
 * rather than a shadow of the first.
 */
export const PASTE_OFFSET = 80;

export const createClipboardSlice: StateCreator<EditorState, [], [], ClipboardSlice> = (set, get) => ({
  clipboard: null,
  pasteCount: 0,

  copySelection() {
    const s = get();
    // A second start node would make the flow invalid, so the start never travels.
    const nodes = s.selectedNodeIds
      .map((id) => s.nodeById.get(id))
      .filter((n): n is EditorNode => n !== undefined && n.type !== 'start');
    if (nodes.length === 0) return null;
    const ids = new Set(nodes.map((n) => n.id));
    const edges = s.edges.filter((e) => ids.has(e.source) && ids.has(e.target));
    const payload: ClipboardPayload = {
      switchboard: 'nodes',
      nodes: nodes.map(toFlowNode),
      edges: edges.map(toFlowEdge),
    };
    set({ clipboard: payload, pasteCount: 0 });
    return payload;
  },

  cutSelection() {
    const payload = get().copySelection();
    if (!payload) return null;
    get().deleteElements(payload.nodes.map((n) => n.id), []);
    // Pasting after a cut puts the nodes back where they were, as in any editor.
    set({ pasteCount: -1 });
    return payload;
  },

  pastePayload(payload, at) {
    const s = get();
    const last = s.clipboard;
    const sameAsLast =
      last !== null &&
      payload.nodes.length === last.nodes.length &&
      payload.nodes.every((n, i) => n.id === last.nodes[i]?.id);
    const count = sameAsLast ? s.pasteCount + 1 : 1;
    let offset: XY = { x: PASTE_OFFSET * count, y: PASTE_OFFSET * count };
    if (at) {
      const minX = Math.min(...payload.nodes.map((n) => n.position.x));
      const minY = Math.min(...payload.nodes.map((n) => n.position.y));
      offset = { x: at.x - minX, y: at.y - minY };
    }
    const taken = (id: string) => s.nodeById.has(id) || s.edges.some((e) => e.id === id);
    const fresh = remapForPaste(payload.nodes, payload.edges, offset, taken);
    const newIds = fresh.nodes.map((n) => n.id);
    const nodes: EditorNode[] = [
      ...s.nodes.map((n) => (n.selected ? { ...n, selected: false } : n)),
      ...fresh.nodes.map((n) => ({ ...n, selected: true }) as EditorNode),
    ];
    const edges: EditorEdge[] = [...s.edges.map((e) => (e.selected ? { ...e, selected: false } : e)), ...fresh.edges];
    commit(set, get, {
      nodes,
      edges,
      selectedNodeIds: newIds,
      selectedEdgeIds: [],
      clipboard: payload,
      pasteCount: count,
    });
    return newIds;
  },

  duplicateSelection() {
    const s = get();
    const saved = { clipboard: s.clipboard, pasteCount: s.pasteCount };
    const payload = s.copySelection();
    // Duplicate must not disturb what the user copied earlier.
    set(saved);
    if (!payload) return [];
    const ids = get().pastePayload(payload, undefined);
    set(saved);
    return ids;
  },
});
