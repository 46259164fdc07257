import { Graph, layout } from '@dagrejs/dagre';
import { outputHandles } from '@switchboard/runtime';
import type { EditorEdge, EditorNode, XY } from '../store/types';
import { NODE_WIDTH } from '../nodes/nodeSize';

/** Used before React Flow has measured a node (e.g. layout right after import). */
const FALLBACK_HEIGHT = 120;
const GRID = 20;

const snap = (v: number) => Math.round(v / GRID) * GRID;

/**
 * Breadth-first along outputs in handle order. dagre keeps each column in insertion order (and,
 * left to right, stacks the first-inserted lowest), so feeding this order reversed puts the first
 * option's target above the second's, matching the handles on the card.
 */
function readingOrder(nodes: readonly EditorNode[], edges: readonly EditorEdge[]): EditorNode[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const out = new Map<string, EditorEdge[]>();
  const hasInput = new Set<string>();
  for (const e of edges) {
    if (!byId.has(e.source) || !byId.has(e.target)) continue;
    (out.get(e.source) ?? out.set(e.source, []).get(e.source)!).push(e);
    hasInput.add(e.target);
  }
  for (const [id, list] of out) {
    const handles = outputHandles(byId.get(id)!);
    const rank = (e: EditorEdge) => handles.indexOf(e.sourceHandle ?? handles[0] ?? '');
    list.sort((a, b) => rank(a) - rank(b));
  }
  const seen = new Set<string>();
  const order: EditorNode[] = [];
  const visitFrom = (root: EditorNode) => {
    const queue = [root];
    seen.add(root.id);
    for (let i = 0; i < queue.length; i++) {
      const n = queue[i]!;
      order.push(n);
      for (const e of out.get(n.id) ?? []) {
        if (seen.has(e.target)) continue;
        seen.add(e.target);
        queue.push(byId.get(e.target)!);
      }
    }
  };
  for (const n of nodes) if (!hasInput.has(n.id) && !seen.has(n.id)) visitFrom(n);
  for (const n of nodes) if (!seen.has(n.id)) visitFrom(n);
  return order;
}

/** Left-to-right layered layout; returns top-left positions snapped to the canvas grid. */
export function autoLayout(nodes: readonly EditorNode[], edges: readonly EditorEdge[]): Map<string, XY> {
  const g = new Graph({ multigraph: true });
  g.setGraph({ rankdir: 'LR', nodesep: 40, ranksep: 100, marginx: 0, marginy: 0 });
  g.setDefaultEdgeLabel(() => ({}));
  const ordered = readingOrder(nodes, edges).reverse();
  for (const n of ordered) {
    // Cards of a large flow that were never on screen have only their guessed size.
    const width = n.measured?.width ?? n.initialWidth ?? NODE_WIDTH;
    g.setNode(n.id, { width, height: n.measured?.height ?? n.initialHeight ?? FALLBACK_HEIGHT });
  }
  const index = new Map(ordered.map((n, i) => [n.id, i]));
  const sortedEdges = edges
    .filter((e) => index.has(e.source) && index.has(e.target))
    .sort((a, b) => index.get(a.source)! - index.get(b.source)! || index.get(a.target)! - index.get(b.target)!);
  for (const e of sortedEdges) g.setEdge(e.source, e.target, {}, e.id);
  layout(g);
  const out = new Map<string, XY>();
  for (const n of nodes) {
    const p = g.node(n.id) as { x: number; y: number; width: number; height: number } | undefined;
    if (!p) continue;
    out.set(n.id, { x: snap(p.x - p.width / 2), y: snap(p.y - p.height / 2) });
  }
  return out;
}
