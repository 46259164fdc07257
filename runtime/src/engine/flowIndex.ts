import type { FlowDocument } from '../schema/flow';
import type { FlowNode } from '../schema/node';
import { defaultHandle } from '../schema/node';
import type { VariableDefinition, VariableValue } from '../schema/common';
import { setOwn } from './records';
import type { ParseResult } from './math';
import { compileTemplate, type CompiledTemplate } from '../text/template';
import type { SafePattern } from '../text/safePattern';

/** Lookups the engine needs on every turn, built once per flow object. */
export interface FlowIndex {
  nodes: Map<string, FlowNode>;
  /** The first start node, if any; the validator reports a missing or duplicate start. */
  startId: string | null;
  /**
   * Source node id -> handle -> target node id; the first edge wins when several leave one
   * handle. Two levels rather than a joined key, so a lookup builds no string.
   */
  targets: Map<string, Map<string, string>>;
  variables: Map<string, VariableDefinition>;
  /** Option id -> label over all choice nodes, to read a stale button click as typed text. */
  optionLabels: Map<string, string>;
  /**
   * Compiled question patterns and condition `matches` patterns by source (null = invalid);
   * filled lazily. One map per use, keyed by the source string itself, so a lookup builds no key.
   */
  questionPatterns: Map<string, SafePattern | null>;
  conditionPatterns: Map<string, SafePattern | null>;
  /** Parsed `set` arithmetic by source; filled lazily. */
  expressions: Map<string, ParseResult>;
  /** Compiled texts by source (null = no placeholder); filled lazily. */
  templates: Map<string, CompiledTemplate | null>;
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
  const targets = new Map<string, Map<string, string>>();
  for (const edge of flow.edges) {
    const source = nodes.get(edge.source);
    if (!source) continue;
    // React Flow omits the handle on single-output nodes; such an edge leaves the only handle.
    const handle = edge.sourceHandle ?? defaultHandle(source);
    if (handle === null) continue;
    let byHandle = targets.get(edge.source);
    if (!byHandle) targets.set(edge.source, (byHandle = new Map()));
    if (!byHandle.has(handle)) byHandle.set(handle, edge.target);
  }
  const variables = new Map<string, VariableDefinition>();
  for (const v of flow.variables) if (!variables.has(v.name)) variables.set(v.name, v);
  return {
    nodes,
    startId,
    targets,
    variables,
    optionLabels,
    questionPatterns: new Map(),
    conditionPatterns: new Map(),
    expressions: new Map(),
    templates: new Map(),
  };
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
  return index.targets.get(source)?.get(handle);
}

/** Declared defaults; a variable without a default starts unset. */
export function defaultVariables(flow: FlowDocument): Record<string, VariableValue> {
  const vars: Record<string, VariableValue> = {};
  for (const v of flow.variables) {
    if (v.default !== undefined && !Object.hasOwn(vars, v.name)) setOwn(vars, v.name, v.default);
  }
  return vars;
}

/** A compiled regular expression from a per-flow cache; null if the source is invalid. */
export function cachedRegex(cache: Map<string, SafePattern | null>, source: string, build: (source: string) => SafePattern): SafePattern | null {
  let re = cache.get(source);
  if (re === undefined) {
    try {
      re = build(source);
    } catch {
      re = null;
    }
    cache.set(source, re);
  }
  return re;
}

/** A text's compiled template from the per-flow cache; null when it has no placeholder. */
export function compiledTemplate(index: FlowIndex, text: string): CompiledTemplate | null {
  let template = index.templates.get(text);
  if (template === undefined) {
    template = compileTemplate(text);
    index.templates.set(text, template);
  }
  return template;
}
