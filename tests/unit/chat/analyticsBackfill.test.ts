import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate } from '../../../api/src/storage/sqlite/migrations';
import { openConversationDatabase } from '../../../api/src/storage/sqlite/openDatabase';
import { SqliteConversationStore } from '../../../api/src/storage/sqlite/sqliteConversationStore';
import { history, MIN, session, T0 } from './support/analyticsHistory';

/** Copies the rows of a newer database into `old`, in the columns the old schema has. */
function copyRows(old: Database.Database, file: string) {
  old.exec(`ATTACH '${file}' AS live`);
  for (const table of ['conversations', 'messages', 'events']) {
    const columns = (old.prepare(`SELECT name FROM pragma_table_info('${table}')`).pluck().all() as string[]).join(', ');
    old.exec(`INSERT INTO main.${table} (${columns}) SELECT ${columns} FROM live.${table}`);
  }
  old.exec('DETACH live');
}

// Migration 5 replays existing rows through the same rules the triggers apply to new ones: a
// database written before it must read exactly like one written after it.
describe('SQLite analytics rollups on an existing database', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'sb-rollups-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('backfills from the conversations, messages and events already there', async () => {
    const live = new SqliteConversationStore(openConversationDatabase(path.join(dir, 'live.sqlite')));
    await history(live);
    await live.eraseConversations(['D']);

    // The same rows, copied into a database that stopped at migration 5 (before the rollups), then migrated.
    const old = new Database(path.join(dir, 'old.sqlite'));
    migrate(old, 5);
    expect(old.prepare(`SELECT COUNT(*) FROM sqlite_master WHERE name = 'conversation_stats'`).pluck().get()).toBe(0);
    copyRows(old, path.join(dir, 'live.sqlite'));
    migrate(old);
    const migrated = new SqliteConversationStore(old);

    const window = { flowId: 'f', from: T0, to: T0 + 60 * MIN, activeSince: T0 + 40 * MIN };
    const facts = await migrated.analyticsFacts(window);
    expect(facts.buckets.map((b) => b.started)).toEqual([2, 1]);
    // Reply times are not in any row written before they were recorded (migration 7), so none come back.
    expect(facts.replyMs).toEqual([]);
    expect(facts).toEqual({ ...(await live.analyticsFacts(window)), replyMs: [] });
    expect(await migrated.analyticsPaths(window)).toEqual(await live.analyticsPaths(window));
    await live.close();
    await migrated.close();
  });

  it('backfills the answer-from-knowledge counters from events written before migration 8', async () => {
    const live = new SqliteConversationStore(openConversationDatabase(path.join(dir, 'live.sqlite')));
    await history(live);
    const old = new Database(path.join(dir, 'old.sqlite'));
    migrate(old, 7);
    copyRows(old, path.join(dir, 'live.sqlite'));
    // Before migration 8 the counters do not exist; the rows copied in went through 6's triggers only.
    expect(old.prepare(`SELECT COUNT(*) FROM pragma_table_info('conversation_stats') WHERE name = 'knowledge_answered'`).pluck().get()).toBe(0);
    migrate(old);
    const migrated = new SqliteConversationStore(old);
    const window = { flowId: 'f', from: T0, to: T0 + 60 * MIN, activeSince: T0 + 40 * MIN };
    const facts = await migrated.analyticsFacts(window);
    expect(facts.buckets[0]!.knowledge).toEqual({ answered: 1, noAnswer: 1, failed: 0, yes: 1, no: 0 });
    expect(facts.buckets).toEqual((await live.analyticsFacts(window)).buckets);
    await live.close();
    await migrated.close();
  });

  it('backfills the model tie-break counters from events written before migration 10', async () => {
    const live = new SqliteConversationStore(openConversationDatabase(path.join(dir, 'live.sqlite')));
    await history(live);
    const old = new Database(path.join(dir, 'old.sqlite'));
    migrate(old, 9);
    copyRows(old, path.join(dir, 'live.sqlite'));
    expect(old.prepare(`SELECT COUNT(*) FROM pragma_table_info('conversation_stats') WHERE name = 'tiebreak_picked'`).pluck().get()).toBe(0);
    migrate(old);
    const migrated = new SqliteConversationStore(old);
    const window = { flowId: 'f', from: T0, to: T0 + 60 * MIN, activeSince: T0 + 40 * MIN };
    const facts = await migrated.analyticsFacts(window);
    expect(facts.buckets[0]!.tieBreaks).toEqual({ picked: 1, none: 0, failed: 1, agreed: 1 });
    expect(facts.buckets).toEqual((await live.analyticsFacts(window)).buckets);
    await live.close();
    await migrated.close();
  });

  it('adds visitor ids after migration 9: rows before have none, conversations after are counted once per visitor', async () => {
    const live = new SqliteConversationStore(openConversationDatabase(path.join(dir, 'live.sqlite')));
    await history(live);
    await live.close();
    const old = new Database(path.join(dir, 'old.sqlite'));
    migrate(old, 8);
    copyRows(old, path.join(dir, 'live.sqlite'));
    migrate(old);
    const store = new SqliteConversationStore(old);
    const window = { flowId: 'f', from: T0, to: T0 + 60 * MIN, activeSince: T0 + 40 * MIN };
    expect((await store.analyticsFacts(window)).uniqueVisitors).toBe(0);
    const start = (id: string, visitorId: string | null) =>
      store.create(
        { id, flowId: 'f', flowVersion: 1, tokenHash: Buffer.alloc(32, 1), session: session(id, 1), handoff: null, origin: null, visitorId, at: T0 + 50 * MIN },
        [],
        [],
      );
    await start('V1', 'visitor-0000000001');
    await start('V2', 'visitor-0000000001');
    await start('V3', 'visitor-0000000002');
    await start('V4', null);
    expect((await store.analyticsFacts(window)).uniqueVisitors).toBe(2);
    await store.eraseConversations(['V3']);
    expect((await store.analyticsFacts(window)).uniqueVisitors).toBe(1);
    await store.close();
  });
});
