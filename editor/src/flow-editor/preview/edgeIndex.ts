import { defaultHandle, type FlowDocument } from '@switchboard/runtime';

/** `nodeId\0handle` -> edge id: which drawn edge an engine step or a covered output stands for. */
export type EdgeIndex = ReadonlyMap<string, string>;

export const handleKey = (nodeId: string, handle: string) => `${nodeId}\u0000${handle}`;

export function edgeIndex(flow: FlowDocument): EdgeIndex {
  const nodes = new Map(flow.nodes.map((n) => [n.id, n]));
  const map = new Map<string, string>();
  for (const edge of flow.edges) {
    const source = nodes.get(edge.source);
    // An edge without a handle leaves the node's only (default) output, as the engine reads it.
    const handle = edge.sourceHandle ?? (source ? defaultHandle(source) : null);
    if (handle == null) continue;
    const key = handleKey(edge.source, handle);
    if (!map.has(key)) map.set(key, edge.id);
  }
  return map;
}
