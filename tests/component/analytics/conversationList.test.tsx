import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { configure } from '@testing-library/dom';
import userEvent from '@testing-library/user-event';
import { ApiError, type AnalyticsConversation, type ConversationListPage } from '../../../editor/src/api';
import { ConversationsSection } from '../../../editor/src/analytics/conversations/ConversationsSection';
import { toListFilters, NO_FILTER } from '../../../editor/src/analytics/conversations/listFilters';
import { initI18n } from '../../../editor/src/i18n';

const mocks = vi.hoisted(() => ({ page: vi.fn(), transcript: vi.fn() }));

vi.mock(import('../../../editor/src/api'), async (original) => {
  const actual = await original();
  return {
    ...actual,
    api: {
      ...actual.api,
      conversationList: { ...actual.api.conversationList, page: mocks.page },
      inbox: { ...actual.api.inbox, transcript: mocks.transcript },
    },
  };
});

vi.setConfig({ testTimeout: 20_000 });
configure({ asyncUtilTimeout: 5_000 });

const row = (over: Partial<AnalyticsConversation> & { sessionId: string }): AnalyticsConversation => ({
  startedAt: '2026-11-20T10:00:00.000Z',
  lastActivityAt: '2026-11-20T10:05:00.000Z',
  version: 2,
  outcome: 'contained',
  offline: false,
  goals: [],
  csat: [],
  unrecognized: 0,
  queue: null,
  messages: 4,
  customerMessages: 2,
  ...over,
});

const page = (conversations: AnalyticsConversation[], more: Partial<ConversationListPage> = {}): ConversationListPage => ({
  flowId: 'f1',
  timeZone: 'Europe/Warsaw',
  from: '2026-11-01',
  to: '2026-11-30',
  conversations,
  nextCursor: null,
  scannedTo: null,
  ...more,
});

const ROWS = [
  row({ sessionId: 's-abandoned', outcome: 'abandoned', csat: [2], unrecognized: 3 }),
  row({ sessionId: 's-handed', outcome: 'handedOff', offline: true, queue: 'billing', startedAt: '2026-11-19T10:00:00.000Z' }),
  row({ sessionId: 's-goal', goals: [{ nodeId: 'thanks', label: 'Order status given' }], csat: [5], startedAt: '2026-11-18T10:00:00.000Z' }),
];
const RANGE = { from: '2026-11-01', to: '2026-11-30' };
const GOALS = [{ nodeId: 'thanks', label: 'Order status given' }];

function renderSection(canReadTranscript = true, version: number | null = null) {
  return render(<ConversationsSection flowId="f1" range={RANGE} version={version} goals={GOALS} canReadTranscript={canReadTranscript} />);
}

afterEach(cleanup);
beforeEach(async () => {
  vi.clearAllMocks();
  await initI18n('en').changeLanguage('en');
  mocks.page.mockResolvedValue(page(ROWS));
});

describe('the conversation list', () => {
  it('lists each conversation with its outcome, goals, rating, misunderstandings and queue', async () => {
    renderSection();
    const table = await screen.findByRole('table');
    const lines = within(table).getAllByRole('row').map((r) => r.textContent);
    expect(lines).toHaveLength(4);
    expect(lines[1]).toMatch(/v2Abandoned—2★3—4$/);
    expect(lines[2]).toMatch(/v2Handed to a person \(nobody online\)———billing4$/);
    expect(lines[3]).toMatch(/v2Solved by the botOrder status given5★——4$/);
    expect(mocks.page).toHaveBeenCalledWith('f1', { from: '2026-11-01', to: '2026-11-30' });
  });

  it('sends each filter to the API and puts the same ones in the CSV link', async () => {
    const user = userEvent.setup();
    renderSection(true, 2);
    await screen.findByRole('table');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Outcome' }), 'Abandoned');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Goal' }), 'Did not reach “Order status given”');
    await user.click(screen.getByRole('checkbox', { name: 'Rated 1 or 2 stars' }));
    await user.click(screen.getByRole('checkbox', { name: 'Had a message the bot did not understand' }));
    await waitFor(() =>
      expect(mocks.page).toHaveBeenLastCalledWith('f1', {
        from: '2026-11-01', to: '2026-11-30', version: 2, outcome: 'abandoned', goalReached: false, goal: 'thanks', lowCsat: true, unrecognized: true,
      }),
    );
    expect(screen.getByRole('link', { name: 'Conversations (CSV)' })).toHaveAttribute(
      'href',
      '/api/flows/f1/analytics/conversations.csv?from=2026-11-01&to=2026-11-30&version=2&outcome=abandoned&goalReached=false&goal=thanks&lowCsat=true&unrecognized=true',
    );
    await user.selectOptions(screen.getByRole('combobox', { name: 'Goal' }), 'Reached a goal');
    await waitFor(() => expect(mocks.page.mock.lastCall?.[1]).toMatchObject({ goalReached: true }));
    expect(mocks.page.mock.lastCall?.[1]).not.toHaveProperty('goal');
  });

  it('maps the filter bar to API filters, leaving out what is not chosen', () => {
    expect(toListFilters(RANGE, null, NO_FILTER)).toEqual(RANGE);
    expect(toListFilters(RANGE, 3, { ...NO_FILTER, goal: 'reached:a:b' })).toEqual({ ...RANGE, version: 3, goalReached: true, goal: 'a:b' });
    expect(toListFilters(RANGE, null, { ...NO_FILTER, goal: 'missed:' })).toEqual({ ...RANGE, goalReached: false });
  });

  it('loads older pages, and says how far back it looked when nothing matched yet', async () => {
    const user = userEvent.setup();
    mocks.page.mockResolvedValueOnce(page([], { nextCursor: 'c1', scannedTo: '2026-11-12T08:00:00.000Z' })).mockResolvedValueOnce(page(ROWS.slice(0, 1), { nextCursor: 'c2' }));
    renderSection();
    expect(await screen.findByText('None of the conversations back to Nov 12, 2026 match.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Search older conversations' }));
    await screen.findByRole('table');
    expect(mocks.page).toHaveBeenLastCalledWith('f1', RANGE, 'c1');
    mocks.page.mockResolvedValueOnce(page(ROWS.slice(1)));
    await user.click(screen.getByRole('button', { name: 'Load more' }));
    await waitFor(() => expect(within(screen.getByRole('table')).getAllByRole('row')).toHaveLength(4));
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();
  });

  it('says so when the list cannot be loaded', async () => {
    mocks.page.mockRejectedValue(new ApiError(500, 'internal', 'Something broke'));
    renderSection();
    expect(await screen.findByRole('alert')).toHaveTextContent('Something broke');
  });
});

describe('opening a conversation', () => {
  const transcript = {
    conversation: {
      sessionId: 's-abandoned', flowId: 'f1', flowName: 'Orders', flowVersion: 2, status: 'waiting' as const, startedAt: '2026-11-20T10:00:00.000Z',
      updatedAt: '2026-11-20T10:05:00.000Z', messageCount: 2, excerpt: null, handoff: null, variables: {},
    },
    messages: [
      { id: 1, from: 'bot' as const, kind: 'text' as const, text: 'What do you need?', at: '2026-11-20T10:00:00.000Z' },
      { id: 2, from: 'customer' as const, kind: 'text' as const, text: 'where is my parcel', at: '2026-11-20T10:01:00.000Z' },
    ],
  };

  it('shows an admin the transcript and links to the path on the canvas', async () => {
    const user = userEvent.setup();
    mocks.transcript.mockResolvedValue(transcript);
    renderSection(true);
    await screen.findByRole('table');
    await user.click(screen.getAllByRole('button', { name: /^Open the conversation started/ })[0]!);
    const detail = screen.getByRole('region', { name: /^Conversation of / });
    expect(await within(detail).findByText('where is my parcel')).toBeInTheDocument();
    expect(mocks.transcript).toHaveBeenCalledWith('s-abandoned');
    expect(within(detail).getByRole('link', { name: 'Show path on canvas' })).toHaveAttribute('href', '/flows/f1?replay=s-abandoned');
    expect(within(detail).getByText(/s-abandoned · version 2 · Abandoned · 4 messages/)).toBeInTheDocument();
    await user.click(within(detail).getByRole('button', { name: 'Close the conversation' }));
    expect(screen.queryByRole('region', { name: /^Conversation of / })).not.toBeInTheDocument();
  });

  it('tells an editor plainly that transcripts are for agents and admins, without asking for it', async () => {
    const user = userEvent.setup();
    renderSection(false);
    await screen.findByRole('table');
    await user.click(screen.getAllByRole('button', { name: /^Open the conversation started/ })[1]!);
    const detail = screen.getByRole('region', { name: /^Conversation of / });
    expect(within(detail).getByRole('note')).toHaveTextContent('Only agents and admins can read transcripts, as in the inbox history.');
    expect(within(detail).getByRole('link', { name: 'Show path on canvas' })).toHaveAttribute('href', '/flows/f1?replay=s-handed');
    expect(mocks.transcript).not.toHaveBeenCalled();
  });

  it('shows the same note when the server refuses the transcript', async () => {
    const user = userEvent.setup();
    mocks.transcript.mockRejectedValue(new ApiError(403, 'forbidden', 'Your role does not allow this'));
    renderSection(true);
    await screen.findByRole('table');
    await user.click(screen.getAllByRole('button', { name: /^Open the conversation started/ })[0]!);
    expect(await screen.findByRole('note')).toHaveTextContent('Only agents and admins can read transcripts');
  });

  it('speaks Polish', async () => {
    await initI18n('en').changeLanguage('pl');
    renderSection(false);
    await screen.findByRole('table');
    expect(screen.getByRole('heading', { name: 'Rozmowy' })).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Wynik' })).toBeInTheDocument();
    expect(within(screen.getByRole('table')).getByText('Porzucone')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Rozmowy (CSV)' })).toBeInTheDocument();
  });
});
