import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { initI18n } from '../../../editor/src/i18n';
import { api, type TestRunReport } from '../../../editor/src/api';
import { useEditorStore } from '../../../editor/src/flow-editor/store';
import { TestsPanel } from '../../../editor/src/flow-editor/flowtests/TestsPanel';
import { useTestsStore } from '../../../editor/src/flow-editor/flowtests/testsStore';
import { resetPreviewStore, usePreviewStore } from '../../../editor/src/flow-editor/preview/previewStore';
import type { FlowTestCase } from '../../../runtime/src/flowtests';
import { previewDoc } from './previewDoc';

const passing: FlowTestCase = {
  id: 'card',
  name: 'Card path',
  steps: [
    { input: null, expect: ['Hello there', 'Pick one'] },
    { input: { type: 'option', optionId: 'card' }, expect: ['Your email?'] },
    { input: { type: 'text', text: 'ann@example.com' }, expect: ['Bye ann@example.com'] },
  ],
  expectStatus: 'completed',
};
const failing: FlowTestCase = {
  id: 'greeting',
  name: 'Old greeting',
  steps: [{ input: null, expect: ['Hello!', 'Pick one'] }],
};

function report(): TestRunReport {
  return {
    version: null,
    passed: false,
    results: [
      { id: 'card', name: 'Card path', passed: true },
      { id: 'greeting', name: 'Old greeting', passed: false, message: 'Step 1, message 1: expected "Hello!" but the bot said "Hello there"' },
    ],
    coverage: { nodes: { covered: [], uncovered: [] }, handles: { covered: [], uncovered: [] }, ratio: 0 },
  };
}

beforeAll(() => {
  initI18n('en');
});

beforeEach(() => {
  resetPreviewStore();
  useEditorStore.getState().load(previewDoc(), 1);
  useTestsStore.setState({ flowId: 'flow-preview', cases: [passing, failing], status: 'ready', outcomes: null, serverReport: null, serverError: null });
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('TestsPanel', () => {
  it('runs every case with one click and shows pass/fail with the first difference', async () => {
    const run = vi.spyOn(api.tests, 'run').mockResolvedValue(report());
    render(<TestsPanel />);
    const rows = () => screen.getAllByTestId('test-case');
    expect(rows().map((r) => r.dataset.status)).toEqual(['not-run', 'not-run']);

    await userEvent.click(screen.getByRole('button', { name: 'Run all tests' }));
    expect(rows().map((r) => r.dataset.status)).toEqual(['passed', 'failed']);
    expect(screen.getByRole('status')).toHaveTextContent('1 of 2 test failed');
    const failed = within(rows()[1]!);
    expect(failed.getByText('Step 1, message 1 · different text')).toBeInTheDocument();
    expect(failed.getByText('Hello!')).toHaveClass('ft-diff__expected');
    expect(failed.getByText('Hello there')).toHaveClass('ft-diff__actual');
    expect(within(rows()[0]!).queryByText('Expected')).toBeNull();
    await waitFor(() => expect(run).toHaveBeenCalledWith('flow-preview'));
  });

  it('runs on the draft as edited, before it is saved', async () => {
    vi.spyOn(api.tests, 'run').mockResolvedValue(report());
    const hello = useEditorStore.getState().nodeById.get('hello')!;
    useEditorStore.getState().updateNodeData('hello', { ...hello.data, text: 'Hello!' } as typeof hello.data);
    render(<TestsPanel />);
    await userEvent.click(screen.getByRole('button', { name: 'Run all tests' }));
    expect(screen.getAllByTestId('test-case').map((r) => r.dataset.status)).toEqual(['failed', 'passed']);
  });

  it('shows path coverage as a percentage and on the canvas when switched on', async () => {
    vi.spyOn(api.tests, 'run').mockResolvedValue(report());
    render(<TestsPanel />);
    await userEvent.click(screen.getByRole('button', { name: 'Run all tests' }));
    // Covered: 5 of 6 nodes and 4 of 6 connected outputs (the handoff branch is untested).
    expect(screen.getByTestId('coverage-percent')).toHaveTextContent('75% covered');
    const coverage = usePreviewStore.getState().coverage!;
    expect([...coverage.uncoveredNodes]).toEqual(['handoff']);
    expect([...coverage.uncoveredEdges].sort()).toEqual(['e4', 'e6']);
    await userEvent.click(screen.getByRole('checkbox', { name: /Show coverage on canvas/ }));
    expect(usePreviewStore.getState().showCoverage).toBe(true);
  });

  it('deletes a case after confirmation', async () => {
    vi.spyOn(window, 'confirm').mockReturnValue(true);
    vi.spyOn(api.tests, 'list').mockResolvedValue([passing, failing]);
    const save = vi.spyOn(api.tests, 'save').mockImplementation(async (_id, cases) => [...cases]);
    render(<TestsPanel />);
    await userEvent.click(screen.getByRole('button', { name: 'Delete test Old greeting' }));
    await waitFor(() => expect(screen.getAllByTestId('test-case')).toHaveLength(1));
    expect(save).toHaveBeenCalledWith('flow-preview', [passing]);
  });
});
