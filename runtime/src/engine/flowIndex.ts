import type { FlowDocument } from '../schema/flow';
import type { FlowNode } from '../schema/node';
import { defaultHandle } from '../schema/node';
import type { VariableDefinition, VariableValue } from '../schema/common';
import { setOwn } from './records';
import type { ParseResult } from './math';

/** Lookups the engine needs on every turn, built once per flow object. */
export interface FlowIndex {
  nodes: Map<string, FlowNode>;
  /** The first start node, if any; the validator reports a missing or duplicate start. */
  startId: string | null;
  /** Keyed by `edgeKey(source, handle)`; the first edge wins when several leave one handle. */
  targets: Map<string, string>;
  variables: Map<string, VariableDefinition>;
  /** Option id -> label over all choice nodes, to read a stale button click as typed text. */
  optionLabels: Map<string, string>;
  /** Compiled patterns by source (null = invalid pattern); filled lazily. */
  regexes: Map<string, RegExp | null>;
  /** Parsed `set` arithmetic by source; filled lazily. */
  expressions: Map<string, ParseResult>;
}

export function edgeKey(source: string, handle: string): string {
  return `${source}\u0000${handle}`;
}

export function createIndex(flow: FlowDocument): FlowIndex {
  const nodes = new Map<string, FlowNode>();
  const optionLabels = new Map<string, string>();
  let startId: string | null = null;
  for (const node of flow.nodes) {
    if (nodes.has(node.id)) continue;
    nodes.set(node.id, node);
    if (node.type === 'start' && startId === null) startId = node.id;
    if (node.type === 'choice') {
      for (const o of node.data.options) if (!optionLabels.has(o.id)) optionLabels.set(o.id, o.label);
    }
  }
  const targets = new Map<string, string>();
  for (const edge of flow.edges) {
    const source = nodes.get(edge.source);
    if (!source) continue;
    // React Flow omits the handle on single-output nodes; such an edge leaves the only handle.
    const handle = edge.sourceHandle ?? defaultHandle(source);
    if (handle === null) continue;
    const key = edgeKey(edge.source, handle);
    if (!targets.has(key)) targets.set(key, edge.target);
  }
  const variables = new Map<string, VariableDefinition>();
  for (const v of flow.variables) if (!variables.has(v.name)) variables.set(v.name, v);
  return { nodes, startId, targets, variables, optionLabels, regexes: new Map(), expressions: new Map() };
}

// Flow documents are treated as immutable once handed to the engine (the editor replaces the
// object on every change), so the object itself is a safe cache key and nothing leaks.
const cache = new WeakMap<FlowDocument, FlowIndex>();

/** The cached index of a flow object; build cost is paid once, not per turn. */
export function indexOf(flow: FlowDocument): FlowIndex {
  let index = cache.get(flow);
  if (!index) {
    index = createIndex(flow);
    cache.set(flow, index);
  }
  return index;
}

export function targetOf(index: FlowIndex, source: string, handle: string): string | undefined {
  return index.targets.get(edgeKey(source, handle));
}

/** Declared defaults; a variable without a default starts unset. */
export function defaultVariables(flow: FlowDocument): Record<string, VariableValue> {
  const vars: Record<string, VariableValue> = {};
  for (const v of flow.variables) {
    if (v.default !== undefined && !Object.hasOwn(vars, v.name)) setOwn(vars, v.name, v.default);
  }
  return vars;
}

/** A compiled regular expression from the per-flow cache; null if the source is invalid. */
export function cachedRegex(index: FlowIndex, key: string, build: () => RegExp): RegExp | null {
  let re = index.regexes.get(key);
  if (re === undefined) {
    try {
      re = build();
    } catch {
      re = null;
    }
    index.regexes.set(key, re);
  }
  return re;
}
