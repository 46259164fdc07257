import type { FlowNode, NodeKind } from '../schema/node';
import type { Turn } from '../engine/turn';
import type { InputRequest, Session } from '../engine/types';
import type { VariableRenamer } from './variableRenamer';

export type NodeOf<K extends NodeKind> = Extract<FlowNode, { type: K }>;

/** A customer's reply as a waiting node sees it. */
export interface CustomerAnswer {
  /** What was typed; a button pressed reads as its label (a stale one from an earlier message too). */
  text: string;
  /** The reply as sent: typed text, or the id of the option pressed. */
  reply: { text: string } | { optionId: string };
}

/**
 * What the runtime knows about one node kind, in one place. The schema and the output handles
 * live beside the kind's zod schema (schema/nodes/<kind>.ts); everything else is here.
 */
export interface KindRuntime<K extends NodeKind> {
  /** Names a node the way the builder sees it on the canvas, for the validator's messages. */
  name(node: NodeOf<K>, nodeById: ReadonlyMap<string, FlowNode> | undefined, nameOf: (node: FlowNode) => string): string;
  /**
   * What the customer (or, for a handoff note, the agent) reads, by field path: the version diff
   * and translation work on these. Entries keyed by item id, so reordering is not a change.
   */
  texts(node: NodeOf<K>): Record<string, string>;
  /** The variables the node reads before it writes any, i.e. the ones that must already be set. */
  reads(node: NodeOf<K>): string[];
  /** The variables that hold a value once the conversation leaves the node through `handle`. */
  writes(node: NodeOf<K>, handle: string): string[];
  /**
   * The node's data with every mention of a variable renamed, through the renamer's template
   * (free text), name (variable fields) and expression (math) rewrites. The editor's rename uses it.
   */
  renameVariable(data: NodeOf<K>['data'], renamer: VariableRenamer): NodeOf<K>['data'];
  /** Engine: runs the node; the next node to enter, or null once it parked or ended the turn. */
  enter(turn: Turn, node: NodeOf<K>): string | null;
  /**
   * Engine: handles the customer's reply while the session waits here; the next node to enter,
   * or null to keep waiting. null for kinds that never wait for the customer.
   */
  answer: ((turn: Turn, node: NodeOf<K>, answer: CustomerAnswer) => string | null) | null;
  /** Engine: what a session waiting at this node expects the customer to answer. */
  expectedInput(node: NodeOf<K>, session: Session, locale: string): InputRequest;
}

/** One entry per kind: a kind missing here does not compile. */
export type KindRegistry = { [K in NodeKind]: KindRuntime<K> };
