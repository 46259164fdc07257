import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { configure } from '@testing-library/dom';
import userEvent from '@testing-library/user-event';
import { ApiError, type UnrecognizedGroup } from '../../../editor/src/api';
import ReviewPage from '../../../editor/src/review/ReviewPage';
import { ToastProvider } from '../../../editor/src/ui';
import { initI18n } from '../../../editor/src/i18n';
import { flowDocumentSchema } from '../../../runtime/src/schema';
import { reviewFlow } from '../../api/support/reviewFlow';

const mocks = vi.hoisted(() => ({
  get: vi.fn(),
  groups: vi.fn(),
  add: vi.fn(),
  undoAdd: vi.fn(),
  dismiss: vi.fn(),
  restore: vi.fn(),
  versions: vi.fn(),
}));

vi.mock(import('../../../editor/src/api'), async (original) => {
  const actual = await original();
  return {
    ...actual,
    api: {
      ...actual.api,
      flows: { ...actual.api.flows, get: mocks.get },
      versions: { ...actual.api.versions, list: mocks.versions },
      unrecognized: { groups: mocks.groups, add: mocks.add, undoAdd: mocks.undoAdd, dismiss: mocks.dismiss, restore: mocks.restore },
    },
  };
});

vi.setConfig({ testTimeout: 20_000 });
configure({ asyncUtilTimeout: 5_000 });

const now = Date.now();
const group = (text: string, over: Partial<UnrecognizedGroup> = {}): UnrecognizedGroup => ({
  keys: [text.toLowerCase()],
  text,
  count: 1,
  examples: [text],
  firstSeen: new Date(now - 3 * 3600_000).toISOString(),
  lastSeen: new Date(now - 600_000).toISOString(),
  nodes: [{ nodeId: 'understand', count: 1, best: null }],
  reasons: ['lowConfidence'],
  versions: [1],
  suggestion: { kind: 'intent', nodeId: 'understand', targetId: null },
  ...over,
});

const parcel = group('Gdzie jest moja paczka?', {
  keys: ['gdzie jest moja paczka', 'gdzie moja paczka'],
  count: 4,
  examples: ['Gdzie jest moja paczka?', 'gdzie moja paczka'],
  nodes: [{ nodeId: 'understand', count: 4, best: 'track' }],
  suggestion: { kind: 'intent', nodeId: 'understand', targetId: 'track' },
});
const weather = group('pogoda dzisiaj', { nodes: [{ nodeId: 'menu', count: 1, best: null }], reasons: ['noMatch'], suggestion: { kind: 'choice', nodeId: 'menu', targetId: null } });

function renderPage() {
  return render(
    <ToastProvider>
      <ReviewPage flowId="review-desk" />
    </ToastProvider>,
  );
}

afterEach(cleanup);

beforeEach(async () => {
  vi.clearAllMocks();
  await initI18n('en').changeLanguage('en');
  mocks.get.mockResolvedValue({
    flow: flowDocumentSchema.parse(reviewFlow()),
    revision: 7,
    updatedAt: new Date().toISOString(),
    updatedBy: null,
    publishedVersion: 1,
    hasUnpublishedChanges: false,
    problems: [],
  });
  mocks.versions.mockResolvedValue([]);
  mocks.groups.mockResolvedValue({ groups: [parcel, weather], total: 2, truncated: false });
});

const card = async (text: string) => (await screen.findByText(text)).closest('li')!;

describe('the "Not understood" review page', () => {
  it('shows each group once with its count, other wordings, reason and step', async () => {
    renderPage();
    const c = await card('Gdzie jest moja paczka?');
    expect(within(c).getByLabelText('4 times')).toHaveTextContent('4×');
    expect(within(c).getByText('gdzie moja paczka')).toBeInTheDocument();
    expect(c).toHaveTextContent('not recognised');
    expect(c).toHaveTextContent('at Understand text: How can I help?');
    expect(c).toHaveTextContent('last seen 10 minutes ago');
    expect(within(await card('pogoda dzisiaj')).getByText('no option matched')).toBeInTheDocument();
  });

  it('adds with one click to the suggested intent, takes the group off the list and offers undo', async () => {
    mocks.add.mockResolvedValue({ ok: true, revision: 8 });
    mocks.undoAdd.mockResolvedValue({ ok: true, revision: 9 });
    const user = userEvent.setup();
    renderPage();
    const c = await card('Gdzie jest moja paczka?');
    await user.click(within(c).getByRole('button', { name: 'Add to “track order”' }));
    expect(mocks.add).toHaveBeenCalledWith('review-desk', 7, parcel.keys, { kind: 'intent', nodeId: 'understand', intentId: 'track', phrase: 'Gdzie jest moja paczka?' });
    await waitFor(() => expect(screen.queryByText('Gdzie jest moja paczka?')).toBeNull());
    const toast = await screen.findByText(/Added “Gdzie jest moja paczka\?” to “track order” in the draft/);
    expect(screen.getByText(/not live yet/)).toBeInTheDocument();
    mocks.groups.mockResolvedValue({ groups: [parcel, weather], total: 2, truncated: false });
    await user.click(within(toast.closest('.rv-toast') as HTMLElement).getByRole('button', { name: 'Undo' }));
    expect(mocks.undoAdd).toHaveBeenCalledWith('review-desk', 8, parcel.keys, { kind: 'intent', nodeId: 'understand', intentId: 'track', phrase: 'Gdzie jest moja paczka?' });
    expect(await screen.findByText('Gdzie jest moja paczka?')).toBeInTheDocument();
  });

  it('lists the options of the step where it happened first in "Add as synonym", and adds there', async () => {
    mocks.add.mockResolvedValue({ ok: true, revision: 8 });
    const user = userEvent.setup();
    renderPage();
    const c = await card('pogoda dzisiaj');
    await user.click(within(c).getByRole('button', { name: /Add as synonym/ }));
    const menu = within(c).getByRole('menu', { name: 'Options to add the message to as a synonym' });
    expect(within(menu).getAllByRole('menuitem').map((i) => i.textContent)).toEqual(['Returns', 'Shipping']);
    await user.click(within(menu).getByRole('menuitem', { name: 'Shipping' }));
    expect(mocks.add).toHaveBeenCalledWith('review-desk', 7, weather.keys, { kind: 'choice', nodeId: 'menu', optionId: 'opt-shipping', phrase: 'pogoda dzisiaj' });
    // Every FAQ question is offered too.
    const other = await card('Gdzie jest moja paczka?');
    await user.click(within(other).getByRole('button', { name: /Add as FAQ question/ }));
    expect(within(other).getAllByRole('menuitem').map((i) => i.textContent)).toEqual(['How much is shipping?', 'How do I return an item?']);
  });

  it('reads the draft again after a 409 and tries once more with the new revision', async () => {
    mocks.add.mockResolvedValueOnce({ ok: false, conflict: { revision: 8 } }).mockResolvedValueOnce({ ok: true, revision: 9 });
    const user = userEvent.setup();
    renderPage();
    const c = await card('Gdzie jest moja paczka?');
    mocks.get.mockResolvedValue({ ...(await mocks.get.mock.results[0]!.value), revision: 8 });
    await user.click(within(c).getByRole('button', { name: 'Add to “track order”' }));
    await waitFor(() => expect(mocks.add).toHaveBeenCalledTimes(2));
    expect(mocks.add.mock.calls.map((call) => call[1])).toEqual([7, 8]);
    await waitFor(() => expect(screen.queryByText('Gdzie jest moja paczka?')).toBeNull());
  });

  it('dismisses, with undo that restores the group', async () => {
    mocks.dismiss.mockResolvedValue(undefined);
    mocks.restore.mockResolvedValue(undefined);
    const user = userEvent.setup();
    renderPage();
    const c = await card('pogoda dzisiaj');
    await user.click(within(c).getByRole('button', { name: 'Dismiss' }));
    expect(mocks.dismiss).toHaveBeenCalledWith('review-desk', weather.keys);
    await waitFor(() => expect(screen.queryByText('pogoda dzisiaj')).toBeNull());
    const toast = await screen.findByText(/Dismissed “pogoda dzisiaj”/);
    await user.click(within(toast.closest('.rv-toast') as HTMLElement).getByRole('button', { name: 'Undo' }));
    expect(mocks.restore).toHaveBeenCalledWith('review-desk', weather.keys);
    expect(await screen.findByText('pogoda dzisiaj')).toBeInTheDocument();
  });

  it('says what went wrong when the server refuses an addition', async () => {
    mocks.add.mockRejectedValue(new ApiError(422, 'phrase_exists', 'The step already has this phrase, in intent "question"', [{ path: 'target.phrase', message: 'is already in intent "question"' }]));
    const user = userEvent.setup();
    renderPage();
    const c = await card('Gdzie jest moja paczka?');
    await user.click(within(c).getByRole('button', { name: 'Add to “track order”' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Could not do that: The step already has this phrase');
    expect(screen.getByText('Gdzie jest moja paczka?')).toBeInTheDocument();
  });

  it('opens on one step when linked from its inspector (?step=)', async () => {
    window.history.replaceState(null, '', '/flows/review-desk/not-understood?step=menu');
    renderPage();
    await waitFor(() => expect(mocks.groups).toHaveBeenCalledWith('review-desk', { nodeId: 'menu', limit: 50 }));
    expect(await screen.findByRole('combobox', { name: 'Step' })).toHaveValue('menu');
    window.history.replaceState(null, '', '/');
  });

  it('filters by step and reason, and says when there is nothing to review, in Polish too', async () => {
    const user = userEvent.setup();
    renderPage();
    await card('pogoda dzisiaj');
    mocks.groups.mockResolvedValue({ groups: [], total: 0, truncated: false });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Step' }), 'menu');
    await waitFor(() => expect(mocks.groups).toHaveBeenLastCalledWith('review-desk', { nodeId: 'menu', limit: 50 }));
    expect(await screen.findByText('Nothing to review with these filters.')).toBeInTheDocument();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Why' }), 'noMatch');
    await waitFor(() => expect(mocks.groups).toHaveBeenLastCalledWith('review-desk', { nodeId: 'menu', reason: 'noMatch', limit: 50 }));
    cleanup();
    await initI18n('pl').changeLanguage('pl');
    renderPage();
    expect(await screen.findByRole('heading', { name: 'Niezrozumiane' })).toBeInTheDocument();
    expect(await screen.findByText(/Nie ma nic do przejrzenia/)).toBeInTheDocument();
  });
});
