import type { ReplayStep } from './replayStore';

/** Edge ids go into a quoted attribute selector; only `"` and `\` need escaping there. */
const attr = (id: string) => `"${id.replace(/["\\]/g, (c) => `\\${c}`)}"`;

interface DraftEdge {
  id: string;
  source: string;
  sourceHandle?: string | null;
  target: string;
}

/**
 * Draft edges the replayed path followed up to the current step, matched by source step, output
 * and target (not by edge id, so a redrawn connection still shows), as one stylesheet like the
 * preview's path marks: the step just taken is drawn strongest.
 */
export function replayEdgesCss(steps: readonly ReplayStep[], current: number, edges: readonly DraftEdge[]): string {
  const key = (source: string, handle: string, target: string) => `${source}\u0000${handle}\u0000${target}`;
  const byKey = new Map<string, string>();
  for (const e of edges) byKey.set(key(e.source, e.sourceHandle ?? 'next', e.target), e.id);
  const passed = new Set<string>();
  let last: string | undefined;
  for (let i = 1; i <= current && i < steps.length; i++) {
    const s = steps[i]!;
    if (!s.from) continue;
    const id = byKey.get(key(s.from.nodeId, s.from.handle, s.nodeId));
    if (id === undefined) continue;
    passed.add(id);
    if (i === current) last = id;
  }
  const selector = (id: string) => `.sb-canvas .react-flow__edge[data-id=${attr(id)}] .react-flow__edge-path`;
  let css = '';
  const others = [...passed].filter((id) => id !== last);
  if (others.length > 0) css += `${others.map(selector).join(',\n')} {stroke: #0e7490; stroke-width: 3;}\n`;
  if (last !== undefined) css += `${selector(last)} {stroke: #c2410c; stroke-width: 4; stroke-dasharray: 8 4;}\n`;
  return css;
}
