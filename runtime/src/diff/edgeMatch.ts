import type { FlowEdge } from '../schema/edge';
import { defaultHandle, type FlowNode } from '../schema/node';

/**
 * What an edge connects. A bare edge from a single-output node and one naming that output are
 * the same connection, as the engine treats them.
 */
function identity(edge: FlowEdge, nodes: ReadonlyMap<string, FlowNode>): string {
  const source = nodes.get(edge.source);
  const handle = edge.sourceHandle ?? (source ? defaultHandle(source) : null) ?? '';
  return `${edge.source}\u0000${handle}\u0000${edge.target}`;
}

/**
 * Pairs edges first by id and connection, then by connection alone, so an edge deleted and
 * drawn again (a new id from React Flow) is not reported. Unpaired edges are the change.
 */
export function matchEdges(
  before: readonly FlowEdge[],
  after: readonly FlowEdge[],
  beforeNodes: ReadonlyMap<string, FlowNode>,
  afterNodes: ReadonlyMap<string, FlowNode>,
): { added: FlowEdge[]; removed: FlowEdge[] } {
  const left = before.map((edge) => ({ edge, key: identity(edge, beforeNodes), paired: false }));
  const right = after.map((edge) => ({ edge, key: identity(edge, afterNodes), paired: false }));
  const pair = (sameId: boolean) => {
    const open = new Map<string, typeof right>();
    for (const r of right) {
      if (r.paired) continue;
      const k = sameId ? `${r.edge.id}\u0001${r.key}` : r.key;
      open.set(k, [...(open.get(k) ?? []), r]);
    }
    for (const l of left) {
      if (l.paired) continue;
      const candidates = open.get(sameId ? `${l.edge.id}\u0001${l.key}` : l.key);
      const match = candidates?.shift();
      if (match) {
        l.paired = true;
        match.paired = true;
      }
    }
  };
  pair(true);
  pair(false);
  return {
    added: right.filter((r) => !r.paired).map((r) => r.edge),
    removed: left.filter((l) => !l.paired).map((l) => l.edge),
  };
}
