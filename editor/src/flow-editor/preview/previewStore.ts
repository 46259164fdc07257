import { create } from 'zustand';
import type { FlowDocument, FlowDiff } from '@switchboard/runtime';
import type { PreviewConversation } from './conversation';

export type SidePanel = 'preview' | 'history';

/** Which nodes and edges the flow's test cases go through, ready for the canvas. */
export interface CoverageMarks {
  coveredNodes: ReadonlySet<string>;
  uncoveredNodes: ReadonlySet<string>;
  coveredEdges: ReadonlySet<string>;
  uncoveredEdges: ReadonlySet<string>;
  ratio: number;
}

export type DiffMark = 'added' | 'removed' | 'changed';

/** A side of a comparison as the user named it: a version number or the draft. */
export type VersionRef = number | 'draft';

/** What the read-only canvas shows instead of the draft. */
export type VersionView =
  | { kind: 'version'; number: number; flow: FlowDocument }
  | {
      kind: 'diff';
      from: VersionRef;
      to: VersionRef;
      before: FlowDocument;
      after: FlowDocument;
      diff: FlowDiff;
      marks: ReadonlyMap<string, DiffMark>;
    };

export interface PreviewState {
  panel: SidePanel | null;
  conversation: PreviewConversation | null;
  /** Cached from the conversation so node cards subscribe to a set lookup, not the whole chat. */
  currentNodeId: string | null;
  visitedNodeIds: ReadonlySet<string>;
  visitedEdgeIds: ReadonlySet<string>;
  coverage: CoverageMarks | null;
  showCoverage: boolean;
  view: VersionView | null;
  /** The node picked on the read-only canvas, for the text diff beside it. */
  viewSelection: string | null;
  setPanel(panel: SidePanel | null): void;
  togglePanel(panel: SidePanel): void;
  setConversation(conversation: PreviewConversation | null): void;
  setCoverage(coverage: CoverageMarks | null): void;
  setShowCoverage(show: boolean): void;
  openView(view: VersionView): void;
  closeView(): void;
  setViewSelection(nodeId: string | null): void;
}

const EMPTY: ReadonlySet<string> = new Set();

export const usePreviewStore = create<PreviewState>()((set, get) => ({
  panel: null,
  conversation: null,
  currentNodeId: null,
  visitedNodeIds: EMPTY,
  visitedEdgeIds: EMPTY,
  coverage: null,
  showCoverage: false,
  view: null,
  viewSelection: null,
  setPanel: (panel) => set({ panel }),
  togglePanel: (panel) => set({ panel: get().panel === panel ? null : panel }),
  setConversation(conversation) {
    set({
      conversation,
      currentNodeId: conversation?.session.nodeId ?? null,
      visitedNodeIds: conversation ? new Set(conversation.visitedNodeIds) : EMPTY,
      visitedEdgeIds: conversation ? new Set(conversation.visitedEdgeIds) : EMPTY,
    });
  },
  setCoverage: (coverage) => set({ coverage }),
  setShowCoverage: (showCoverage) => set({ showCoverage }),
  openView: (view) => set({ view, viewSelection: null }),
  closeView: () => set({ view: null, viewSelection: null }),
  setViewSelection: (viewSelection) => set({ viewSelection }),
}));

/** Everything back to the state of a freshly opened editor (another flow was loaded). */
export function resetPreviewStore(): void {
  usePreviewStore.setState({
    panel: null,
    conversation: null,
    currentNodeId: null,
    visitedNodeIds: EMPTY,
    visitedEdgeIds: EMPTY,
    coverage: null,
    showCoverage: false,
    view: null,
    viewSelection: null,
  });
}
