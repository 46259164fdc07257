import type { PreviewState } from './previewStore';

/**
 * The extra classes a node card carries: where the preview stands and has been, test coverage,
 * or its change in a version diff. One string, so a card re-renders only when its own marks change.
 */
export function nodeMarkClass(
  s: Pick<PreviewState, 'view' | 'panel' | 'currentNodeId' | 'visitedNodeIds' | 'showCoverage' | 'coverage'>,
  nodeId: string,
): string {
  if (s.view) {
    const mark = s.view.kind === 'diff' ? s.view.marks.get(nodeId) : undefined;
    return mark ? ` sbn--diff-${mark}` : '';
  }
  let out = '';
  if (s.panel === 'preview') {
    if (s.currentNodeId === nodeId) out += ' sbn--current';
    else if (s.visitedNodeIds.has(nodeId)) out += ' sbn--visited';
  }
  if (s.showCoverage && s.coverage) {
    if (s.coverage.coveredNodes.has(nodeId)) out += ' sbn--covered';
    else if (s.coverage.uncoveredNodes.has(nodeId)) out += ' sbn--uncovered';
  }
  return out;
}
