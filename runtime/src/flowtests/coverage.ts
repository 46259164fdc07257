import type { FlowDocument } from '../schema/flow';
import { outputHandles } from '../schema/node';
import { indexOf, targetOf } from '../engine/flowIndex';
import type { Visited, VisitedHandle } from './visited';

export interface FlowCoverage {
  nodes: { covered: string[]; uncovered: string[] };
  /** Only connected handles count: an output wired to nothing is not a path to cover. */
  handles: { covered: VisitedHandle[]; uncovered: VisitedHandle[] };
  /** Covered share of nodes and connected handles together, 0..1; 1 for an empty flow. */
  ratio: number;
}

/** Path coverage of a flow by a set of test runs, for the canvas overlay and the percentage. */
export function flowCoverage(flow: FlowDocument, runs: readonly Visited[]): FlowCoverage {
  const index = indexOf(flow);
  const seenNodes = new Set(runs.flatMap((r) => r.nodeIds));
  const seenHandles = new Set(runs.flatMap((r) => r.handles.map((h) => `${h.nodeId}\u0000${h.handle}`)));
  const nodes: FlowCoverage['nodes'] = { covered: [], uncovered: [] };
  const handles: FlowCoverage['handles'] = { covered: [], uncovered: [] };
  for (const node of index.nodes.values()) {
    (seenNodes.has(node.id) ? nodes.covered : nodes.uncovered).push(node.id);
    for (const handle of outputHandles(node)) {
      if (targetOf(index, node.id, handle) === undefined) continue;
      const h = { nodeId: node.id, handle };
      (seenHandles.has(`${node.id}\u0000${handle}`) ? handles.covered : handles.uncovered).push(h);
    }
  }
  const total = index.nodes.size + handles.covered.length + handles.uncovered.length;
  const covered = nodes.covered.length + handles.covered.length;
  return { nodes, handles, ratio: total === 0 ? 1 : covered / total };
}
