import { create } from 'zustand';
import { createDocumentSlice } from './documentSlice';
import { createSelectionSlice } from './selectionSlice';
import { createHistorySlice } from './historySlice';
import { createClipboardSlice } from './clipboardSlice';
import { createUiSlice } from './uiSlice';
import type { EditorState } from './state';

export const useEditorStore = create<EditorState>()((...a) => ({
  ...createDocumentSlice(...a),
  ...createSelectionSlice(...a),
  ...createHistorySlice(...a),
  ...createClipboardSlice(...a),
  ...createUiSlice(...a),
}));

export type { EditorState, QuickAddState, ViewRequest } from './state';
export type { EditorEdge, EditorNode, FlowMeta, MetaPatch, Problem, ProblemCount, Snapshot, XY, ConnectFrom } from './types';
export { MAX_HISTORY, COALESCE_MS } from './commit';
export { VALIDATION_DELAY_MS } from './validation';
export { PASTE_OFFSET } from './clipboardSlice';
