import {
  ClipboardPaste,
  Copy,
  CopyPlus,
  Maximize,
  Network,
  Redo2,
  Scissors,
  Search,
  SquareDashedMousePointer,
  Trash2,
  Undo2,
} from 'lucide-react';
import { autoLayout } from '../layout/autoLayout';
import { pasteFromClipboard, writeSystemClipboard } from './clipboardIO';
import { keyIs, mod } from './keys';
import type { EditorAction } from './types';

const hasSelection = (s: { selectedNodeIds: string[]; selectedEdgeIds: string[] }) =>
  s.selectedNodeIds.length > 0 || s.selectedEdgeIds.length > 0;

/** Nodes a copy would include: anything selected except the start node. */
const hasCopyable = (s: { selectedNodeIds: string[]; nodeById: Map<string, { type: string }> }) =>
  s.selectedNodeIds.some((id) => s.nodeById.get(id)?.type !== 'start');

export const undo: EditorAction = {
  name: 'undo',
  labelKey: 'actions.undo',
  icon: Undo2,
  shortcut: 'Mod+Z',
  scope: 'global',
  keyTest: (e) => mod(e) && !e.shiftKey && keyIs(e, 'z'),
  predicate: (s) => s.canUndo,
  perform: (store) => store.getState().undo(),
};

export const redo: EditorAction = {
  name: 'redo',
  labelKey: 'actions.redo',
  icon: Redo2,
  shortcut: 'Mod+Shift+Z',
  scope: 'global',
  keyTest: (e) => (mod(e) && e.shiftKey && keyIs(e, 'z')) || (e.ctrlKey && !e.shiftKey && keyIs(e, 'y')),
  predicate: (s) => s.canRedo,
  perform: (store) => store.getState().redo(),
};

export const copy: EditorAction = {
  name: 'copy',
  labelKey: 'actions.copy',
  icon: Copy,
  shortcut: 'Mod+C',
  scope: 'global',
  predicate: hasCopyable,
  perform: (store) => {
    const payload = store.getState().copySelection();
    if (payload) void writeSystemClipboard(payload);
  },
};

export const cut: EditorAction = {
  name: 'cut',
  labelKey: 'actions.cut',
  icon: Scissors,
  shortcut: 'Mod+X',
  scope: 'global',
  predicate: hasCopyable,
  perform: (store) => {
    const payload = store.getState().cutSelection();
    if (payload) void writeSystemClipboard(payload);
  },
};

export const paste: EditorAction = {
  name: 'paste',
  labelKey: 'actions.paste',
  icon: ClipboardPaste,
  shortcut: 'Mod+V',
  scope: 'global',
  perform: (store) => void pasteFromClipboard(store),
};

export const duplicate: EditorAction = {
  name: 'duplicate',
  labelKey: 'actions.duplicate',
  icon: CopyPlus,
  shortcut: 'Mod+D',
  scope: 'global',
  keyTest: (e) => mod(e) && !e.shiftKey && keyIs(e, 'd'),
  predicate: hasCopyable,
  perform: (store) => void store.getState().duplicateSelection(),
};

export const deleteSelection: EditorAction = {
  name: 'delete',
  labelKey: 'actions.delete',
  icon: Trash2,
  shortcut: 'Delete',
  scope: 'canvas',
  keyTest: (e) => !mod(e) && (e.key === 'Delete' || e.key === 'Backspace'),
  predicate: hasSelection,
  perform: (store) => store.getState().deleteSelection(),
};

export const selectAll: EditorAction = {
  name: 'selectAll',
  labelKey: 'actions.selectAll',
  shortcut: 'Mod+A',
  scope: 'canvas',
  keyTest: (e) => mod(e) && !e.shiftKey && keyIs(e, 'a'),
  perform: (store) => store.getState().selectAll(),
};

export const layout: EditorAction = {
  name: 'layout',
  labelKey: 'actions.layout',
  icon: Network,
  shortcut: 'Shift+L',
  scope: 'canvas',
  keyTest: (e) => !mod(e) && e.shiftKey && !e.altKey && keyIs(e, 'l'),
  predicate: (s) => s.nodes.length > 1,
  perform: (store, ctx) => {
    const s = store.getState();
    s.setPositions(autoLayout(s.nodes, s.edges));
    // Wait for React Flow to take the new positions before framing them.
    requestAnimationFrame(() => ctx.fitView());
  },
};

export const fitView: EditorAction = {
  name: 'fitView',
  labelKey: 'actions.fitView',
  icon: Maximize,
  shortcut: 'Shift+1',
  scope: 'canvas',
  keyTest: (e) => !mod(e) && e.shiftKey && e.code === 'Digit1',
  perform: (_store, ctx) => ctx.fitView(),
};

export const find: EditorAction = {
  name: 'find',
  labelKey: 'actions.find',
  icon: Search,
  shortcut: 'Mod+F',
  scope: 'global',
  keyTest: (e) => mod(e) && !e.shiftKey && keyIs(e, 'f'),
  perform: (store) => store.getState().setFindOpen(true),
};

export const toggleSelectMode: EditorAction = {
  name: 'selectMode',
  labelKey: 'actions.selectMode',
  icon: SquareDashedMousePointer,
  shortcut: 'V',
  scope: 'canvas',
  keyTest: (e) => !mod(e) && !e.shiftKey && !e.altKey && keyIs(e, 'v'),
  perform: (store) => store.getState().setSelectMode(!store.getState().selectMode),
};

const ARROWS: Record<string, [number, number]> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
};
/** The grid step, so nudged nodes stay aligned; Shift moves by one pixel for fine placement. */
export const NUDGE = 20;

export const nudge: EditorAction = {
  name: 'nudge',
  labelKey: 'actions.nudge',
  scope: 'canvas',
  keyTest: (e) => !mod(e) && !e.altKey && e.key in ARROWS,
  predicate: (s) => s.selectedNodeIds.length > 0,
  perform: (store, _ctx, e) => {
    const dir = e ? ARROWS[e.key] : undefined;
    if (!dir) return;
    const step = e?.shiftKey ? 1 : NUDGE;
    store.getState().nudgeSelection(dir[0] * step, dir[1] * step);
  },
};

export const openInspector: EditorAction = {
  name: 'openInspector',
  labelKey: 'actions.openInspector',
  shortcut: 'Enter',
  scope: 'canvas',
  keyTest: (e) => e.key === 'Enter' && !mod(e) && !e.shiftKey,
  predicate: (_s, ctx) => ctx.focusedNodeId() !== null,
  perform: (store, ctx) => {
    const id = ctx.focusedNodeId();
    if (!id) return;
    store.getState().selectNode(id);
    ctx.focusInspector();
  },
};

export const escape: EditorAction = {
  name: 'escape',
  labelKey: 'actions.clearSelection',
  shortcut: 'Escape',
  scope: 'canvas',
  keyTest: (e) => e.key === 'Escape',
  predicate: (s) => hasSelection(s),
  perform: (store) => store.getState().selectNode(null),
};

// Copy, cut and paste have no keyTest: the keys go through the browser's own clipboard events
// (useClipboardEvents), which need no permission prompt and carry the clipboard's contents.

/** Checked in order; the first whose key test and predicate pass handles the key. */
export const ACTIONS: EditorAction[] = [
  undo,
  redo,
  copy,
  cut,
  paste,
  duplicate,
  deleteSelection,
  selectAll,
  layout,
  fitView,
  find,
  nudge,
  openInspector,
  escape,
  toggleSelectMode,
];
