import type { FlowDocument } from '../schema/flow';
import type { FlowEdge } from '../schema/edge';
import { defaultHandle, outputHandles, type FlowNode } from '../schema/node';
import { reachableFrom } from './graph/reachable';

/**
 * Lookups built once per `validateFlow` call so that every rule is a linear pass. Where ids
 * are duplicated the first node wins; the duplicate itself is reported by its own rule.
 */
export interface ValidationContext {
  flow: FlowDocument;
  nodeById: ReadonlyMap<string, FlowNode>;
  /** The handles each node offers, by node id. */
  handlesOf: ReadonlyMap<string, ReadonlySet<string>>;
  /** The output an edge leaves from, or null when its source is missing or the handle unknown. */
  edgeHandle: ReadonlyMap<FlowEdge, string | null>;
  /** Usable edges (known source, handle and target) by source id, then handle. */
  edgesByOutput: ReadonlyMap<string, ReadonlyMap<string, readonly FlowEdge[]>>;
  /** Where the conversation can go next from each node: usable edges and jump targets. */
  successors: ReadonlyMap<string, readonly string[]>;
  starts: readonly FlowNode[];
  /** Ids of nodes some path from a start reaches, starts included. */
  reachable: ReadonlySet<string>;
}

const INTERRUPTIBLE: ReadonlySet<FlowNode['type']> = new Set(['question', 'choice', 'intent', 'faq']);

const NO_EDGES: readonly FlowEdge[] = [];

export function edgesFrom(ctx: ValidationContext, nodeId: string, handle: string): readonly FlowEdge[] {
  return ctx.edgesByOutput.get(nodeId)?.get(handle) ?? NO_EDGES;
}

export function isConnected(ctx: ValidationContext, nodeId: string, handle: string): boolean {
  return edgesFrom(ctx, nodeId, handle).length > 0;
}

export function buildContext(flow: FlowDocument): ValidationContext {
  const nodeById = new Map<string, FlowNode>();
  const handlesOf = new Map<string, Set<string>>();
  const starts: FlowNode[] = [];
  for (const node of flow.nodes) {
    if (node.type === 'start') starts.push(node);
    if (nodeById.has(node.id)) continue;
    nodeById.set(node.id, node);
    handlesOf.set(node.id, new Set(outputHandles(node)));
  }

  const edgeHandle = new Map<FlowEdge, string | null>();
  const edgesByOutput = new Map<string, Map<string, FlowEdge[]>>();
  const successors = new Map<string, string[]>();
  const addSuccessor = (from: string, to: string) => {
    const list = successors.get(from);
    if (list) list.push(to);
    else successors.set(from, [to]);
  };

  for (const edge of flow.edges) {
    const source = nodeById.get(edge.source);
    const handle = source ? (edge.sourceHandle ?? defaultHandle(source)) : null;
    const known = handle !== null && handlesOf.get(edge.source)!.has(handle);
    edgeHandle.set(edge, known ? handle : null);
    if (!known || !nodeById.has(edge.target)) continue;
    let byHandle = edgesByOutput.get(edge.source);
    if (!byHandle) edgesByOutput.set(edge.source, (byHandle = new Map()));
    const list = byHandle.get(handle);
    if (list) list.push(edge);
    else byHandle.set(handle, [edge]);
    addSuccessor(edge.source, edge.target);
  }
  const globalTargets = flow.settings.globalIntents.intents.map((i) => i.target).filter((t) => nodeById.has(t));
  for (const node of nodeById.values()) {
    if (node.type === 'jump' && nodeById.has(node.data.target)) addSuccessor(node.id, node.data.target);
    // A global intent can interrupt any of these waits, so its target follows each of them.
    if (INTERRUPTIBLE.has(node.type)) for (const target of globalTargets) addSuccessor(node.id, target);
  }

  return {
    flow,
    nodeById,
    handlesOf,
    edgeHandle,
    edgesByOutput,
    successors,
    starts,
    reachable: reachableFrom(starts.map((s) => s.id), successors),
  };
}
