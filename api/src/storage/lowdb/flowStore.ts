import type { Low } from 'lowdb';
import type { FlowDocument } from '../../../../runtime/src/schema';
import { FlowIdTakenError, type FlowStore, type FlowSummary, type FlowVersion, type SaveResult, type StoredFlow } from '../flowStore';
import type { FlowTestCase } from '../../../../runtime/src/flowtests/schema';
import type { FlowEntry, FlowsFile } from './documents';
import { stableJson } from './stableJson';

function storedOf(entry: FlowEntry): StoredFlow {
  const { live: _live, tests, ...rest } = entry;
  return structuredClone({ ...rest, tests: tests ?? [] });
}

/**
 * Every check-and-change runs synchronously on the in-memory document before the first await,
 * so two concurrent saves of one revision cannot both pass the revision check.
 * Reads hand out copies: callers must never be able to mutate a stored (immutable) version.
 */
export class LowdbFlowStore implements FlowStore {
  constructor(
    private readonly db: Low<FlowsFile>,
    private readonly now: () => number,
  ) {
    // Flow ids are chosen by users: keyed by `__proto__`, a plain object would hand back (or
    // let a write change) Object.prototype. Null-prototype maps have no such members.
    db.data.flows = Object.assign(Object.create(null) as FlowsFile['flows'], db.data.flows);
    db.data.versions = Object.assign(Object.create(null) as FlowsFile['versions'], db.data.versions);
  }

  private entry(id: string): FlowEntry | undefined {
    return Object.hasOwn(this.db.data.flows, id) ? this.db.data.flows[id] : undefined;
  }

  private versionsOf(id: string): FlowVersion[] | undefined {
    return Object.hasOwn(this.db.data.versions, id) ? this.db.data.versions[id] : undefined;
  }

  private iso(): string {
    return new Date(this.now()).toISOString();
  }

  async list(): Promise<FlowSummary[]> {
    return Object.values(this.db.data.flows)
      .map((entry) => {
        const live = this.liveVersion(entry.flow.id, entry.live);
        return {
          id: entry.flow.id,
          name: entry.flow.name,
          description: entry.flow.description,
          locale: entry.flow.locale,
          revision: entry.revision,
          updatedAt: entry.updatedAt,
          updatedBy: entry.updatedBy,
          publishedVersion: entry.live,
          hasUnpublishedChanges: live === null || stableJson(live.flow) !== stableJson(entry.flow),
        };
      })
      .sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : a.name.localeCompare(b.name)));
  }

  async get(id: string): Promise<StoredFlow | null> {
    const entry = this.entry(id);
    return entry ? storedOf(entry) : null;
  }

  async create(flow: FlowDocument, by: string | null, tests: FlowTestCase[] = []): Promise<StoredFlow> {
    if (this.entry(flow.id)) throw new FlowIdTakenError(flow.id);
    const at = this.iso();
    const stored: StoredFlow = {
      flow: structuredClone(flow),
      tests: structuredClone(tests),
      revision: 1,
      createdAt: at,
      updatedAt: at,
      updatedBy: by,
    };
    this.db.data.flows[flow.id] = { ...stored, live: null };
    this.db.data.versions[flow.id] = [];
    await this.db.write();
    return structuredClone(stored);
  }

  async save(flow: FlowDocument, expectedRevision: number, by: string | null): Promise<SaveResult> {
    const entry = this.entry(flow.id);
    if (!entry) return { ok: false, reason: 'notFound' };
    if (entry.revision !== expectedRevision) return { ok: false, reason: 'conflict', current: storedOf(entry) };
    // The spread keeps the tests: the editor's save carries only the document.
    const next = { ...entry, flow: structuredClone(flow), revision: entry.revision + 1, updatedAt: this.iso(), updatedBy: by };
    this.db.data.flows[flow.id] = next;
    await this.db.write();
    return { ok: true, stored: storedOf(next) };
  }

  async setTests(id: string, tests: FlowTestCase[]): Promise<FlowTestCase[] | null> {
    const entry = this.entry(id);
    if (!entry) return null;
    entry.tests = structuredClone(tests);
    await this.db.write();
    return structuredClone(tests);
  }

  async delete(id: string): Promise<boolean> {
    if (!this.entry(id)) return false;
    delete this.db.data.flows[id];
    delete this.db.data.versions[id];
    await this.db.write();
    return true;
  }

  async publish(
    id: string,
    input: { note: string; by: string | null; flow?: FlowDocument; overrideNote?: string },
  ): Promise<FlowVersion> {
    const entry = this.entry(id);
    if (!entry) throw new Error(`Flow ${id} not found`);
    const versions = this.versionsOf(id) ?? (this.db.data.versions[id] = []);
    const number = versions.reduce((max, v) => Math.max(max, v.number), 0) + 1;
    const version: FlowVersion = {
      flowId: id,
      number,
      flow: structuredClone(input.flow ?? entry.flow),
      note: input.note,
      publishedAt: this.iso(),
      publishedBy: input.by,
      ...(input.overrideNote !== undefined ? { overrideNote: input.overrideNote } : {}),
    };
    versions.push(version);
    entry.live = number;
    await this.db.write();
    return structuredClone(version);
  }

  async listVersions(id: string): Promise<FlowVersion[]> {
    return structuredClone([...(this.versionsOf(id) ?? [])].sort((a, b) => b.number - a.number));
  }

  async getVersion(id: string, n: number): Promise<FlowVersion | null> {
    const version = this.versionsOf(id)?.find((v) => v.number === n);
    return version ? structuredClone(version) : null;
  }

  async getLive(id: string): Promise<FlowVersion | null> {
    const entry = this.entry(id);
    const live = entry ? this.liveVersion(id, entry.live) : null;
    return live ? structuredClone(live) : null;
  }

  async setLive(id: string, n: number | null): Promise<void> {
    const entry = this.entry(id);
    if (!entry) throw new Error(`Flow ${id} not found`);
    if (n !== null && !this.versionsOf(id)?.some((v) => v.number === n)) {
      throw new Error(`Flow ${id} has no version ${n}`);
    }
    entry.live = n;
    await this.db.write();
  }

  private liveVersion(id: string, live: number | null): FlowVersion | null {
    if (live === null) return null;
    return this.versionsOf(id)?.find((v) => v.number === live) ?? null;
  }
}
