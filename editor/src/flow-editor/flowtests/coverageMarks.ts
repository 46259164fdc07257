import type { FlowDocument, FlowCoverage } from '@switchboard/runtime';
import { edgeIndex, handleKey } from '../preview/edgeIndex';
import type { CoverageMarks } from '../preview/previewStore';

/** Path coverage in canvas terms: covered outputs become the edges drawn from them. */
export function coverageMarks(flow: FlowDocument, coverage: FlowCoverage): CoverageMarks {
  const edges = edgeIndex(flow);
  const edgeIds = (handles: FlowCoverage['handles']['covered']) =>
    new Set(handles.flatMap((h) => {
      const id = edges.get(handleKey(h.nodeId, h.handle));
      return id === undefined ? [] : [id];
    }));
  return {
    coveredNodes: new Set(coverage.nodes.covered),
    uncoveredNodes: new Set(coverage.nodes.uncovered),
    coveredEdges: edgeIds(coverage.handles.covered),
    uncoveredEdges: edgeIds(coverage.handles.uncovered),
    ratio: coverage.ratio,
  };
}
