import type { Logger } from 'pino';
import type { KnowledgeSource, KnowledgeStore } from '../storage/knowledgeStore';
import { passageText, splitPassagesYielding } from './passages';
import { createSearchIndex, searchIndex, type IndexHit, type IndexedPassage } from './searchIndex';

/** Passages added per turn of the event loop while indexing: small enough that a chat turn never waits long. */
const CHUNK = 16;

interface LiveSource {
  generation: number;
  keys: number[];
  /** What was indexed: the text revision and title (the title is indexed with every passage). */
  signature: string;
}

const signatureOf = (source: KnowledgeSource) => `${source.textRevision}\u0000${source.title}`;

/**
 * The organisation's sources in one search index, built lazily from the store on first use and
 * kept current as sources are saved. Indexing runs in a queue, one source at a time, adding
 * passages in small chunks between which the event loop serves chats. A re-indexed source's new
 * passages become visible all at once: until its generation is switched, searches see the old
 * ones, never a mix.
 */
export class KnowledgeIndex {
  private readonly index = createSearchIndex();
  private readonly live = new Map<string, LiveSource>();
  private nextKey = 1;
  private nextGeneration = 1;
  private queue: Promise<void> = Promise.resolve();
  /** Sources with a re-index queued, so reconciling does not queue them twice. */
  private readonly pending = new Set<string>();
  private loaded: Promise<void> | null = null;
  private loadComplete = false;

  constructor(
    private readonly store: KnowledgeStore,
    private readonly logger: Logger,
  ) {}

  /** Resolves once every saved source is indexed (the first call starts it). */
  ready(): Promise<void> {
    this.loaded ??= this.enqueue(async () => {
      for (const source of await this.store.list()) await this.indexNow(source.id);
      this.loadComplete = true;
    });
    return this.loaded;
  }

  /** Re-indexes a created or changed source, after whatever is queued; the caller need not wait. */
  sourceChanged(id: string): Promise<void> {
    // Before the first load, the load will index it anyway.
    if (!this.loaded) return this.ready();
    this.pending.add(id);
    return this.enqueue(async () => {
      try {
        await this.indexNow(id);
      } finally {
        this.pending.delete(id);
      }
    });
  }

  /**
   * Queues a re-index of every listed source the index holds in another form, and drops the ones
   * no longer listed. With several instances over one database, a source saved on another
   * instance reaches this one's index this way, at its next search.
   */
  reconcile(sources: readonly KnowledgeSource[]): void {
    if (!this.loadComplete) return;
    const listed = new Set<string>();
    for (const source of sources) {
      listed.add(source.id);
      if (this.live.get(source.id)?.signature !== signatureOf(source) && !this.pending.has(source.id)) void this.sourceChanged(source.id);
    }
    for (const id of this.live.keys()) if (!listed.has(id) && !this.pending.has(id)) void this.sourceDeleted(id);
  }

  sourceDeleted(id: string): Promise<void> {
    this.pending.add(id);
    return this.enqueue(async () => {
      this.drop(id);
      this.pending.delete(id);
    });
  }

  /** Waits for queued indexing to finish (tests, shutdown). */
  idle(): Promise<void> {
    return this.queue;
  }

  async search(text: string, limit: number, sourceIds?: readonly string[]): Promise<IndexHit[]> {
    await this.ready();
    const only = sourceIds ? new Set(sourceIds) : null;
    return searchIndex(this.index, text, limit, (p: IndexedPassage) => this.live.get(p.sourceId)?.generation === p.generation && (!only || only.has(p.sourceId)));
  }

  private enqueue(job: () => Promise<void>): Promise<void> {
    const run = this.queue.then(job).catch((err: unknown) => this.logger.error({ err }, 'knowledge indexing failed'));
    this.queue = run;
    return run;
  }

  private drop(id: string): void {
    const old = this.live.get(id);
    if (!old) return;
    this.live.delete(id);
    for (const key of old.keys) this.index.discard(key);
  }

  private async indexNow(id: string): Promise<void> {
    const source = await this.store.get(id);
    if (!source) return this.drop(id);
    const revision = source.textRevision;
    try {
      const text = (await this.store.getText(id)) ?? '';
      const generation = this.nextGeneration++;
      const docs: IndexedPassage[] = (await splitPassagesYielding(text)).map((p, n) => ({
        key: this.nextKey++,
        passageId: `${id}#${n}`,
        sourceId: id,
        heading: p.heading ? `${source.title}\n${p.heading}` : source.title,
        text: passageText(p),
        generation,
      }));
      await this.index.addAllAsync(docs, { chunkSize: CHUNK });
      // Deleted while indexing: throw the new passages away too.
      if (!(await this.store.get(id))) {
        for (const doc of docs) this.index.discard(doc.key);
        return this.drop(id);
      }
      const old = this.live.get(id);
      this.live.set(id, { generation, keys: docs.map((d) => d.key), signature: signatureOf(source) });
      if (old) for (const key of old.keys) this.index.discard(key);
      await this.store.setIndexed(id, revision, { passages: docs.length, status: 'ready' });
    } catch (err) {
      this.logger.error({ err, sourceId: id }, 'indexing a knowledge source failed');
      // Remembered as tried, so reconciling does not retry it at every search; the old passages stay.
      const old = this.live.get(id);
      this.live.set(id, { generation: old?.generation ?? 0, keys: old?.keys ?? [], signature: signatureOf(source) });
      await this.store.setIndexed(id, revision, { passages: 0, status: 'failed' });
    }
  }
}
