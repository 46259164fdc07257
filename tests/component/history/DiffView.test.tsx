import { act, cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { initI18n } from '../../../editor/src/i18n';
import { VersionCanvas } from '../../../editor/src/flow-editor/history/VersionCanvas';
import { VersionSidePanel } from '../../../editor/src/flow-editor/history/VersionSidePanel';
import { VersionBanner } from '../../../editor/src/flow-editor/history/VersionBanner';
import { diffView } from '../../../editor/src/flow-editor/history/diffView';
import { ChangeSummary } from '../../../editor/src/flow-editor/publish/ChangeSummary';
import { resetPreviewStore, usePreviewStore } from '../../../editor/src/flow-editor/preview/previewStore';
import { diffFlows, summarize } from '../../../runtime/src/diff';
import type { FlowDocument } from '../../../runtime/src/schema';
import { previewDoc } from '../preview/previewDoc';

// jsdom has no layout: React Flow only needs the observer to exist. Without measured handles it
// draws no edges here, so edge colours are covered by the diffCanvasElements unit test and e2e.
class NoopResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}

function versions(): { before: FlowDocument; after: FlowDocument } {
  const before = previewDoc();
  const after: FlowDocument = {
    ...before,
    nodes: [
      ...before.nodes
        .filter((n) => n.id !== 'handoff')
        .map((n) => (n.id === 'hello' ? ({ ...n, data: { text: 'Hello and welcome' } } as typeof n) : n)),
      { id: 'thanks', type: 'message', position: { x: 700, y: 100 }, data: { text: 'Thanks!' } },
    ],
    edges: [...before.edges.filter((e) => e.id !== 'e4' && e.id !== 'e6'), { id: 'e7', source: 'pick', sourceHandle: 'agent', target: 'thanks' }],
  };
  return { before, after };
}

const nodeEl = (id: string) => document.querySelector(`.react-flow__node[data-id="${id}"] .sbn`);

beforeAll(() => {
  initI18n('en');
  globalThis.ResizeObserver ??= NoopResizeObserver as unknown as typeof ResizeObserver;
});

beforeEach(() => {
  resetPreviewStore();
  const { before, after } = versions();
  usePreviewStore.getState().openView(diffView(1, 2, before, after));
});

afterEach(cleanup);

describe('version diff on the canvas', () => {
  it('colours added nodes green, removed ones as red ghosts and changed ones amber', () => {
    render(<VersionCanvas />);
    expect(nodeEl('thanks')).toHaveClass('sbn--diff-added');
    expect(nodeEl('handoff')).toHaveClass('sbn--diff-removed');
    expect(document.querySelector('.react-flow__node[data-id="handoff"]')).toHaveClass('sb-ghost');
    expect(nodeEl('hello')).toHaveClass('sbn--diff-changed');
    expect(nodeEl('pick')!.className).not.toMatch(/sbn--diff/);
  });

  it('says it is read-only and names the two sides', () => {
    render(<VersionBanner />);
    expect(screen.getByTestId('version-banner')).toHaveTextContent('Comparing Version 1 with Version 2 — read only');
  });

  it('shows the word diff of a selected changed node beside the canvas', () => {
    render(<VersionSidePanel />);
    expect(screen.queryByTestId('node-diff')).toBeNull();
    act(() => usePreviewStore.getState().setViewSelection('hello'));
    const panel = within(screen.getByTestId('node-diff'));
    expect(panel.getByText('Changed')).toBeInTheDocument();
    const deleted = screen.getByTestId('node-diff').querySelectorAll('del');
    const inserted = screen.getByTestId('node-diff').querySelectorAll('ins');
    expect([...deleted].map((d) => d.textContent)).toEqual(['there']);
    expect([...inserted].map((d) => d.textContent)).toEqual(['and welcome']);
  });
});

describe('ChangeSummary', () => {
  it('lists steps added, removed and changed with texts before and after', () => {
    const { before, after } = versions();
    const diff = diffFlows(before, after);
    render(<ChangeSummary diff={diff} summary={summarize(diff)} />);
    expect(screen.getByText(/Steps: 1 added, 1 removed, 1 changed/)).toBeInTheDocument();
    const summary = screen.getByTestId('change-summary');
    expect(summary.querySelector('.cs-item--added')).toHaveTextContent('Thanks!');
    expect(summary.querySelector('.cs-item--removed')).toHaveTextContent('Connecting you.');
    const change = summary.querySelector('.cs-item--changed .cs-textchange')!;
    expect(change.querySelector('.cs-before')).toHaveTextContent('Hello there');
    expect(change.querySelector('.cs-after')).toHaveTextContent('Hello and welcome');
  });
});
