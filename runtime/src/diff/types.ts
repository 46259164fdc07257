import type { FlowEdge } from '../schema/edge';
import type { FlowNode } from '../schema/node';
import type { Position, VariableDefinition } from '../schema/common';

export interface NodeChange {
  id: string;
  before: FlowNode;
  after: FlowNode;
  typeChanged: boolean;
  /** Top-level `data` keys that differ (all of them when the type changed), for the inspector. */
  fields: string[];
}

/** A move on the canvas: shown, but not counted as a change to behaviour. */
export interface NodeMove {
  id: string;
  from: Position;
  to: Position;
}

export interface TextChange {
  nodeId: string;
  /** `text`, `note`, `retryText`, `options.<optionId>.label`, ...; see textFields. */
  field: string;
  /** '' when the field did not exist on that side (an option added or removed). */
  before: string;
  after: string;
}

export interface VariableChange {
  name: string;
  before: VariableDefinition;
  after: VariableDefinition;
}

/** One changed value by dotted path inside its section: `businessHours.weekly`, `name`, ... */
export interface ValueChange {
  path: string;
  before: unknown;
  after: unknown;
}

export interface FlowDiff {
  /** `moved` lists every node whose position differs, including changed ones. */
  nodes: { added: FlowNode[]; removed: FlowNode[]; changed: NodeChange[]; moved: NodeMove[] };
  /** Edges are matched by what they connect, so one deleted and redrawn is no change. */
  edges: { added: FlowEdge[]; removed: FlowEdge[] };
  variables: { added: VariableDefinition[]; removed: VariableDefinition[]; changed: VariableChange[] };
  settings: ValueChange[];
  /** Name, description and locale. */
  meta: ValueChange[];
  /** Texts of nodes present on both sides, before and after; pair with diffWords to show them. */
  textChanges: TextChange[];
}

export interface DiffSummary {
  nodes: { added: number; removed: number; changed: number; moved: number };
  edges: { added: number; removed: number };
  variables: { added: number; removed: number; changed: number };
  settings: number;
  meta: number;
  texts: number;
  /** Every change except moves on the canvas, which alter nothing a customer sees. */
  total: number;
}
