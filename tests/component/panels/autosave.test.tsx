import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import type { FlowDocument } from '../../../runtime/src/schema';
import { ApiError, NetworkError, type FlowDetail, type SaveFlowResult } from '../../../editor/src/api';
import { AutosaveController } from '../../../editor/src/flow-editor/save/autosaveController';
import type { DraftStore, LocalDraft } from '../../../editor/src/flow-editor/save/draftStorage';
import { setActiveAutosave } from '../../../editor/src/flow-editor/save/activeAutosave';
import { useSaveState } from '../../../editor/src/flow-editor/save/saveState';
import { SaveStatus } from '../../../editor/src/flow-editor/save/SaveStatus';
import { useEditorStore } from '../../../editor/src/flow-editor/store';
import { everyKindDoc, store } from '../inspector/support';

function memoryDrafts(): DraftStore & { map: Map<string, LocalDraft> } {
  const map = new Map<string, LocalDraft>();
  return {
    map,
    get: async (id) => map.get(id),
    set: async (id, d) => void map.set(id, structuredClone(d)),
    remove: async (id) => void map.delete(id),
  };
}

function detail(flow: FlowDocument, revision: number): FlowDetail {
  return { flow, revision, updatedAt: '2026-03-01T10:00:00.000Z', updatedBy: { id: 'u2', name: 'Ola' }, publishedVersion: null, hasUnpublishedChanges: true, problems: [] };
}

const FLOW = 'flow-kinds';
let drafts: ReturnType<typeof memoryDrafts>;
let save: ReturnType<typeof vi.fn<(id: string, flow: FlowDocument, revision: number) => Promise<SaveFlowResult>>>;
let get: ReturnType<typeof vi.fn<(id: string) => Promise<FlowDetail>>>;
let create: ReturnType<typeof vi.fn<(input: unknown) => Promise<FlowDetail>>>;
let events: EventTarget;
let controller: AutosaveController;
let serverRevision: number;

const status = () => useSaveState.getState().status;
const edit = (text: string) => store().updateNodeData('msg', { text });

function startController() {
  controller = new AutosaveController({ flowId: FLOW, editor: useEditorStore, api: { save, get, create }, drafts, state: useSaveState, events: events as Window, now: () => Date.now() });
  controller.start();
  setActiveAutosave(controller);
}

beforeEach(() => {
  vi.useFakeTimers();
  serverRevision = 1;
  drafts = memoryDrafts();
  events = new EventTarget();
  save = vi.fn(async () => ({ ok: true as const, revision: ++serverRevision, updatedAt: new Date().toISOString(), problems: [] }));
  get = vi.fn(async () => detail({ ...everyKindDoc(), name: 'Theirs' }, 7));
  create = vi.fn(async (input) => detail({ ...(input as { document: FlowDocument }).document, id: 'flow-copy' }, 1));
  store().load(everyKindDoc(), 1);
});

afterEach(() => {
  cleanup();
  controller.dispose();
  setActiveAutosave(null);
  vi.useRealTimers();
});

describe('autosave', () => {
  it('saves once, 800 ms after the last change, and reports Unsaved → Saving → Saved', async () => {
    startController();
    edit('a');
    await vi.advanceTimersByTimeAsync(500);
    edit('ab');
    await vi.advanceTimersByTimeAsync(500);
    edit('abc');
    expect(status().kind).toBe('unsaved');
    await vi.advanceTimersByTimeAsync(799);
    expect(save).not.toHaveBeenCalled();
    let resolve!: (r: SaveFlowResult) => void;
    save.mockImplementationOnce(() => new Promise((r) => (resolve = r)));
    await vi.advanceTimersByTimeAsync(1);
    expect(save).toHaveBeenCalledTimes(1);
    expect(save.mock.calls[0]![2]).toBe(1);
    expect((save.mock.calls[0]![1].nodes.find((n) => n.id === 'msg')!.data as { text: string }).text).toBe('abc');
    expect(status().kind).toBe('saving');
    resolve({ ok: true, revision: 2, updatedAt: '2026-03-01T10:00:00.000Z', problems: [] });
    await vi.advanceTimersByTimeAsync(0);
    expect(status()).toEqual({ kind: 'saved', at: '2026-03-01T10:00:00.000Z' });
    expect(store().revision).toBe(2);
    expect(store().savedCounter).toBe(store().changeCounter);
  });

  it('does not save on selection changes', async () => {
    startController();
    store().selectNode('msg');
    await vi.advanceTimersByTimeAsync(2000);
    expect(save).not.toHaveBeenCalled();
    expect(status().kind).toBe('saved');
  });

  it('saves edits made during a save afterwards, against the new revision', async () => {
    startController();
    edit('one');
    let resolve!: (r: SaveFlowResult) => void;
    save.mockImplementationOnce(() => new Promise((r) => (resolve = r)));
    await vi.advanceTimersByTimeAsync(800);
    edit('two');
    resolve({ ok: true, revision: 2, updatedAt: 'x', problems: [] });
    await vi.advanceTimersByTimeAsync(0);
    expect(status().kind).toBe('unsaved');
    await vi.advanceTimersByTimeAsync(800);
    expect(save).toHaveBeenCalledTimes(2);
    expect(save.mock.calls[1]![2]).toBe(2);
    expect(status().kind).toBe('saved');
  });

  it('goes Offline, retrying with backoff up to 30 s, retries at once when online, and recovers', async () => {
    startController();
    save.mockRejectedValue(new NetworkError());
    edit('offline edit');
    await vi.advanceTimersByTimeAsync(800);
    expect(status()).toMatchObject({ kind: 'offline', attempt: 1, retryInMs: 1000 });
    await vi.advanceTimersByTimeAsync(1000);
    expect(status()).toMatchObject({ kind: 'offline', attempt: 2, retryInMs: 2000 });
    for (let i = 0; i < 6; i++) await vi.advanceTimersByTimeAsync((status() as { retryInMs: number }).retryInMs);
    expect(status()).toMatchObject({ kind: 'offline', retryInMs: 30_000 });
    const calls = save.mock.calls.length;
    edit('more while offline');
    await vi.advanceTimersByTimeAsync(800);
    expect(save.mock.calls.length).toBe(calls);

    save.mockImplementation(async () => ({ ok: true, revision: ++serverRevision, updatedAt: 'now', problems: [] }));
    events.dispatchEvent(new Event('online'));
    await vi.advanceTimersByTimeAsync(0);
    expect(save.mock.calls.length).toBe(calls + 1);
    expect((save.mock.lastCall![1].nodes.find((n) => n.id === 'msg')!.data as { text: string }).text).toBe('more while offline');
    expect(status().kind).toBe('saved');
    expect(drafts.map.has(FLOW)).toBe(false);
  });

  it('shows a 400 with its details and tries again on the next change', async () => {
    startController();
    save.mockRejectedValueOnce(new ApiError(400, 'invalid_flow', 'The flow is not valid', [{ path: 'nodes.3.data.text', message: 'Too long' }]));
    edit('x');
    await vi.advanceTimersByTimeAsync(800);
    expect(status()).toEqual({ kind: 'invalid', message: 'The flow is not valid', details: [{ path: 'nodes.3.data.text', message: 'Too long' }] });
    render(<SaveStatus />);
    expect(screen.getByTestId('save-status')).toHaveTextContent('Not saved');
    expect(screen.getByText('nodes.3.data.text')).toBeInTheDocument();
    await vi.advanceTimersByTimeAsync(200);
    expect(drafts.map.get(FLOW)).toBeDefined();
    act(() => edit('y'));
    await act(() => vi.advanceTimersByTimeAsync(800));
    expect(save).toHaveBeenCalledTimes(2);
    expect(status().kind).toBe('saved');
  });

  it('retries server errors with backoff', async () => {
    startController();
    save.mockRejectedValueOnce(new ApiError(503, 'http_503', 'Service Unavailable'));
    edit('x');
    await vi.advanceTimersByTimeAsync(800);
    expect(status()).toEqual({ kind: 'error', message: 'Service Unavailable', retrying: true });
    await vi.advanceTimersByTimeAsync(1000);
    expect(status().kind).toBe('saved');
  });
});

describe('conflicts', () => {
  beforeEach(() => {
    save.mockResolvedValueOnce({ ok: false, conflict: { revision: 5, updatedAt: '2026-03-01T10:00:00.000Z', updatedBy: { id: 'u2', name: 'Ola' } } });
  });

  async function conflict() {
    startController();
    render(<SaveStatus />);
    act(() => edit('mine'));
    await act(() => vi.advanceTimersByTimeAsync(800));
  }

  it('opens the dialog on 409 and stops autosaving', async () => {
    await conflict();
    expect(screen.getByRole('alertdialog', { name: 'Someone else changed this flow' })).toHaveTextContent('Ola saved a newer version');
    act(() => edit('mine, more'));
    await act(() => vi.advanceTimersByTimeAsync(5000));
    expect(save).toHaveBeenCalledTimes(1);
    expect(drafts.map.get(FLOW)?.baseRevision).toBe(1);
  });

  it('"Overwrite with mine" saves again against the server revision', async () => {
    await conflict();
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Overwrite with mine' })));
    expect(save).toHaveBeenCalledTimes(2);
    expect(save.mock.calls[1]![2]).toBe(5);
    expect(status().kind).toBe('saved');
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
  });

  it('"Reload theirs" asks first, then loads the server copy and drops the draft', async () => {
    await conflict();
    fireEvent.click(screen.getByRole('button', { name: 'Reload theirs' }));
    expect(screen.getByRole('alertdialog')).toHaveTextContent('will be discarded');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Discard mine and reload' })));
    expect(get).toHaveBeenCalledWith(FLOW);
    expect(store().meta.name).toBe('Theirs');
    expect(store().revision).toBe(7);
    expect(status().kind).toBe('saved');
    await act(() => vi.advanceTimersByTimeAsync(2000));
    expect(drafts.map.has(FLOW)).toBe(false);
  });

  it('"Save mine as a copy" creates a new flow holding my document', async () => {
    await conflict();
    window.history.replaceState(null, '', '/flows/flow-kinds');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Save mine as a copy' })));
    expect(create).toHaveBeenCalledTimes(1);
    const sent = (create.mock.calls[0]![0] as { document: FlowDocument }).document;
    expect(sent.name).toBe('Every kind (my copy)');
    expect((sent.nodes.find((n) => n.id === 'msg')!.data as { text: string }).text).toBe('mine');
    expect(window.location.pathname).toBe('/flows/flow-copy');
    await act(() => vi.advanceTimersByTimeAsync(2000));
    await controller.flushDraft();
    expect(drafts.map.has(FLOW)).toBe(false);
  });

  it('can be dismissed and reopened from the status', async () => {
    await conflict();
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Resolve' }));
    expect(screen.getByRole('alertdialog')).toBeInTheDocument();
  });
});

describe('local draft', () => {
  it('is written (throttled) while unsaved and removed once saved', async () => {
    save.mockRejectedValue(new NetworkError());
    startController();
    edit('draft text');
    await vi.advanceTimersByTimeAsync(999);
    expect(drafts.map.has(FLOW)).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    const draft = drafts.map.get(FLOW)!;
    expect(draft.baseRevision).toBe(1);
    expect((draft.document.nodes.find((n) => n.id === 'msg')!.data as { text: string }).text).toBe('draft text');
    save.mockImplementation(async () => ({ ok: true, revision: 2, updatedAt: 'now', problems: [] }));
    events.dispatchEvent(new Event('online'));
    await vi.advanceTimersByTimeAsync(0);
    expect(drafts.map.has(FLOW)).toBe(false);
  });

  it('offers a draft left by a crash, and restoring it makes it the unsaved document', async () => {
    const doc = everyKindDoc();
    const crashed: FlowDocument = {
      ...doc,
      nodes: doc.nodes.map((n) => (n.id === 'msg' && n.type === 'message' ? { ...n, data: { text: 'Lost work' } } : n)),
    };
    drafts.map.set(FLOW, { document: crashed, baseRevision: 1, savedAt: Date.UTC(2026, 2, 1, 9, 30) });
    startController();
    render(<SaveStatus />);
    await act(() => vi.advanceTimersByTimeAsync(0));
    const dialog = screen.getByRole('dialog', { name: /Restore unsaved changes from .*2026/ });
    expect(dialog).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Restore' }));
    expect(store().nodeById.get('msg')!.data).toEqual({ text: 'Lost work' });
    expect(store().changeCounter).not.toBe(store().savedCounter);
    await act(() => vi.advanceTimersByTimeAsync(800));
    expect(save).toHaveBeenCalledTimes(1);
    expect(save.mock.calls[0]![2]).toBe(1);
    expect(status().kind).toBe('saved');
  });

  it('discarding the offer deletes the draft; an identical draft is dropped silently', async () => {
    const doc = everyKindDoc();
    drafts.map.set(FLOW, { document: { ...doc, name: 'Other' }, baseRevision: 1, savedAt: Date.now() });
    startController();
    render(<SaveStatus />);
    await act(() => vi.advanceTimersByTimeAsync(0));
    fireEvent.click(screen.getByRole('button', { name: 'Discard' }));
    await act(() => vi.advanceTimersByTimeAsync(0));
    expect(drafts.map.has(FLOW)).toBe(false);
    expect(store().meta.name).toBe('Every kind');
    controller.dispose();
    cleanup();

    drafts.map.set(FLOW, { document: doc, baseRevision: 1, savedAt: Date.now() });
    startController();
    await vi.advanceTimersByTimeAsync(0);
    expect(useSaveState.getState().draftOffer).toBeNull();
    expect(drafts.map.has(FLOW)).toBe(false);
  });
});
