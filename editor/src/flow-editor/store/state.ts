import type { StoreApi } from 'zustand';
import type { EdgeChange, NodeChange } from '@xyflow/react';
import type { FlowDocument, FlowNode, NodeKind } from '@switchboard/runtime';
import type { ClipboardPayload } from '../model/clipboardPayload';
import type {
  ConnectFrom,
  EditorEdge,
  EditorNode,
  FlowMeta,
  MetaPatch,
  Problem,
  ProblemCount,
  Snapshot,
  XY,
} from './types';

export interface DocumentSlice {
  flowId: string | null;
  meta: FlowMeta;
  nodes: EditorNode[];
  edges: EditorEdge[];
  /**
   * Per-id lookup for hot components. Mutated in place on every change (only the changed ids),
   * so reads are O(1) and updates never copy 1,000 entries per drag frame; subscribers select
   * `s.nodeById.get(id)`, which changes identity exactly when that node does.
   */
  nodeById: Map<string, EditorNode>;
  revision: number | null;
  changeCounter: number;
  savedCounter: number;
  load(doc: FlowDocument, revision: number): void;
  toDocument(): FlowDocument;
  markSaved(revision: number, atCounter: number): void;
  updateNodeData(nodeId: string, data: FlowNode['data']): void;
  updateMeta(patch: MetaPatch): void;
  renameVariable(oldName: string, newName: string): void;
  addNode(kind: NodeKind, position: XY, connectFrom?: ConnectFrom): string;
  deleteElements(nodeIds: string[], edgeIds: string[]): void;
  /** Deletes the selected nodes and edges. */
  deleteSelection(): void;
  /** Connects an output handle; an edge already leaving that handle is replaced. */
  connect(source: string, sourceHandle: string | null, target: string): void;
  /** Moves nodes as one history entry (auto-layout). */
  setPositions(positions: ReadonlyMap<string, XY>): void;
  /** Moves the selected nodes; one history entry per call. */
  nudgeSelection(dx: number, dy: number): void;
  onNodesChange(changes: NodeChange<EditorNode>[]): void;
  onEdgesChange(changes: EdgeChange<EditorEdge>[]): void;
}

export interface SelectionSlice {
  selectedNodeIds: string[];
  selectedEdgeIds: string[];
  selectNode(nodeId: string | null, opts?: { center?: boolean }): void;
  /** Selects exactly these nodes (and no edges). */
  selectNodes(nodeIds: readonly string[]): void;
  selectAll(): void;
}

export interface HistorySlice {
  past: Snapshot[];
  future: Snapshot[];
  canUndo: boolean;
  canRedo: boolean;
  undo(): void;
  redo(): void;
  /** The document as it was when the current drag began; committed once, at drag end. */
  dragOrigin: Snapshot | null;
  coalesceKey: string | null;
  coalesceAt: number;
}

export interface ClipboardSlice {
  /** In-memory copy, used when the system clipboard is unavailable or holds something else. */
  clipboard: ClipboardPayload | null;
  pasteCount: number;
  /** The selected nodes (start excluded) and the edges between them, or null when nothing fits. */
  copySelection(): ClipboardPayload | null;
  cutSelection(): ClipboardPayload | null;
  /** Adds the payload with fresh ids, selects it and returns the new node ids. */
  pastePayload(payload: ClipboardPayload, at?: XY): string[];
  duplicateSelection(): string[];
}

export type ViewRequest = { kind: 'center'; nodeId: string; seq: number } | { kind: 'fit'; seq: number };

export interface QuickAddState {
  /** Where the menu appears, in screen pixels relative to the canvas. */
  screen: XY;
  /** Where the new node goes, in flow coordinates. */
  position: XY;
  from: ConnectFrom;
}

export interface UiSlice {
  problems: Problem[];
  problemsByNode: Map<string, ProblemCount>;
  setProblems(problems: Problem[]): void;
  findOpen: boolean;
  setFindOpen(open: boolean): void;
  quickAdd: QuickAddState | null;
  setQuickAdd(state: QuickAddState | null): void;
  /** When on, dragging on the empty canvas draws a selection box instead of panning. */
  selectMode: boolean;
  setSelectMode(on: boolean): void;
  /** A one-shot request for the canvas to move the viewport; the store cannot reach React Flow. */
  viewRequest: ViewRequest | null;
  requestFitView(): void;
}

export type EditorState = DocumentSlice & SelectionSlice & HistorySlice & ClipboardSlice & UiSlice;
export type SetState = StoreApi<EditorState>['setState'];
export type GetState = StoreApi<EditorState>['getState'];
