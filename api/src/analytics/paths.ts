import type { ConversationPath } from '../../../runtime/src/chat/analyticsFacts';
import { outcomeOf } from './figures';

/**
 * The canvas overlay's figures, by node id and by edge (source node and output handle):
 * - entered: conversations that entered the node at least once;
 * - droppedHere: abandoned conversations (figures.ts) whose last entered node is this one;
 * - an edge's conversations: conversations that followed it at least once.
 */
export function computePaths(paths: readonly ConversationPath[], now: number, sessionTimeoutMs: number) {
  const entered = new Map<string, number>();
  const dropped = new Map<string, number>();
  const edges = new Map<string, number>();
  for (const p of paths) {
    for (const id of new Set(p.nodes)) entered.set(id, (entered.get(id) ?? 0) + 1);
    for (const key of new Set(p.edges)) edges.set(key, (edges.get(key) ?? 0) + 1);
    const last = p.nodes[p.nodes.length - 1];
    const abandoned = outcomeOf(p, now, sessionTimeoutMs) === 'abandoned';
    if (abandoned && last !== undefined) dropped.set(last, (dropped.get(last) ?? 0) + 1);
  }
  return {
    started: paths.length,
    nodes: [...entered].map(([nodeId, n]) => ({ nodeId, entered: n, droppedHere: dropped.get(nodeId) ?? 0 })),
    edges: [...edges].map(([key, conversations]) => {
      const [source, sourceHandle] = key.split('\u0000') as [string, string];
      return { source, sourceHandle, conversations };
    }),
  };
}
