import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { initI18n } from '../../../editor/src/i18n';
import { api } from '../../../editor/src/api';
import { useEditorStore } from '../../../editor/src/flow-editor/store';
import { PreviewPanel } from '../../../editor/src/flow-editor/preview/PreviewPanel';
import { resetPreviewStore, usePreviewStore } from '../../../editor/src/flow-editor/preview/previewStore';
import { useNodeMarks } from '../../../editor/src/flow-editor/preview/useNodeMarks';
import { useTestsStore } from '../../../editor/src/flow-editor/flowtests/testsStore';
import type { FlowTestCase } from '../../../runtime/src/flowtests';
import { previewDoc } from './previewDoc';
import { unsureIntentFlow } from '../../unit/preview/fixtures';

function shadow(): ShadowRoot {
  const host = document.querySelector('[data-preview-widget]');
  if (!host?.shadowRoot) throw new Error('the widget is not mounted');
  return host.shadowRoot;
}
const bubbles = (from: string) => [...shadow().querySelectorAll(`.sb-msg-${from} .sb-text`)].map((e) => e.textContent);

function type(text: string) {
  const field = shadow().querySelector<HTMLInputElement>('.sb-field')!;
  field.value = text;
  fireEvent.submit(field.form!);
}

function Probe({ id }: { id: string }) {
  return <span data-testid={`probe-${id}`} className={useNodeMarks(id)} />;
}

beforeAll(() => {
  initI18n('en');
});

beforeEach(() => {
  resetPreviewStore();
  useEditorStore.getState().load(previewDoc(), 1);
  usePreviewStore.getState().setPanel('preview');
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('PreviewPanel', () => {
  it('renders the bot messages with the widget renderer inside a shadow root, themed from the flow', () => {
    render(<PreviewPanel />);
    expect(bubbles('bot')).toEqual(['Hello there', 'Pick one']);
    expect(shadow().querySelector('.sb-title')?.textContent).toBe('Helper');
    expect(shadow().querySelector('style')?.textContent).toContain('.sb-bubble');
    const host = document.querySelector<HTMLElement>('[data-preview-widget]')!;
    expect(host.style.getPropertyValue('--sb-primary')).toBe('#0f766e');
    expect([...shadow().querySelectorAll('.sb-choice')].map((b) => b.textContent)).toEqual(['Card', 'A person']);
  });

  it('advances on a choice click and moves the highlight along the path', () => {
    render(
      <>
        <PreviewPanel />
        <Probe id="pick" />
        <Probe id="ask" />
        <Probe id="bye" />
      </>,
    );
    expect(screen.getByTestId('probe-pick')).toHaveClass('sbn--current');
    expect(screen.getByTestId('probe-ask').className).toBe('');

    act(() => shadow().querySelector<HTMLButtonElement>('.sb-choice[data-option-id="card"]')!.click());
    expect(bubbles('customer')).toEqual(['Card']);
    expect(bubbles('bot').at(-1)).toBe('Your email?');
    expect(screen.getByTestId('probe-pick')).toHaveClass('sbn--visited');
    expect(screen.getByTestId('probe-ask')).toHaveClass('sbn--current');
    expect([...usePreviewStore.getState().visitedEdgeIds]).toEqual(['e1', 'e2', 'e3']);

    act(() => type('not an email'));
    expect(bubbles('bot').at(-1)).toBe('That is not an email.');
    act(() => type('ann@example.com'));
    expect(bubbles('bot').at(-1)).toBe('Bye ann@example.com');
    expect(screen.getByTestId('probe-bye')).toHaveClass('sbn--visited');
    expect(shadow().querySelector('.sb-ended')).not.toBeNull();
  });

  it('runs unsaved edits at once: the draft in the store is what the preview runs', async () => {
    render(<PreviewPanel />);
    const hello = useEditorStore.getState().nodeById.get('hello')!;
    act(() => useEditorStore.getState().updateNodeData('hello', { ...hello.data, text: 'Hi, edited' } as typeof hello.data));
    await userEvent.click(screen.getByRole('button', { name: 'Restart' }));
    expect(bubbles('bot')).toEqual(['Hi, edited', 'Pick one']);
  });

  it('shows live variables and edits them into the session', async () => {
    render(<PreviewPanel />);
    const visits = screen.getByLabelText('visits') as HTMLInputElement;
    expect(visits.value).toBe('1');
    await userEvent.clear(visits);
    await userEvent.type(visits, '5{Enter}');
    expect(usePreviewStore.getState().conversation!.session.variables.visits).toBe(5);
    expect(screen.getByText(/variable was changed by hand/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Save as test' })).toBeDisabled();

    await userEvent.clear(visits);
    await userEvent.type(visits, 'many{Enter}');
    expect(visits).toHaveAttribute('aria-invalid', 'true');
    expect(usePreviewStore.getState().conversation!.session.variables.visits).toBe(5);
  });

  it('lets the previewer answer as the agent and hand the chat back to the bot', async () => {
    render(<PreviewPanel />);
    act(() => shadow().querySelector<HTMLButtonElement>('.sb-choice[data-option-id="agent"]')!.click());
    expect(shadow().querySelector('.sb-subtitle')?.textContent).toBe('Waiting for an agent…');
    await userEvent.type(screen.getByLabelText('Reply to the customer'), 'Hello, how can I help?');
    await userEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect(bubbles('agent')).toEqual(['Hello, how can I help?']);
    await userEvent.click(screen.getByRole('button', { name: 'Return to bot' }));
    expect(bubbles('bot').at(-1)).toBe('Bye ');
    expect(usePreviewStore.getState().conversation!.session.status).toBe('completed');
    expect(screen.queryByRole('button', { name: 'Return to bot' })).toBeNull();
  });

  it('starts from the selected step', async () => {
    render(<PreviewPanel />);
    act(() => useEditorStore.getState().selectNode('ask'));
    await userEvent.click(screen.getByRole('button', { name: 'From selected step' }));
    expect(bubbles('bot')).toEqual(['Your email?']);
    expect(usePreviewStore.getState().currentNodeId).toBe('ask');
  });

  it('saves the conversation as a test case appended to the suite', async () => {
    const existing: FlowTestCase = { id: 'old', name: 'Old', steps: [{ input: null, expect: ['Hello there', 'Pick one'] }] };
    vi.spyOn(api.tests, 'list').mockResolvedValue([existing]);
    const save = vi.spyOn(api.tests, 'save').mockImplementation(async (_id, cases) => [...cases]);
    render(<PreviewPanel />);
    act(() => shadow().querySelector<HTMLButtonElement>('.sb-choice[data-option-id="card"]')!.click());
    await userEvent.click(screen.getByRole('button', { name: 'Save as test' }));
    await userEvent.type(screen.getByLabelText('Test name'), 'Card path');
    await userEvent.click(screen.getByRole('button', { name: 'Save test' }));
    await waitFor(() => expect(save).toHaveBeenCalled());
    const [flowId, cases] = save.mock.calls[0]!;
    expect(flowId).toBe('flow-preview');
    expect(cases[0]).toEqual(existing);
    expect(cases[1]).toMatchObject({
      name: 'Card path',
      expectStatus: 'waiting',
      steps: [
        { input: null, expect: ['Hello there', 'Pick one'] },
        { input: { type: 'option', optionId: 'card' }, expect: ['Your email?'] },
      ],
    });
    expect(useTestsStore.getState().cases).toHaveLength(2);
  });
});

describe('PreviewPanel with an intent step that asks the language model when unsure', () => {
  it('says it runs on the server, shows that the model is being asked, then continues at the pick', async () => {
    let answer: (outcome: Awaited<ReturnType<typeof api.flows.previewIntentPick>>) => void = () => {};
    const pick = vi.spyOn(api.flows, 'previewIntentPick').mockImplementation(() => new Promise((resolve) => (answer = resolve)));
    useEditorStore.getState().load({ ...unsureIntentFlow(), id: 'flow-preview' }, 1);
    render(<PreviewPanel />);
    expect(screen.getByRole('note')).toHaveTextContent('does so on the server');

    act(() => type('my shoes pinch'));
    await waitFor(() => expect(pick).toHaveBeenCalledWith('flow-preview', 'understand', expect.objectContaining({ text: 'my shoes pinch' })));
    expect(screen.getByRole('note')).toHaveTextContent('asking the language model which intent the message means');

    await act(async () => answer({ pick: 'refund', trace: { sent: [], masked: 0, raw: 'refund' } }));
    await waitFor(() => expect(bubbles('bot').at(-1)).toBe('Refunds take 5 days.'));
    expect(screen.getByRole('note')).toHaveTextContent('does so on the server');
  });
});
