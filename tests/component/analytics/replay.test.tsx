import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ReactFlowProvider } from '@xyflow/react';
import { ApiError, type ConversationPath } from '../../../editor/src/api';
import { ReplayLayer, PLAY_STEP_MS } from '../../../editor/src/flow-editor/replay/ReplayLayer';
import { ReplayBadge } from '../../../editor/src/flow-editor/replay/ReplayBadge';
import { replayMarkOf, useReplayStore } from '../../../editor/src/flow-editor/replay/replayStore';
import { useReplayMark } from '../../../editor/src/flow-editor/replay/useReplayMark';
import { replayEdgesCss } from '../../../editor/src/flow-editor/replay/replayEdgesCss';
import { useEditorStore } from '../../../editor/src/flow-editor/store';
import { initI18n } from '../../../editor/src/i18n';
import { chatFlowDocument } from '../../unit/chat/support/chatFlow';

const mocks = vi.hoisted(() => ({ path: vi.fn() }));
vi.mock(import('../../../editor/src/api'), async (original) => {
  const actual = await original();
  return { ...actual, api: { ...actual.api, conversationList: { ...actual.api.conversationList, path: mocks.path } } };
});

const at = (s: number) => new Date(Date.UTC(2026, 10, 20, 10, 0, s)).toISOString();
// start -> hello -> menu -> (a step since deleted) -> menu -> askOrder: the menu twice, one step gone from the draft.
const PATH: ConversationPath = {
  sessionId: 'sess-12345678-abc',
  version: 2,
  startedAt: at(0),
  steps: [
    { nodeId: 'start', at: at(0), from: null },
    { nodeId: 'hello', at: at(0), from: { nodeId: 'start', handle: 'next' } },
    { nodeId: 'menu', at: at(1), from: { nodeId: 'hello', handle: 'next' } },
    { nodeId: 'oldStep', at: at(5), from: { nodeId: 'menu', handle: 'old' } },
    { nodeId: 'menu', at: at(6), from: null },
    { nodeId: 'askOrder', at: at(9), from: { nodeId: 'menu', handle: 'order' } },
  ],
};

/** A card as NodeFrame wires it: its replay mark as a class and the step badge. */
function Card({ id }: { id: string }) {
  const mark = useReplayMark(id);
  return (
    <div data-testid={`card-${id}`} className={mark ? (mark.current ? 'current' : 'passed') : ''}>
      <ReplayBadge mark={mark} />
    </div>
  );
}

function renderReplay(onLeave = vi.fn()) {
  render(
    <ReactFlowProvider>
      <ReplayLayer onLeave={onLeave} />
      {['start', 'hello', 'menu', 'askOrder', 'thanks'].map((id) => (
        <Card key={id} id={id} />
      ))}
    </ReactFlowProvider>,
  );
  return onLeave;
}

const stepText = () => screen.getByRole('status').textContent;
const badge = (id: string) => within(screen.getByTestId(`card-${id}`)).queryByTestId('replay-steps');

beforeEach(async () => {
  await initI18n('en').changeLanguage('en');
  useEditorStore.getState().load(chatFlowDocument(), 1);
  mocks.path.mockResolvedValue(PATH);
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
  useReplayStore.getState().stop();
});

describe('replaying a conversation on the canvas', () => {
  it('numbers the cards in order, step by step, and lists the steps no longer on the canvas', async () => {
    const user = userEvent.setup();
    renderReplay();
    await act(() => useReplayStore.getState().start('flow-chat', 'sess-12345678-abc'));
    expect(mocks.path).toHaveBeenCalledWith('flow-chat', 'sess-12345678-abc');
    expect(screen.getByRole('region', { name: 'Replaying a conversation' })).toHaveTextContent(/sess-123… · version 2 · started/);
    expect(stepText()).toBe('Step 1 of 6: Start');
    expect(badge('start')).toHaveTextContent('1');
    expect(screen.getByTestId('card-start')).toHaveClass('current');
    expect(badge('hello')).toBeNull();
    expect(screen.getByText(/1 step is no longer on the canvas:/)).toHaveTextContent('1 step is no longer on the canvas: step 4 (oldStep)');

    await user.click(screen.getByRole('button', { name: 'Next step' }));
    await user.click(screen.getByRole('button', { name: 'Next step' }));
    expect(stepText()).toBe('Step 3 of 6: What do you need?');
    expect(screen.getByTestId('card-start')).toHaveClass('passed');
    expect(screen.getByTestId('card-menu')).toHaveClass('current');
    await user.click(screen.getByRole('button', { name: 'Next step' }));
    expect(stepText()).toBe('Step 4 of 6: oldStep (no longer on the canvas)');
    await user.click(screen.getByRole('button', { name: 'Next step' }));
    // The menu entered twice: both numbers on its card.
    expect(badge('menu')).toHaveTextContent('3, 5');
    expect(badge('menu')).toHaveAccessibleName('Steps 3, 5 of the replayed conversation');
    await user.click(screen.getByRole('button', { name: 'Previous step' }));
    expect(badge('menu')).toHaveTextContent('3');
    expect(screen.getByRole('button', { name: 'Previous step' })).toBeEnabled();
  });

  it('plays the steps one after another and stops at the last', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    renderReplay();
    await act(() => useReplayStore.getState().start('flow-chat', 'sess-12345678-abc'));
    act(() => screen.getByRole('button', { name: 'Play the steps one by one' }).click());
    expect(screen.getByRole('button', { name: 'Pause' })).toBeInTheDocument();
    for (let i = 0; i < 5; i++) await act(() => vi.advanceTimersByTimeAsync(PLAY_STEP_MS));
    expect(stepText()).toBe('Step 6 of 6: Your order number?');
    await act(() => vi.advanceTimersByTimeAsync(PLAY_STEP_MS * 2));
    expect(screen.getByRole('button', { name: 'Play the steps one by one' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Next step' })).toBeDisabled();
  });

  it('draws the connections taken so far, the last one strongest, matched by step and output', () => {
    const edges = chatFlowDocument().edges;
    expect(replayEdgesCss(PATH.steps, 0, edges)).toBe('');
    const css = replayEdgesCss(PATH.steps, 5, edges);
    expect(css).toContain('[data-id="e1"]');
    expect(css).toContain('[data-id="e2"]');
    expect(css).toMatch(/\[data-id="e3"\] \.react-flow__edge-path \{stroke: #c2410c/);
    // A redrawn connection (new id, same ends) still shows.
    const redrawn = edges.map((e) => (e.id === 'e2' ? { ...e, id: 'e2-new' } : e));
    expect(replayEdgesCss(PATH.steps, 2, redrawn)).toMatch(/\[data-id="e2-new"\] \.react-flow__edge-path \{stroke: #c2410c/);
  });

  it('leaves replay from its button, and clears the cards', async () => {
    const user = userEvent.setup();
    const onLeave = renderReplay(vi.fn(() => useReplayStore.getState().stop()));
    await act(() => useReplayStore.getState().start('flow-chat', 'sess-12345678-abc'));
    await user.click(screen.getByRole('button', { name: 'Leave replay' }));
    expect(onLeave).toHaveBeenCalled();
    expect(screen.queryByRole('region', { name: 'Replaying a conversation' })).not.toBeInTheDocument();
    expect(badge('start')).toBeNull();
  });

  it('says when the path cannot be loaded, and still offers to leave', async () => {
    mocks.path.mockRejectedValue(new ApiError(404, 'not_found', 'Conversation not found'));
    renderReplay();
    await act(() => useReplayStore.getState().start('flow-chat', 'gone'));
    expect(screen.getByRole('status')).toHaveTextContent("Could not load the conversation's path: Conversation not found");
    expect(screen.getByRole('button', { name: 'Leave replay' })).toBeInTheDocument();
  });

  it('marks only what the path passed up to the current step', () => {
    const on = { status: 'on' as const, sessionId: 's', version: 1, startedAt: at(0), steps: PATH.steps, current: 4, playing: false };
    expect(replayMarkOf(on, 'menu')).toBe('current:3,5');
    expect(replayMarkOf(on, 'start')).toBe('passed:1');
    expect(replayMarkOf(on, 'askOrder')).toBe('');
    expect(replayMarkOf({ status: 'off' }, 'menu')).toBe('');
  });

  it('speaks Polish', async () => {
    await initI18n('en').changeLanguage('pl');
    renderReplay();
    await act(() => useReplayStore.getState().start('flow-chat', 'sess-12345678-abc'));
    expect(stepText()).toBe('Krok 1 z 6: Start');
    expect(screen.getByRole('button', { name: 'Zakończ odtwarzanie' })).toBeInTheDocument();
    expect(screen.getByText(/nie jest już na kanwie/)).toHaveTextContent('1 krok nie jest już na kanwie: krok 4 (oldStep)');
  });
});
