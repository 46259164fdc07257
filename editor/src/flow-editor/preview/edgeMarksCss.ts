import type { PreviewState } from './previewStore';

/** Edge ids go into a quoted attribute selector; only `"` and `\` need escaping there. */
const attr = (id: string) => `"${id.replace(/["\\]/g, (c) => `\\${c}`)}"`;

function rule(ids: Iterable<string>, body: string): string {
  const selectors = [...ids].map((id) => `.sb-canvas .react-flow__edge[data-id=${attr(id)}] .react-flow__edge-path`);
  return selectors.length === 0 ? '' : `${selectors.join(',\n')} {${body}}\n`;
}

/**
 * Edge styling for the preview path and test coverage, as one stylesheet: edges stay the editor
 * store's objects (no per-edge class, no re-render of the canvas when the preview moves on).
 */
export function edgeMarksCss(s: Pick<PreviewState, 'view' | 'panel' | 'visitedEdgeIds' | 'showCoverage' | 'coverage'>): string {
  if (s.view) return '';
  let css = '';
  if (s.showCoverage && s.coverage) {
    css += rule(s.coverage.coveredEdges, 'stroke: #16a34a; stroke-width: 2.5;');
    css += rule(s.coverage.uncoveredEdges, 'stroke: #dc2626; stroke-dasharray: 6 4;');
  }
  if (s.panel === 'preview') css += rule(s.visitedEdgeIds, 'stroke: #7c3aed; stroke-width: 3;');
  return css;
}
