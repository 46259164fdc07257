import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { configure } from '@testing-library/dom';
import userEvent from '@testing-library/user-event';
import { ApiError, type KnowledgeHit, type KnowledgeSource } from '../../../editor/src/api';
import KnowledgePage from '../../../editor/src/knowledge/KnowledgePage';
import { ToastProvider } from '../../../editor/src/ui';
import { initI18n } from '../../../editor/src/i18n';
import { summary } from '../shell/fixtures';

const mocks = vi.hoisted(() => ({
  list: vi.fn(),
  replaceFile: vi.fn(),
  create: vi.fn(),
  upload: vi.fn(),
  update: vi.fn(),
  remove: vi.fn(),
  search: vi.fn(),
  flows: vi.fn(),
}));

vi.mock(import('../../../editor/src/api'), async (original) => {
  const actual = await original();
  return {
    ...actual,
    api: {
      ...actual.api,
      flows: { ...actual.api.flows, list: mocks.flows },
      knowledge: { list: mocks.list, replaceFile: mocks.replaceFile, create: mocks.create, upload: mocks.upload, update: mocks.update, remove: mocks.remove, search: mocks.search },
    },
  };
});

// jsdom on a shared machine is slow to start; these waits are for rendering, not speed claims.
vi.setConfig({ testTimeout: 20_000 });
configure({ asyncUtilTimeout: 5_000 });

function source(overrides: Partial<KnowledgeSource> & { id: string; title: string }): KnowledgeSource {
  return {
    url: null,
    kind: 'text',
    fileName: null,
    characters: 120,
    passages: 2,
    status: 'ready',
    createdAt: '2026-03-02T09:00:00.000Z',
    updatedAt: '2026-03-02T09:00:00.000Z',
    updatedBy: { id: 'u1', name: 'Ada Lovelace' },
    ...overrides,
  };
}

const returns = source({ id: 's1', title: 'Returns policy', url: 'https://shop.example.com/returns', passages: 3 });
const manual = source({ id: 's2', title: 'Router manual', kind: 'pdf', fileName: 'router.pdf', passages: 41 });

const renderPage = () =>
  render(
    <ToastProvider>
      <KnowledgePage />
    </ToastProvider>,
  );

afterEach(cleanup);
beforeEach(async () => {
  vi.clearAllMocks();
  mocks.flows.mockResolvedValue([summary({ id: 'shop', name: 'Shop help' })]);
  await initI18n('en').changeLanguage('en');
});

describe('the knowledge page', () => {
  it('lists sources with their kind, passages and last change', async () => {
    mocks.list.mockResolvedValue([returns, manual]);
    renderPage();
    const table = await screen.findByRole('table');
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(within(rows[1]!).getByText('Returns policy')).toBeTruthy();
    expect(within(rows[1]!).getByText('Pasted text')).toBeTruthy();
    expect(within(rows[1]!).getByRole('link', { name: 'Open the public page of Returns policy' }).getAttribute('href')).toBe('https://shop.example.com/returns');
    expect(within(rows[2]!).getByText('router.pdf')).toBeTruthy();
    expect(within(rows[2]!).getByText('PDF')).toBeTruthy();
    expect(within(rows[2]!).getByText('41')).toBeTruthy();
    expect(within(rows[2]!).getByText(/by Ada Lovelace/)).toBeTruthy();
  });

  it('explains an empty knowledge base and adds pasted text, checking the fields first', async () => {
    mocks.list.mockResolvedValueOnce([]).mockResolvedValue([source({ id: 's3', title: 'Delivery', status: 'indexing', passages: 0 })]);
    mocks.create.mockResolvedValue(source({ id: 's3', title: 'Delivery', status: 'indexing', passages: 0 }));
    renderPage();
    expect(await screen.findByText('No knowledge yet')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Add source' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add a knowledge source' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Add source' }));
    expect(within(dialog).getAllByText('Required')).toHaveLength(2);
    await userEvent.type(within(dialog).getByLabelText('Title'), 'Delivery');
    await userEvent.type(within(dialog).getByLabelText('Text'), 'Couriers deliver in two days.');
    await userEvent.type(within(dialog).getByLabelText('Public link (optional)'), 'ftp://x');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Add source' }));
    expect(await within(dialog).findByText('Enter a web address starting with http:// or https://')).toBeTruthy();
    expect(mocks.create).not.toHaveBeenCalled();
    await userEvent.clear(within(dialog).getByLabelText('Public link (optional)'));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Add source' }));
    await waitFor(() => expect(mocks.create).toHaveBeenCalledWith({ title: 'Delivery', text: 'Couriers deliver in two days.' }));
    expect(await screen.findByText('Indexing…')).toBeTruthy();
  });

  it('uploads a file, and says in words why the server refused one', async () => {
    mocks.list.mockResolvedValue([returns]);
    mocks.upload.mockRejectedValueOnce(new ApiError(400, 'no_text', 'The PDF has no text to read', [{ path: 'body', message: 'x' }])).mockResolvedValue(manual);
    renderPage();
    await userEvent.click(await screen.findByRole('button', { name: 'Add source' }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(within(dialog).getByRole('tab', { name: 'Upload a file' }));
    const file = new File(['%PDF-1.7'], 'router.pdf', { type: 'application/pdf' });
    await userEvent.upload(within(dialog).getByLabelText('File'), file);
    expect(within(dialog).getByText(/router\.pdf \(1 kB\)/)).toBeTruthy();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Add source' }));
    expect(await within(dialog).findByText('The file has no text to read. A scanned PDF needs text recognition first.')).toBeTruthy();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Add source' }));
    await waitFor(() => expect(mocks.upload).toHaveBeenLastCalledWith(file, {}));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('edits the title and link, and deletes only after confirming', async () => {
    mocks.list.mockResolvedValue([returns]);
    mocks.update.mockResolvedValue({ ...returns, title: 'Returns' });
    mocks.remove.mockResolvedValue(undefined);
    renderPage();
    await userEvent.click(await screen.findByRole('button', { name: 'Edit Returns policy' }));
    const edit = await screen.findByRole('dialog', { name: 'Edit source' });
    await userEvent.clear(within(edit).getByLabelText('Title'));
    await userEvent.type(within(edit).getByLabelText('Title'), 'Returns');
    await userEvent.clear(within(edit).getByLabelText('Public link (optional)'));
    await userEvent.click(within(edit).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(mocks.update).toHaveBeenCalledWith('s1', { title: 'Returns', url: null }));

    await userEvent.click(screen.getByRole('button', { name: 'Delete Returns policy' }));
    const confirm = await screen.findByRole('alertdialog', { name: 'Delete “Returns policy”?' });
    expect(mocks.remove).not.toHaveBeenCalled();
    await userEvent.click(within(confirm).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(mocks.remove).toHaveBeenCalledWith('s1'));
  });

  it('replaces a file source with a new version of the file, keeping title and link', async () => {
    mocks.list.mockResolvedValue([manual]);
    mocks.replaceFile.mockResolvedValue({ ...manual, fileName: 'router-v2.pdf', status: 'indexing' });
    mocks.update.mockResolvedValue(manual);
    renderPage();
    await userEvent.click(await screen.findByRole('button', { name: 'Edit Router manual' }));
    const edit = await screen.findByRole('dialog', { name: 'Edit source' });
    expect(within(edit).getByText(/Now: router\.pdf/)).toBeTruthy();
    const file = new File(['%PDF-1.7'], 'router-v2.pdf', { type: 'application/pdf' });
    await userEvent.upload(within(edit).getByLabelText('Replace with a new file (optional)'), file);
    await userEvent.click(within(edit).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(mocks.update).toHaveBeenCalledWith('s2', { title: 'Router manual', url: null }));
    expect(mocks.replaceFile).toHaveBeenCalledWith('s2', file);
  });

  it('shows a failed load with a way to try again', async () => {
    mocks.list.mockRejectedValueOnce(new ApiError(500, 'internal', 'boom')).mockResolvedValue([returns]);
    renderPage();
    expect(await screen.findByText(/The sources could not be loaded/)).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Returns policy')).toBeTruthy();
  });

  it('shows which passages a question retrieves, with the matched words marked', async () => {
    mocks.list.mockResolvedValue([returns]);
    const hits: KnowledgeHit[] = [
      { id: 's1#0', sourceId: 's1', sourceTitle: 'Returns policy', sourceUrl: 'https://shop.example.com/returns', origin: 'source', text: 'Returns\nYou can return anything within 30 days.', score: 3.14159, highlights: [[0, 7], [16, 22]] },
      { id: 'faq:shop:faq#1', sourceId: 'faq:shop:faq', sourceTitle: 'Shop help', sourceUrl: null, origin: 'faq', text: 'How do I return an item?\nYou have 30 days.', score: 1.5, highlights: [[9, 15]] },
    ];
    mocks.search.mockResolvedValueOnce(hits).mockResolvedValueOnce([]);
    renderPage();
    await screen.findByText('Returns policy');
    await userEvent.type(screen.getByLabelText('Question'), 'how to return?');
    await userEvent.selectOptions(await screen.findByLabelText('Also search the FAQ of'), 'shop');
    await userEvent.click(screen.getByRole('button', { name: 'Search' }));
    await waitFor(() => expect(mocks.search).toHaveBeenCalledWith('how to return?', 'shop', expect.any(AbortSignal)));
    const list = await screen.findByRole('list');
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect([...items[0]!.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['Returns', 'return']);
    expect(within(items[0]!).getByText('Score 3.14')).toBeTruthy();
    expect(within(items[1]!).getByText('FAQ')).toBeTruthy();
    expect(screen.getByText('2 passages, best first')).toBeTruthy();

    await userEvent.clear(screen.getByLabelText('Question'));
    await userEvent.type(screen.getByLabelText('Question'), 'weather');
    await userEvent.click(screen.getByRole('button', { name: 'Search' }));
    expect(await screen.findByText(/No passage matches this question/)).toBeTruthy();
  });

  it('speaks Polish', async () => {
    await initI18n('pl').changeLanguage('pl');
    mocks.list.mockResolvedValue([manual]);
    renderPage();
    expect(await screen.findByRole('heading', { name: 'Wiedza' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Dodaj źródło' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Sprawdź pytanie' })).toBeTruthy();
    expect(screen.getByRole('columnheader', { name: 'Fragmenty' })).toBeTruthy();
  });
});
