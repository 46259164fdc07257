import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { AuditPage, OrgSettings, PrivacyMatch } from '../../../editor/src/api';
import { initI18n, setLanguage } from '../../../editor/src/i18n';
import { ToastProvider } from '../../../editor/src/ui';
import { CustomerDataCard } from '../../../editor/src/settings/privacy/CustomerDataCard';
import { RetentionCard } from '../../../editor/src/settings/privacy/RetentionCard';
import { AuditSection } from '../../../editor/src/settings/audit/AuditSection';

const mocks = vi.hoisted(() => ({
  search: vi.fn(),
  exportConversations: vi.fn(),
  erase: vi.fn(),
  auditLog: vi.fn(),
  getSettings: vi.fn(),
  saveSettings: vi.fn(),
}));

vi.mock(import('../../../editor/src/api'), async (original) => {
  const actual = await original();
  return {
    ...actual,
    api: {
      ...actual.api,
      settings: { get: mocks.getSettings, save: mocks.saveSettings },
      privacy: { ...actual.api.privacy, search: mocks.search, exportConversations: mocks.exportConversations, erase: mocks.erase, auditLog: mocks.auditLog },
    },
  };
});

vi.setConfig({ testTimeout: 20_000 });

const match = (id: string): PrivacyMatch => ({
  sessionId: id,
  flowId: 'f',
  flowName: 'Orders',
  status: 'completed',
  startedAt: '2026-12-01T10:00:00.000Z',
  updatedAt: '2026-12-01T10:05:00.000Z',
  messageCount: 4,
  matchedBy: 'variable',
  variables: { email: 'j***@example.pl' },
});

const settings: OrgSettings = { organizationName: 'Shop', defaultLocale: 'en', inboxHighlightMinutes: 5, cannedReplies: [], retentionDays: null };

const ui = (node: React.ReactElement) => render(<ToastProvider>{node}</ToastProvider>);

beforeEach(async () => {
  initI18n('en');
  await setLanguage('en');
  for (const m of Object.values(mocks)) m.mockReset();
});
afterEach(cleanup);

describe('Customer data', () => {
  it('finds conversations, and erases the selected ones only after the typed confirmation', async () => {
    mocks.search.mockResolvedValue([match('a-1'), match('b-2')]);
    mocks.erase.mockResolvedValue(1);
    const user = userEvent.setup();
    ui(<CustomerDataCard />);
    await user.type(screen.getByLabelText('E-mail, phone, order number or conversation id'), 'jan@example.pl');
    await user.click(screen.getByRole('button', { name: 'Find conversations' }));
    await screen.findByText('2 conversations found for “jan@example.pl”.');
    expect(mocks.search).toHaveBeenCalledWith('jan@example.pl');
    expect(screen.getAllByText('email: j***@example.pl')).toHaveLength(2);

    await user.click(screen.getByLabelText('Select conversation b-2'));
    await user.click(screen.getByRole('button', { name: 'Erase 1 conversation' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Erase 1 conversation for good?' });
    const confirm = within(dialog).getByRole('button', { name: 'Erase conversation' });
    expect(confirm).toBeDisabled();
    await user.type(within(dialog).getByLabelText('Type ERASE to confirm'), 'erase');
    await user.click(confirm);
    await waitFor(() => expect(mocks.erase).toHaveBeenCalledWith(['a-1']));
    await screen.findByText('Erased 1 conversation.');
    expect(screen.queryByLabelText('Select conversation a-1')).toBeNull();
    expect(screen.getByLabelText('Select conversation b-2')).toBeInTheDocument();
  });

  it('asks for at least 3 characters and says when nothing matches', async () => {
    mocks.search.mockResolvedValue([]);
    const user = userEvent.setup();
    ui(<CustomerDataCard />);
    await user.type(screen.getByLabelText('E-mail, phone, order number or conversation id'), 'ab');
    await user.click(screen.getByRole('button', { name: 'Find conversations' }));
    expect(await screen.findByText('Type at least 3 characters.')).toBeInTheDocument();
    expect(mocks.search).not.toHaveBeenCalled();
    await user.type(screen.getByLabelText('E-mail, phone, order number or conversation id'), 'c@x.pl');
    await user.click(screen.getByRole('button', { name: 'Find conversations' }));
    expect(await screen.findByText('No conversations found for “abc@x.pl”.')).toBeInTheDocument();
  });
});

describe('Retention', () => {
  it('turns retention on with a number of days, and refuses 0', async () => {
    mocks.getSettings.mockResolvedValue(settings);
    mocks.saveSettings.mockImplementation(async (next: OrgSettings) => next);
    const user = userEvent.setup();
    ui(<RetentionCard />);
    await screen.findByText('Now: conversations are kept until someone erases them.');
    await user.click(screen.getByLabelText('Delete conversations after a period of inactivity'));
    const days = screen.getByLabelText('Days without activity');
    await user.clear(days);
    await user.type(days, '0');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Enter a whole number of days from 1 to 3650.')).toBeInTheDocument();
    expect(mocks.saveSettings).not.toHaveBeenCalled();
    await user.clear(days);
    await user.type(days, '90');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(mocks.saveSettings).toHaveBeenCalledWith({ ...settings, retentionDays: 90 }));
    expect(await screen.findByText('Now: conversations are deleted after 90 days without activity.')).toBeInTheDocument();
  });
});

describe('Audit log', () => {
  const page: AuditPage = {
    entries: [
      { id: 2, at: '2026-12-06T10:00:00.000Z', actor: { kind: 'user', id: 'u1', name: 'boss@example.com' }, action: 'conversations.erase', target: null, detail: { count: 2 } },
      { id: 1, at: '2026-12-06T09:00:00.000Z', actor: { kind: 'anonymous', id: null, name: 'x@example.com' }, action: 'auth.loginFailed', target: null, detail: { reason: 'wrongPassword' } },
    ],
    nextCursor: null,
  };

  it('lists entries in words, filters them, and links the exports to the same filters', async () => {
    mocks.auditLog.mockResolvedValue(page);
    const user = userEvent.setup();
    ui(<AuditSection />);
    expect(await screen.findByRole('cell', { name: 'Conversations erased' })).toBeInTheDocument();
    expect(screen.getByRole('cell', { name: 'Sign-in failed' })).toBeInTheDocument();
    expect(screen.getByRole('cell', { name: 'reason: wrongPassword' })).toBeInTheDocument();

    await user.selectOptions(screen.getByLabelText('What'), 'auth.loginFailed');
    await user.type(screen.getByLabelText('To'), '2026-12-06');
    await user.click(screen.getByRole('button', { name: 'Filter' }));
    await waitFor(() => expect(mocks.auditLog).toHaveBeenLastCalledWith({ actor: '', action: 'auth.loginFailed', from: '', to: '2026-12-06' }));
    // A whole day: the export runs to the next midnight, like the list.
    expect(screen.getByRole('link', { name: 'CSV' })).toHaveAttribute('href', '/api/audit/export?action=auth.loginFailed&to=2026-12-07&format=csv');
  });

  it('speaks Polish', async () => {
    await setLanguage('pl');
    mocks.auditLog.mockResolvedValue(page);
    ui(<AuditSection />);
    expect(await screen.findByRole('cell', { name: 'Usunięto rozmowy' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Dziennik zdarzeń' })).toBeInTheDocument();
  });
});
