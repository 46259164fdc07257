import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { openConversationDatabase } from '../../../api/src/storage/sqlite/openDatabase';
import { AnalyticsUnavailableError, SqliteReadWorker, type ReadWorkerOptions } from '../../../api/src/storage/sqlite/readWorker';
import { SqliteConversationStore } from '../../../api/src/storage/sqlite/sqliteConversationStore';
import { ANALYTICS_BUCKET_MS } from '../../../runtime/src/chat/analyticsFacts';

const dirs: string[] = [];
const closers: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const STATEMENTS = {
  count: { sql: 'SELECT COUNT(*) FROM filler', pluck: true, get: true },
  // A query that keeps SQLite busy for a while (hundreds of ms or more): millions of rows counted.
  slow: { sql: 'WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 5000000) SELECT COUNT(*) FROM c', pluck: true, get: true },
  // Far longer than any timeout below.
  slower: { sql: 'WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 100000000) SELECT COUNT(*) FROM c', pluck: true, get: true },
  write: { sql: 'INSERT INTO filler (n) VALUES (1) RETURNING n' },
};

function openFresh(options: ReadWorkerOptions = {}): { db: Database.Database; reads: SqliteReadWorker } {
  const dir = mkdtempSync(path.join(tmpdir(), 'sb-reads-'));
  dirs.push(dir);
  const db = openConversationDatabase(path.join(dir, 'conversations.sqlite'));
  db.exec('CREATE TABLE filler (n INTEGER)');
  const reads = new SqliteReadWorker(db.name, STATEMENTS, options);
  closers.push(() => {
    if (db.open) db.close();
  });
  closers.push(() => reads.close());
  return { db, reads };
}

const count = (reads: SqliteReadWorker) => reads.run([{ statement: 'count', params: [] }]).then(([n]) => n);

describe('the SQLite read worker', () => {
  it('reads what the main connection committed, while it writes', async () => {
    const { db, reads } = openFresh();
    expect(await count(reads)).toBe(0);
    const insert = db.prepare('INSERT INTO filler (n) VALUES (?)');
    db.transaction(() => {
      for (let i = 0; i < 10; i++) insert.run(i);
    })();
    expect(await count(reads)).toBe(10);
  });

  it('never writes: its connection is read-only', async () => {
    const { reads } = openFresh();
    await expect(reads.run([{ statement: 'write', params: [] }])).rejects.toThrow(/readonly/);
    // The worker carries on.
    expect(await count(reads)).toBe(0);
  });

  it('leaves the main thread free while a slow read runs: timers fire and the main connection commits', async () => {
    const { db, reads } = openFresh();
    await count(reads); // the worker is up
    const order: string[] = [];
    const slow = reads.run([{ statement: 'slow', params: [] }]).then(([n]) => {
      order.push('slow read done');
      return n;
    });
    await new Promise((resolve) => setImmediate(resolve));
    order.push('setImmediate ran');
    db.prepare('INSERT INTO filler (n) VALUES (1)').run();
    order.push('main connection committed');
    expect(await slow).toBe(5_000_000);
    expect(order).toEqual(['setImmediate ran', 'main connection committed', 'slow read done']);
    expect(await count(reads)).toBe(1);
  });

  it('refuses a request with 503 when the queue is full, and serves the ones queued', async () => {
    const { reads } = openFresh({ queueLimit: 1, slowdownMs: 300 });
    const first = count(reads);
    const second = count(reads);
    const refused = await count(reads).catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(AnalyticsUnavailableError);
    expect(refused).toMatchObject({ status: 503, code: 'busy' });
    expect(await first).toBe(0);
    expect(await second).toBe(0);
  });

  it('fails a request that runs too long with 503, ends that worker and serves the next on a new one', async () => {
    const { reads } = openFresh({ timeoutMs: 300 });
    const timedOut = await reads.run([{ statement: 'slower', params: [] }]).catch((err: unknown) => err);
    expect(timedOut).toMatchObject({ status: 503, code: 'analytics_timeout' });
    expect(await count(reads)).toBe(0);
  });

  it('fails the running request with 503 when its worker dies, and starts another', async () => {
    const { reads } = openFresh({ slowdownMs: 500 });
    const running = count(reads);
    // As a crash would: the worker thread goes away mid-request.
    await new Promise((resolve) => setTimeout(resolve, 50));
    await (reads as unknown as { worker: { terminate(): Promise<number> } }).worker.terminate();
    await expect(running).rejects.toMatchObject({ status: 503, code: 'analytics_unavailable' });
    expect(await count(reads)).toBe(0);
  });

  it('fails each request with 503 when the worker cannot open the database, without looping', async () => {
    const reads = new SqliteReadWorker(path.join(tmpdir(), 'sb-no-such-dir', 'missing.sqlite'), STATEMENTS);
    closers.push(() => reads.close());
    const results = await Promise.allSettled([count(reads), count(reads)]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect((results[0] as PromiseRejectedResult).reason).toMatchObject({ status: 503, code: 'analytics_unavailable' });
  });
});

describe('the SQLite store reads analytics in its worker', () => {
  it('a chat turn commits while an analytics read is held up in the worker', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sb-reads-store-'));
    dirs.push(dir);
    const store = SqliteConversationStore.open(path.join(dir, 'conversations.sqlite'), { analyticsReads: { slowdownMs: 400 } });
    closers.push(() => store.close());
    const at = 10 * ANALYTICS_BUCKET_MS;
    const session = (turn: number) => ({
      id: 's1', flowId: 'f', flowVersion: 1, status: 'waiting' as const, nodeId: 'menu', variables: {}, retries: {}, turn, startedAt: at, lastActivityAt: at,
    });
    await store.create({ id: 's1', flowId: 'f', flowVersion: 1, tokenHash: Buffer.alloc(32, 1), session: session(1), handoff: null, origin: null, at }, [], []);
    const order: string[] = [];
    const query = { flowId: 'f', from: at, to: at + ANALYTICS_BUCKET_MS, activeSince: 0 };
    const facts = store.analyticsFacts(query).then((f) => {
      order.push('analytics read');
      return f;
    });
    await new Promise((resolve) => setImmediate(resolve));
    order.push('setImmediate ran');
    const turn = await store.commitTurn({
      sessionId: 's1', expectedTurn: 1, session: session(2), at: at + 1000,
      messages: [{ from: 'customer', kind: 'text', text: 'hi', at: at + 1000 }], events: [],
    });
    expect(turn.ok).toBe(true);
    order.push('turn committed');
    expect((await facts).buckets.map((b) => b.started)).toEqual([1]);
    expect(order).toEqual(['setImmediate ran', 'turn committed', 'analytics read']);
    // Read after the turn committed: the worker sees it.
    expect((await store.analyticsFacts(query)).buckets[0]!.customerMessages).toBe(1);
  });
});
