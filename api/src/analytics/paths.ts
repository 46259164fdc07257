import type { PathFacts } from '../../../runtime/src/chat/analyticsFacts';

/**
 * The canvas overlay's figures, by node id and by edge (source node and output handle):
 * - entered: conversations that entered the node at least once;
 * - droppedHere: abandoned conversations (runtime/src/chat/analyticsFacts.ts) whose last entered
 *   node is this one;
 * - an edge's conversations: conversations that followed it at least once.
 */
export function computePaths(facts: PathFacts) {
  const dropped = new Map(facts.droppedHere.map((d) => [d.nodeId, d.conversations]));
  const nodes = facts.entered.map((e) => ({ nodeId: e.nodeId, entered: e.conversations, droppedHere: dropped.get(e.nodeId) ?? 0 }));
  return { started: facts.started, nodes, edges: facts.edges };
}
