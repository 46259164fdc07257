import { describe, expect, it } from 'vitest';
import type { FlowDocument } from '../../../runtime/src/schema';
import type { FlowCoverage } from '../../../runtime/src/flowtests';
import { runTestSuite } from '../../../runtime/src/flowtests';
import { sampleById } from '../../../samples';
import { coverageMarks } from '../../../editor/src/flow-editor/flowtests/coverageMarks';
import { edgeIndex, handleKey } from '../../../editor/src/flow-editor/preview/edgeIndex';
import { nodeMarkClass } from '../../../editor/src/flow-editor/preview/nodeMarks';
import { edgeMarksCss } from '../../../editor/src/flow-editor/preview/edgeMarksCss';
import { diffView } from '../../../editor/src/flow-editor/history/diffView';
import { diffCanvasElements, REMOVED_EDGE_PREFIX } from '../../../editor/src/flow-editor/history/diffCanvasElements';
import { bankCard, withText } from './fixtures';

const empty = new Set<string>();
const base = { view: null, panel: null, currentNodeId: null, visitedNodeIds: empty, showCoverage: false, coverage: null } as const;

describe('edgeIndex', () => {
  it('finds an edge by its node and handle, and reads a bare edge as the only output', () => {
    const flow: FlowDocument = {
      ...bankCard(),
      edges: [
        { id: 'bare', source: 'welcome', target: 'main-menu' },
        { id: 'opt', source: 'main-menu', sourceHandle: 'opt-lost', target: 'lost-freeze' },
      ],
    };
    const index = edgeIndex(flow);
    expect(index.get(handleKey('welcome', 'next'))).toBe('bare');
    expect(index.get(handleKey('main-menu', 'opt-lost'))).toBe('opt');
    expect(index.size).toBe(2);
  });
});

describe('coverageMarks', () => {
  it('turns covered and uncovered outputs into the edges drawn from them', () => {
    const sample = sampleById('sample-bank-card-en')!;
    const suite = runTestSuite(sample.flow, sample.tests.slice(0, 1));
    const marks = coverageMarks(sample.flow, suite.coverage);
    expect(marks.ratio).toBe(suite.coverage.ratio);
    expect(marks.coveredNodes.has('lost-freeze')).toBe(true);
    expect(marks.uncoveredNodes.has('stolen-block')).toBe(true);
    expect(marks.coveredEdges.has('e-main-menu-opt-lost')).toBe(true);
    expect(marks.uncoveredEdges.has('e-main-menu-opt-stolen')).toBe(true);
    expect(marks.coveredEdges.size + marks.uncoveredEdges.size).toBe(
      suite.coverage.handles.covered.length + suite.coverage.handles.uncovered.length,
    );
  });

  it('skips a handle whose edge is gone from the document', () => {
    const coverage: FlowCoverage = {
      nodes: { covered: ['a'], uncovered: [] },
      handles: { covered: [{ nodeId: 'a', handle: 'next' }], uncovered: [] },
      ratio: 1,
    };
    expect(coverageMarks({ ...bankCard(), edges: [] }, coverage).coveredEdges.size).toBe(0);
  });
});

describe('nodeMarkClass', () => {
  it('marks the current and visited nodes only while the preview is open', () => {
    const s = { ...base, panel: 'preview' as const, currentNodeId: 'b', visitedNodeIds: new Set(['a', 'b']) };
    expect(nodeMarkClass(s, 'b')).toBe(' sbn--current');
    expect(nodeMarkClass(s, 'a')).toBe(' sbn--visited');
    expect(nodeMarkClass(s, 'c')).toBe('');
    expect(nodeMarkClass({ ...s, panel: 'history' }, 'b')).toBe('');
  });

  it('adds coverage when it is switched on', () => {
    const coverage = { coveredNodes: new Set(['a']), uncoveredNodes: new Set(['b']), coveredEdges: empty, uncoveredEdges: empty, ratio: 0.5 };
    expect(nodeMarkClass({ ...base, coverage }, 'a')).toBe('');
    expect(nodeMarkClass({ ...base, coverage, showCoverage: true }, 'a')).toBe(' sbn--covered');
    expect(nodeMarkClass({ ...base, coverage, showCoverage: true }, 'b')).toBe(' sbn--uncovered');
  });

  it('shows only diff marks on a read-only comparison', () => {
    const before = bankCard();
    const after = withText({ ...before, nodes: before.nodes.filter((n) => n.id !== 'faq-to-menu') }, 'goodbye', 'Bye!');
    after.nodes.push({ id: 'new-msg', type: 'message', position: { x: 0, y: 0 }, data: { text: 'New' } });
    const view = diffView(1, 'draft', before, after);
    const s = { ...base, panel: 'preview' as const, currentNodeId: 'goodbye', view };
    expect(nodeMarkClass(s, 'goodbye')).toBe(' sbn--diff-changed');
    expect(nodeMarkClass(s, 'faq-to-menu')).toBe(' sbn--diff-removed');
    expect(nodeMarkClass(s, 'new-msg')).toBe(' sbn--diff-added');
    expect(nodeMarkClass(s, 'welcome')).toBe('');
  });
});

describe('diffCanvasElements', () => {
  it('draws removed nodes and edges from the older side as ghosts', () => {
    const before = bankCard();
    const after = { ...before, nodes: before.nodes.filter((n) => n.id !== 'faq-to-menu'), edges: before.edges.filter((e) => e.target !== 'faq-to-menu') };
    after.edges.push({ id: 'e-new', source: 'faq-menu', sourceHandle: 'faq-back', target: 'main-menu' });
    const view = diffView(1, 2, before, after);
    const { nodes, edges } = diffCanvasElements(after, view.diff);
    expect(nodes.find((n) => n.id === 'faq-to-menu')?.className).toBe('sb-ghost');
    expect(edges.find((e) => e.id === 'e-new')?.className).toBe('sb-edge--added');
    expect(edges.find((e) => e.id === `${REMOVED_EDGE_PREFIX}e-faq-menu-faq-back`)?.className).toBe('sb-edge--removed');
    expect(edges.find((e) => e.id === 'e-welcome-next')?.className).toBeUndefined();
  });
});

describe('edgeMarksCss', () => {
  it('styles visited edges while previewing, escaping quotes in ids', () => {
    const css = edgeMarksCss({ ...base, panel: 'preview', visitedEdgeIds: new Set(['e1', 'we"ird']) });
    expect(css).toContain('.react-flow__edge[data-id="e1"] .react-flow__edge-path');
    expect(css).toContain('[data-id="we\\"ird"]');
    expect(edgeMarksCss({ ...base, panel: null, visitedEdgeIds: new Set(['e1']) })).toBe('');
  });

  it('styles covered and uncovered edges when coverage is shown', () => {
    const coverage = { coveredNodes: empty, uncoveredNodes: empty, coveredEdges: new Set(['c']), uncoveredEdges: new Set(['u']), ratio: 0.5 };
    const css = edgeMarksCss({ ...base, visitedEdgeIds: empty, coverage, showCoverage: true });
    expect(css).toMatch(/data-id="c"[^{]*\{stroke: #16a34a/);
    expect(css).toMatch(/data-id="u"[^{]*\{stroke: #dc2626/);
  });
});
