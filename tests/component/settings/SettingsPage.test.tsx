import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { configure } from '@testing-library/dom';
import userEvent from '@testing-library/user-event';
import { ApiError, type OrgSettings } from '../../../editor/src/api';
import { App } from '../../../editor/src/app/App';
import { initI18n } from '../../../editor/src/i18n';
import { admin, agent } from '../shell/fixtures';

const mocks = vi.hoisted(() => ({
  me: vi.fn(),
  list: vi.fn(),
  samples: vi.fn(),
  getSettings: vi.fn(),
  saveSettings: vi.fn(),
}));

vi.mock(import('../../../editor/src/api'), async (original) => {
  const actual = await original();
  return {
    ...actual,
    api: {
      ...actual.api,
      auth: { ...actual.api.auth, me: mocks.me },
      flows: { ...actual.api.flows, list: mocks.list },
      samples: { list: mocks.samples },
      settings: { get: mocks.getSettings, save: mocks.saveSettings },
    },
  };
});

// jsdom on a shared machine is slow to start; these waits are for rendering, not speed claims.
vi.setConfig({ testTimeout: 20_000 });
configure({ asyncUtilTimeout: 5_000 });

const saved: OrgSettings = {
  organizationName: 'Northbank',
  defaultLocale: 'en',
  inboxHighlightMinutes: 5,
  cannedReplies: [
    { id: 'greeting', title: 'Greeting', text: 'Hello, how can I help?' },
    { id: 'bye', title: 'Goodbye', text: 'Have a nice day!' },
  ],
};

afterEach(cleanup);

beforeEach(async () => {
  vi.clearAllMocks();
  await initI18n('en').changeLanguage('en');
  mocks.me.mockResolvedValue({ user: admin, csrfToken: 't' });
  mocks.list.mockResolvedValue([]);
  mocks.samples.mockResolvedValue([]);
  mocks.getSettings.mockResolvedValue(structuredClone(saved));
  mocks.saveSettings.mockImplementation(async (next: OrgSettings) => next);
});

async function openSettings() {
  window.history.replaceState(null, '', '/settings');
  render(<App />);
  await screen.findByRole('heading', { name: 'Organisation settings', level: 1 });
  // The heading and tabs come first; the general section appears once its settings arrived.
  await screen.findByLabelText('Organisation name');
}

describe('organisation settings', () => {
  it('is reachable from the user menu for admins', async () => {
    window.history.replaceState(null, '', '/');
    const user = userEvent.setup();
    render(<App />);
    await user.click(await screen.findByRole('button', { name: 'Account menu for Ada Lovelace' }));
    await user.click(screen.getByRole('menuitem', { name: 'Organisation settings' }));
    await screen.findByRole('heading', { name: 'Organisation settings', level: 1 });
    expect(window.location.pathname).toBe('/settings');
    expect(await screen.findByLabelText('Organisation name')).toHaveValue('Northbank');
  });

  it('is neither offered to nor opened for agents', async () => {
    mocks.me.mockResolvedValue({ user: agent, csrfToken: 't' });
    window.history.replaceState(null, '', '/settings');
    const user = userEvent.setup();
    render(<App />);
    await screen.findByRole('heading', { name: 'No access' });
    expect(mocks.getSettings).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Account menu for Bob Agent' }));
    expect(screen.queryByRole('menuitem', { name: 'Organisation settings' })).toBeNull();
  });

  it('adds, edits and deletes canned replies and saves them with the organisation fields', async () => {
    const user = userEvent.setup();
    await openSettings();
    const save = screen.getByRole('button', { name: 'Save settings' });
    expect(save).toBeDisabled();

    const name = screen.getByLabelText('Organisation name');
    await user.clear(name);
    await user.type(name, 'Northbank Ltd');
    const minutes = screen.getByLabelText('Highlight waiting conversations after (minutes)');
    await user.clear(minutes);
    await user.type(minutes, '10');

    await user.click(screen.getByRole('button', { name: 'Edit Greeting' }));
    const editForm = screen.getByRole('form', { name: 'Edit canned reply' });
    const text = within(editForm).getByLabelText('Reply text');
    await user.clear(text);
    await user.type(text, 'Hi! I am looking into it.');
    await user.click(within(editForm).getByRole('button', { name: 'Keep reply' }));

    await user.click(screen.getByRole('button', { name: 'Delete Goodbye' }));
    expect(screen.queryByText('Have a nice day!')).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Add canned reply' }));
    const addForm = screen.getByRole('form', { name: 'New canned reply' });
    await user.type(within(addForm).getByLabelText('Title'), 'Greeting');
    await user.type(within(addForm).getByLabelText('Reply text'), 'Our opening hours are 9 to 5.');
    await user.click(within(addForm).getByRole('button', { name: 'Keep reply' }));

    const list = screen.getByRole('list', { name: 'Canned replies' });
    expect(within(list).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      expect.stringContaining('Hi! I am looking into it.'),
      expect.stringContaining('Our opening hours are 9 to 5.'),
    ]);
    expect(screen.getByText('Unsaved changes')).toBeInTheDocument();

    await user.click(save);
    await waitFor(() => expect(mocks.saveSettings).toHaveBeenCalledTimes(1));
    expect(mocks.saveSettings).toHaveBeenCalledWith({
      organizationName: 'Northbank Ltd',
      defaultLocale: 'en',
      inboxHighlightMinutes: 10,
      cannedReplies: [
        { id: 'greeting', title: 'Greeting', text: 'Hi! I am looking into it.' },
        // A second reply with the same title gets its own id.
        { id: 'greeting-2', title: 'Greeting', text: 'Our opening hours are 9 to 5.' },
      ],
    });
    await screen.findByText('Settings saved.');
    expect(screen.queryByText('Unsaved changes')).toBeNull();
    expect(save).toBeDisabled();
  });

  it('checks fields before saving and keeps an incomplete reply out of the list', async () => {
    const user = userEvent.setup();
    await openSettings();
    await user.click(screen.getByRole('button', { name: 'Add canned reply' }));
    const addForm = screen.getByRole('form', { name: 'New canned reply' });
    await user.type(within(addForm).getByLabelText('Reply text'), 'No title');
    await user.click(within(addForm).getByRole('button', { name: 'Keep reply' }));
    expect(within(addForm).getByRole('alert')).toHaveTextContent('This field is required.');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('form', { name: 'New canned reply' })).toBeNull();
    expect(screen.queryByText('No title')).toBeNull();

    const minutes = screen.getByLabelText('Highlight waiting conversations after (minutes)');
    await user.clear(minutes);
    await user.type(minutes, '0');
    await user.selectOptions(screen.getByLabelText('Default language'), 'pl');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByText('Enter a whole number from 1 to 1440.')).toBeInTheDocument();
    expect(mocks.saveSettings).not.toHaveBeenCalled();
  });

  it('shows what the server refused and keeps the changes', async () => {
    mocks.saveSettings.mockRejectedValue(
      new ApiError(400, 'invalid_request', 'Invalid request', [
        { path: 'organizationName', message: 'must not be empty' },
        { path: 'cannedReplies', message: 'ids must be unique' },
      ]),
    );
    const user = userEvent.setup();
    await openSettings();
    const name = screen.getByLabelText('Organisation name');
    await user.type(name, ' Group');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByText('The settings could not be saved: cannedReplies: ids must be unique')).toBeInTheDocument();
    expect(screen.getByText('The server did not accept this value.')).toBeInTheDocument();
    expect(name).toHaveValue('Northbank Group');
    expect(screen.getByText('Unsaved changes')).toBeInTheDocument();
  });

  it('offers a retry when the settings cannot be loaded', async () => {
    mocks.getSettings.mockRejectedValueOnce(new ApiError(500, 'internal', 'boom'));
    const user = userEvent.setup();
    window.history.replaceState(null, '', '/settings');
    render(<App />);
    await screen.findByText('The settings could not be loaded.');
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByLabelText('Organisation name')).toHaveValue('Northbank');
  });
});
