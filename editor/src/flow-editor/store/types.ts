import type { Edge, Node } from '@xyflow/react';
import type { FlowDocument, FlowEdge, FlowNode } from '@switchboard/runtime';

/** Our document node plus React Flow's runtime fields (selected, measured, dragging...). */
export type EditorNode = FlowNode & Omit<Node, 'id' | 'type' | 'position' | 'data'>;
export type EditorEdge = FlowEdge & Omit<Edge, 'id' | 'source' | 'sourceHandle' | 'target'>;

export type FlowMeta = Omit<FlowDocument, 'nodes' | 'edges'>;
export type MetaPatch = Partial<Omit<FlowDocument, 'nodes' | 'edges' | 'id' | 'schemaVersion'>>;

// The runtime validator's own type: the editor shows exactly what publishing checks.
export type { Problem } from '@switchboard/runtime';

export interface ProblemCount {
  errors: number;
  warnings: number;
}

/** What undo/redo restores. Node objects are shared between snapshots, never copied. */
export interface Snapshot {
  nodes: EditorNode[];
  edges: EditorEdge[];
  meta: FlowMeta;
}

export interface XY {
  x: number;
  y: number;
}

export interface ConnectFrom {
  nodeId: string;
  handle: string;
}
