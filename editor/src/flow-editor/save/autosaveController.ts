import type { StoreApi } from 'zustand';
import { jsonEqual, type FlowDocument } from '@switchboard/runtime';
import { ApiError, NetworkError, type CreateFlowInput, type FlowDetail, type SaveFlowResult } from '../../api';
import type { EditorState } from '../store';
import type { DraftStore, LocalDraft } from './draftStorage';
import type { SaveState, SaveStatus } from './saveState';

export interface AutosaveDeps {
  flowId: string;
  editor: Pick<StoreApi<EditorState>, 'getState' | 'setState' | 'subscribe'>;
  api: {
    save(id: string, flow: FlowDocument, revision: number): Promise<SaveFlowResult>;
    get(id: string): Promise<FlowDetail>;
    create(input: CreateFlowInput): Promise<FlowDetail>;
  };
  drafts: DraftStore;
  state: Pick<StoreApi<SaveState>, 'getState' | 'setState'>;
  /** Window-like target for `online` events; none in tests that do not need it. */
  events?: Pick<Window, 'addEventListener' | 'removeEventListener'>;
  now?: () => number;
  debounceMs?: number;
  draftThrottleMs?: number;
  baseBackoffMs?: number;
  maxBackoffMs?: number;
}

export const AUTOSAVE_DEBOUNCE_MS = 800;
export const DRAFT_THROTTLE_MS = 1000;
export const MAX_BACKOFF_MS = 30_000;

/** Server answers that mean "try the same request again later". */
const TRANSIENT = new Set([408, 425, 429, 500, 502, 503, 504]);

/**
 * Saves the editor's document after a pause in editing, never losing work: a failed save keeps
 * the draft (in memory and in IndexedDB) and retries; a stale save stops and asks the user.
 */
export class AutosaveController {
  private readonly d: Required<Omit<AutosaveDeps, 'events'>> & Pick<AutosaveDeps, 'events'>;
  private saveTimer: ReturnType<typeof setTimeout> | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private draftTimer: ReturnType<typeof setTimeout> | null = null;
  private inFlight: Promise<void> | null = null;
  private saveAgain = false;
  private attempt = 0;
  private draftQueue: Promise<void> = Promise.resolve();
  private offered: LocalDraft | null = null;
  private draftChecked = false;
  private unsubscribe: (() => void) | null = null;
  private disposed = false;
  /** Set once the local work lives in a copy: this flow must not get a draft again. */
  private movedToCopy = false;

  constructor(deps: AutosaveDeps) {
    this.d = {
      now: Date.now,
      debounceMs: AUTOSAVE_DEBOUNCE_MS,
      draftThrottleMs: DRAFT_THROTTLE_MS,
      baseBackoffMs: 1000,
      maxBackoffMs: MAX_BACKOFF_MS,
      ...deps,
    };
  }

  start(): void {
    this.setStatus({ kind: 'saved', at: null });
    this.d.state.setState({ draftOffer: null });
    this.unsubscribe = this.d.editor.subscribe((s, prev) => {
      if (s.flowId !== this.d.flowId) return;
      if (s.changeCounter !== prev.changeCounter) this.onChange();
      if (!this.draftChecked && s.revision !== null) void this.checkDraft();
    });
    this.d.events?.addEventListener('online', this.onOnline);
    const s = this.d.editor.getState();
    if (s.flowId === this.d.flowId && s.revision !== null) void this.checkDraft();
  }

  dispose(): void {
    this.disposed = true;
    this.unsubscribe?.();
    this.d.events?.removeEventListener('online', this.onOnline);
    for (const t of [this.saveTimer, this.retryTimer, this.draftTimer]) if (t) clearTimeout(t);
  }

  get status(): SaveStatus {
    return this.d.state.getState().status;
  }

  private setStatus(status: SaveStatus): void {
    if (!this.disposed) this.d.state.setState({ status });
  }

  private isDirty(): boolean {
    const s = this.d.editor.getState();
    return s.changeCounter !== s.savedCounter;
  }

  private onChange(): void {
    if (!this.isDirty()) return;
    this.scheduleDraft();
    const kind = this.status.kind;
    if (kind === 'conflict') return;
    // A retry is already queued and will send the newest document.
    if (this.retryTimer) return;
    if (kind !== 'saving' && kind !== 'offline') this.setStatus({ kind: 'unsaved' });
    this.scheduleSave();
  }

  private scheduleSave(): void {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => {
      this.saveTimer = null;
      void this.saveNow();
    }, this.d.debounceMs);
  }

  private readonly onOnline = () => {
    if (this.retryTimer) {
      clearTimeout(this.retryTimer);
      this.retryTimer = null;
      void this.saveNow();
    }
  };

  /** Saves immediately (e.g. Ctrl+S); resolves once this save and any follow-up finished. */
  saveNow(): Promise<void> {
    if (this.inFlight) {
      this.saveAgain = true;
      return this.inFlight;
    }
    this.inFlight = this.runSave().finally(() => {
      this.inFlight = null;
      if (this.saveAgain && !this.disposed) {
        this.saveAgain = false;
        if (this.isDirty() && this.status.kind !== 'conflict' && !this.retryTimer) void this.saveNow();
      }
    });
    return this.inFlight;
  }

  private async runSave(): Promise<void> {
    const s = this.d.editor.getState();
    if (s.revision === null || s.flowId !== this.d.flowId) return;
    if (!this.isDirty()) {
      if (this.status.kind !== 'conflict') this.setStatus({ kind: 'saved', at: null });
      return;
    }
    const counter = s.changeCounter;
    const doc = s.toDocument();
    const wasOffline = this.status.kind === 'offline';
    if (!wasOffline) this.setStatus({ kind: 'saving' });
    let result: SaveFlowResult;
    try {
      result = await this.d.api.save(this.d.flowId, doc, s.revision);
    } catch (e) {
      this.onSaveFailed(e);
      return;
    }
    if (this.disposed) return;
    this.attempt = 0;
    if (!result.ok) {
      this.setStatus({ kind: 'conflict', conflict: result.conflict });
      return;
    }
    this.d.editor.getState().markSaved(result.revision, counter);
    if (this.isDirty()) {
      // Edits made while saving: wait for a pause in typing again rather than saving per round trip.
      this.setStatus({ kind: 'unsaved' });
      if (!this.saveTimer) this.scheduleSave();
    } else {
      this.setStatus({ kind: 'saved', at: result.updatedAt });
      this.removeDraft();
    }
  }

  private onSaveFailed(e: unknown): void {
    if (this.disposed) return;
    const transient = e instanceof NetworkError || (e instanceof ApiError && TRANSIENT.has(e.status));
    if (transient) {
      this.attempt++;
      const delay = Math.min(this.d.baseBackoffMs * 2 ** (this.attempt - 1), this.d.maxBackoffMs);
      this.setStatus(
        e instanceof NetworkError
          ? { kind: 'offline', attempt: this.attempt, retryInMs: delay }
          : { kind: 'error', message: (e as ApiError).message, retrying: true },
      );
      this.retryTimer = setTimeout(() => {
        this.retryTimer = null;
        void this.saveNow();
      }, delay);
      return;
    }
    this.attempt = 0;
    if (e instanceof ApiError && (e.status === 400 || e.status === 422)) {
      this.setStatus({ kind: 'invalid', message: e.message, details: e.details });
    } else {
      this.setStatus({ kind: 'error', message: e instanceof Error ? e.message : String(e), retrying: false });
    }
  }

  // ---- local draft -------------------------------------------------------------------------

  private enqueueDraft(op: () => Promise<void>): Promise<void> {
    // IndexedDB writes are async; running them in order stops an old write landing after a remove.
    this.draftQueue = this.draftQueue.then(op).catch(() => undefined);
    return this.draftQueue;
  }

  private scheduleDraft(): void {
    if (this.draftTimer) return;
    this.draftTimer = setTimeout(() => {
      this.draftTimer = null;
      void this.flushDraft();
    }, this.d.draftThrottleMs);
  }

  /** Writes the current document to the local draft now (also called on page hide). */
  flushDraft(): Promise<void> {
    if (this.draftTimer) {
      clearTimeout(this.draftTimer);
      this.draftTimer = null;
    }
    const s = this.d.editor.getState();
    if (this.movedToCopy || s.flowId !== this.d.flowId || !this.isDirty()) return this.draftQueue;
    const draft: LocalDraft = { document: s.toDocument(), baseRevision: s.revision, savedAt: this.d.now() };
    return this.enqueueDraft(() => this.d.drafts.set(this.d.flowId, draft));
  }

  private removeDraft(): void {
    if (this.draftTimer) {
      clearTimeout(this.draftTimer);
      this.draftTimer = null;
    }
    void this.enqueueDraft(() => this.d.drafts.remove(this.d.flowId));
  }

  /** Offers a draft left by a crash or reload when it differs from what the server holds. */
  async checkDraft(): Promise<void> {
    if (this.draftChecked) return;
    this.draftChecked = true;
    let draft: LocalDraft | undefined;
    try {
      draft = await this.d.drafts.get(this.d.flowId);
    } catch {
      return;
    }
    if (!draft || this.disposed) return;
    if (jsonEqual(draft.document, this.d.editor.getState().toDocument())) {
      this.removeDraft();
      return;
    }
    this.offered = draft;
    this.d.state.setState({ draftOffer: { savedAt: draft.savedAt } });
  }

  restoreDraft(): void {
    const draft = this.offered;
    if (!draft) return;
    this.offered = null;
    this.d.state.setState({ draftOffer: null });
    const editor = this.d.editor.getState();
    editor.load(draft.document, draft.baseRevision ?? editor.revision ?? 0);
    // `load` marks the document as saved; the restored draft is not, so count it as one change.
    this.d.editor.setState((s) => ({ changeCounter: s.savedCounter + 1 }));
  }

  discardDraft(): void {
    this.offered = null;
    this.d.state.setState({ draftOffer: null });
    this.removeDraft();
  }

  // ---- conflict resolutions ----------------------------------------------------------------

  /** Replaces the local document with the server's; the caller has confirmed the discard. */
  async reloadTheirs(): Promise<void> {
    const detail = await this.d.api.get(this.d.flowId);
    this.d.editor.getState().load(detail.flow, detail.revision);
    this.removeDraft();
    this.setStatus({ kind: 'saved', at: detail.updatedAt });
  }

  /** Saves the local document over the server's newer revision. */
  async overwriteMine(): Promise<void> {
    const status = this.status;
    if (status.kind !== 'conflict') return;
    const s = this.d.editor.getState();
    // Only the base revision moves; the unsaved counter stays, so the document is still dirty.
    s.markSaved(status.conflict.revision, s.savedCounter);
    this.setStatus({ kind: 'unsaved' });
    await this.saveNow();
  }

  /** Creates a new flow holding the local document; returns its id for the caller to open. */
  async saveAsCopy(name: string): Promise<string> {
    const doc = this.d.editor.getState().toDocument();
    const created = await this.d.api.create({ document: { ...doc, name } });
    this.movedToCopy = true;
    this.removeDraft();
    await this.draftQueue;
    return created.flow.id;
  }
}
