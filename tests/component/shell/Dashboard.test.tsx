import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { configure } from '@testing-library/dom';
import userEvent from '@testing-library/user-event';
import { ApiError } from '../../../editor/src/api';
import { App } from '../../../editor/src/app/App';
import { initI18n } from '../../../editor/src/i18n';
import { admin, agent, summary } from './fixtures';

const mocks = vi.hoisted(() => ({
  me: vi.fn(),
  list: vi.fn(),
  get: vi.fn(),
  create: vi.fn(),
  remove: vi.fn(),
  samples: vi.fn(),
}));

vi.mock(import('../../../editor/src/api'), async (original) => {
  const actual = await original();
  return {
    ...actual,
    api: {
      ...actual.api,
      auth: { ...actual.api.auth, me: mocks.me },
      flows: { ...actual.api.flows, list: mocks.list, get: mocks.get, create: mocks.create, remove: mocks.remove },
      samples: { list: mocks.samples },
    },
  };
});

const flows = [
  summary({ id: 'f1', name: 'Zamówienia', description: 'Status paczki' }),
  summary({ id: 'f2', name: 'Bank card', publishedVersion: 3, updatedBy: { id: 'u3', name: 'Grace Hopper' } }),
  summary({ id: 'f3', name: 'Hotel', publishedVersion: 2, hasUnpublishedChanges: true, updatedBy: null }),
];

const detail = (name: string, id = 'new') => ({
  flow: { schemaVersion: 2, id, name, description: '', locale: 'en', variables: [], settings: {}, nodes: [], edges: [] },
  revision: 1,
  updatedAt: new Date().toISOString(),
  updatedBy: null,
  publishedVersion: null,
  hasUnpublishedChanges: false,
  problems: [],
});

// The machine is shared and jsdom is slow on a cold start; these waits are for rendering, not speed claims.
vi.setConfig({ testTimeout: 20_000 });
configure({ asyncUtilTimeout: 5_000 });

afterEach(cleanup);

beforeEach(async () => {
  vi.clearAllMocks();
  window.history.replaceState(null, '', '/');
  await initI18n('en').changeLanguage('en');
  mocks.me.mockResolvedValue({ user: admin, csrfToken: 't' });
  // Opening a flow prefetches it; the editor page itself is not under test here.
  mocks.get.mockReturnValue(new Promise(() => {}));
  mocks.list.mockResolvedValue(flows);
});

const rowOf = async (name: string) => (await screen.findByRole('link', { name })).closest('tr')!;

describe('dashboard', () => {
  it('lists flows with status, relative last edit and editor', async () => {
    render(<App />);
    const bank = await rowOf('Bank card');
    expect(within(bank).getByText('Live v3')).toBeInTheDocument();
    expect(within(bank).getByText('Grace Hopper')).toBeInTheDocument();
    expect(within(bank).getByText('5 minutes ago')).toBeInTheDocument();
    expect(within(await rowOf('Zamówienia')).getByText('Draft')).toBeInTheDocument();
    const hotel = await rowOf('Hotel');
    expect(within(hotel).getByText('Live v2 · unpublished changes')).toBeInTheDocument();
    expect(within(hotel).getByText('—')).toBeInTheDocument();
    expect(screen.getByText('3 flows')).toBeInTheDocument();
  });

  it('filters by name or description, ignoring diacritics', async () => {
    render(<App />);
    await rowOf('Bank card');
    const user = userEvent.setup();
    await user.type(screen.getByRole('searchbox', { name: 'Search flows' }), 'zamowienia');
    expect(screen.getByRole('link', { name: 'Zamówienia' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Bank card' })).not.toBeInTheDocument();
    await user.clear(screen.getByRole('searchbox'));
    await user.type(screen.getByRole('searchbox'), 'paczki');
    expect(screen.getByRole('link', { name: 'Zamówienia' })).toBeInTheDocument();
    await user.type(screen.getByRole('searchbox'), ' nothing');
    expect(screen.getByText('No flow matches “paczki nothing”.')).toBeInTheDocument();
  });

  it('shows an empty state when there are no flows', async () => {
    mocks.list.mockResolvedValue([]);
    render(<App />);
    expect(await screen.findByRole('heading', { name: 'No flows yet' })).toBeInTheDocument();
  });

  it('creates a blank flow and opens it', async () => {
    mocks.create.mockResolvedValue(detail('Returns', 'ret-1'));
    render(<App />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'New flow' }));
    const dialog = screen.getByRole('dialog', { name: 'Create a flow' });
    await user.click(within(dialog).getByRole('button', { name: 'Create flow' }));
    expect(within(dialog).getByText('Give the flow a name.')).toBeInTheDocument();
    expect(mocks.create).not.toHaveBeenCalled();
    await user.type(within(dialog).getByLabelText('Name'), 'Returns');
    await user.click(within(dialog).getByRole('button', { name: 'Create flow' }));
    // No language: the server gives a new flow the organisation's default one.
    expect(mocks.create).toHaveBeenCalledWith({ name: 'Returns' });
    await waitFor(() => expect(window.location.pathname).toBe('/flows/ret-1'));
  });

  it('creates a flow from a template', async () => {
    mocks.samples.mockResolvedValue([
      { id: 'bank-card-en', name: 'Bank card', description: 'Block a card', locale: 'en' },
      { id: 'orders-pl', name: 'Zamówienia', description: 'Status', locale: 'pl' },
    ]);
    mocks.create.mockResolvedValue(detail('Zamówienia', 'o1'));
    render(<App />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'New flow' }));
    await user.click(screen.getByRole('tab', { name: 'From a template' }));
    await user.click(await screen.findByRole('radio', { name: /Zamówienia/ }));
    await user.click(screen.getByRole('button', { name: 'Create flow' }));
    expect(mocks.create).toHaveBeenCalledWith({ sampleId: 'orders-pl' });
  });

  it('shows field paths for a bad import file without uploading it', async () => {
    render(<App />);
    await rowOf('Bank card');
    const bad = JSON.stringify({ schemaVersion: 2, id: 'x', name: '', nodes: [{ id: 'n', type: 'message', position: { x: 0, y: 0 }, data: {} }], edges: [] });
    fireEvent.change(screen.getByTestId('import-file-input'), { target: { files: [new File([bad], 'broken.json', { type: 'application/json' })] } });
    const dialog = await screen.findByRole('alertdialog', { name: 'Could not import broken.json' });
    expect(within(dialog).getByText('name')).toBeInTheDocument();
    expect(within(dialog).getByText('nodes.0.data.text')).toBeInTheDocument();
    expect(mocks.create).not.toHaveBeenCalled();
  });

  it('shows server errors for an import the server refuses', async () => {
    mocks.create.mockRejectedValue(new ApiError(400, 'invalid_flow', 'Invalid', [{ path: 'nodes.0.id', message: 'duplicate id' }]));
    render(<App />);
    await rowOf('Bank card');
    const ok = JSON.stringify({ schemaVersion: 2, id: 'x', name: 'Ok', nodes: [], edges: [] });
    const drop = screen.getByRole('main');
    const files = [new File([ok], 'ok.json', { type: 'application/json' })];
    fireEvent.dragEnter(drop, { dataTransfer: { types: ['Files'], files } });
    expect(screen.getByText('Drop the JSON file to import it')).toBeInTheDocument();
    fireEvent.drop(drop, { dataTransfer: { types: ['Files'], files } });
    const dialog = await screen.findByRole('alertdialog');
    expect(dialog).toHaveTextContent('The server did not accept the flow.');
    expect(within(dialog).getByText('nodes.0.id')).toBeInTheDocument();
    expect(mocks.create).toHaveBeenCalledWith({ document: expect.objectContaining({ name: 'Ok' }) });
  });

  it('duplicates a flow as "… (copy)"', async () => {
    mocks.get.mockResolvedValue(detail('Bank card', 'f2'));
    mocks.create.mockResolvedValue(detail('Bank card (copy)', 'f4'));
    render(<App />);
    const user = userEvent.setup();
    await user.click(within(await rowOf('Bank card')).getByRole('button', { name: 'Duplicate Bank card' }));
    await waitFor(() => expect(mocks.create).toHaveBeenCalledWith({ document: expect.objectContaining({ id: 'f2', name: 'Bank card (copy)' }) }));
    expect(mocks.get).toHaveBeenCalledWith('f2');
    expect(await screen.findByText('Created “Bank card (copy)”.')).toBeInTheDocument();
  });

  it('deletes only after a confirmation naming the flow; cancel keeps it', async () => {
    mocks.remove.mockResolvedValue(undefined);
    render(<App />);
    const user = userEvent.setup();
    await user.click(within(await rowOf('Hotel')).getByRole('button', { name: 'Delete Hotel' }));
    let dialog = screen.getByRole('alertdialog', { name: 'Delete this flow?' });
    expect(dialog).toHaveTextContent('Hotel and its published versions will be deleted');
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(mocks.remove).not.toHaveBeenCalled();

    await user.click(within(await rowOf('Hotel')).getByRole('button', { name: 'Delete Hotel' }));
    dialog = screen.getByRole('alertdialog');
    await user.click(within(dialog).getByRole('button', { name: 'Delete flow' }));
    expect(mocks.remove).toHaveBeenCalledWith('f3');
    await waitFor(() => expect(screen.queryByRole('link', { name: 'Hotel' })).not.toBeInTheDocument());
  });

  it('keeps focus inside an open dialog', async () => {
    render(<App />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'New flow' }));
    const dialog = screen.getByRole('dialog');
    for (let i = 0; i < 12; i++) {
      await user.tab();
      expect(dialog.contains(document.activeElement)).toBe(true);
    }
  });

  it('sends an agent straight to the inbox', async () => {
    mocks.me.mockResolvedValue({ user: agent, csrfToken: 't' });
    render(<App />);
    await waitFor(() => expect(window.location.pathname).toBe('/inbox'));
    expect(mocks.list).not.toHaveBeenCalled();
    expect(screen.queryByRole('link', { name: 'Flows' })).not.toBeInTheDocument();
  });

  it('renders in Polish with Polish plural forms and dates', async () => {
    await initI18n('pl').changeLanguage('pl');
    render(<App />);
    expect(await screen.findByText('3 przepływy')).toBeInTheDocument();
    expect(within(await rowOf('Bank card')).getByText('5 minut temu')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Nowy przepływ' })).toBeInTheDocument();
    expect(within(await rowOf('Zamówienia')).getByText('Szkic')).toBeInTheDocument();
  });
});
