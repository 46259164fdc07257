import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { SqliteConversationStore } from '../../../api/src/storage/sqlite/sqliteConversationStore';
import { openConversationDatabase } from '../../../api/src/storage/sqlite/openDatabase';
import { GroupCommit } from '../../../api/src/storage/sqlite/groupCommit';
import { RowBatchInsert } from '../../../api/src/storage/sqlite/rowBatch';
import type { Session } from '../../../runtime/src/engine/types';
import type { TurnWrite } from '../../../runtime/src/chat/conversationStore';

const dirs: string[] = [];
const closers: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function tempFile(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'sb-hot-'));
  dirs.push(dir);
  return path.join(dir, 'c.sqlite');
}

const session = (id: string, turn: number, variables: Session['variables'] = {}): Session => ({
  id,
  flowId: 'f',
  flowVersion: 1,
  status: 'waiting',
  nodeId: 'menu',
  variables,
  retries: {},
  turn,
  startedAt: 0,
  lastActivityAt: 0,
});

/** A store on a connection the test can also use, as another method of the store would. */
async function storeWith(ids: string[]) {
  const file = tempFile();
  const db = openConversationDatabase(file);
  const store = new SqliteConversationStore(db);
  closers.push(() => store.close());
  for (const id of ids) {
    await store.create(
      { id, flowId: 'f', flowVersion: 1, tokenHash: Buffer.alloc(32, 1), session: session(id, 1), handoff: null, origin: null, at: 10 },
      [{ from: 'bot', kind: 'text', text: 'hi', at: 10 }],
      [],
    );
  }
  return { file, db, store };
}

function turn(id: string, expectedTurn: number, text: string, at = 20): TurnWrite {
  return {
    sessionId: id,
    expectedTurn,
    session: session(id, expectedTurn + 1, { said: text }),
    messages: [
      { from: 'customer', kind: 'text', text, at },
      { from: 'bot', kind: 'text', text: `re: ${text}`, at },
    ],
    events: [
      { flowId: 'f', flowVersion: 1, sessionId: id, name: 'inputReceived', nodeId: 'menu', data: { text }, at },
      { flowId: 'f', flowVersion: 1, sessionId: id, name: 'nodeEntered', nodeId: 'menu', data: null, at },
    ],
    at,
  };
}

/** What a fresh process would read from the file: the cache must never disagree with it. */
async function fromDisk(file: string, id: string) {
  const other = new SqliteConversationStore(new Database(file));
  try {
    return await other.get(id);
  } finally {
    await other.close();
  }
}

describe('SqliteConversationStore hot path', () => {
  it('serves the record a committed turn produced, identical to what the database holds', async () => {
    const { file, store } = await storeWith(['a']);
    await store.get('a');
    const result = await store.commitTurn(turn('a', 1, 'one'));
    expect(result.ok).toBe(true);
    const cached = await store.get('a');
    expect(cached?.session.variables).toEqual({ said: 'one' });
    expect(cached?.lastMessageId).toBe(3);
    expect(cached).toEqual(await fromDisk(file, 'a'));
  });

  it('drops a cached record when any statement on the connection changes its row', async () => {
    const { db, store } = await storeWith(['a']);
    expect((await store.get('a'))?.flowVersion).toBe(1);
    // Stands for any store method that updates conversations without knowing about the cache.
    db.prepare("UPDATE conversations SET flow_version = 7, queue = 'vip', handoff_status = 'waiting' WHERE id = 'a'").run();
    const after = await store.get('a');
    expect(after?.flowVersion).toBe(7);
    expect(after?.handoff?.queue).toBe('vip');
    db.prepare("DELETE FROM conversations WHERE id = 'a'").run();
    expect(await store.get('a')).toBeNull();
  });

  it('keeps 15,000 conversations taking turns round-robin in memory: no turn reads its row', async () => {
    const file = tempFile();
    const db = openConversationDatabase(file);
    const store = new SqliteConversationStore(db);
    closers.push(() => store.close());
    const ids = Array.from({ length: 15_000 }, (_, i) => `c${i}`);
    const insert = db.prepare(`INSERT INTO conversations (id, flow_id, flow_version, token_hash, session_json, status, turn, created_at, updated_at)
      VALUES (?, 'f', 1, x'01', ?, 'waiting', 1, 10, 10)`);
    db.transaction(() => {
      for (const id of ids) insert.run(id, JSON.stringify(session(id, 1)));
    })();
    // Every read of a row goes through the store's prepared `get`; this one also counts.
    let reads = 0;
    db.function('sb_test_read', () => ++reads);
    const stmts = (store as unknown as { stmt: { get: Database.Statement } }).stmt;
    stmts.get = db.prepare('SELECT *, sb_test_read() AS _read FROM conversations WHERE id = ?');
    for (const id of ids) await store.get(id);
    expect(reads).toBe(15_000);
    const results = await Promise.all(ids.map((id) => store.commitTurn(turn(id, 1, 'again'))));
    expect(results.every((r) => r.ok)).toBe(true);
    for (const id of ids) expect((await store.get(id))?.session.turn).toBe(2);
    expect(reads).toBe(15_000);
  });

  it('keeps the handoff a claim wrote when the next turn is cached', async () => {
    const { file, db, store } = await storeWith(['a']);
    db.prepare("UPDATE conversations SET handoff_status = 'waiting', queue = 'q', priority = 'normal', note = '', handoff_requested_at = 15 WHERE id = 'a'").run();
    await store.get('a');
    const claimed = await store.claim('a', { id: 'u1', name: 'Ann' }, 30);
    expect(claimed.ok).toBe(true);
    await store.commitTurn(turn('a', 1, 'while claimed', 40));
    const cached = await store.get('a');
    expect(cached?.handoff?.assignedAgent).toEqual({ id: 'u1', name: 'Ann' });
    expect(cached).toEqual(await fromDisk(file, 'a'));
  });

  it('commits turns of many conversations submitted together, each numbered in its own sequence', async () => {
    const ids = Array.from({ length: 20 }, (_, i) => `c${i}`);
    const { file, store } = await storeWith(ids);
    const results = await Promise.all(ids.map((id) => store.commitTurn(turn(id, 1, id))));
    expect(results.every((r) => r.ok)).toBe(true);
    for (const [i, r] of results.entries()) {
      if (!r.ok) throw new Error('not committed');
      expect(r.messages.map((m) => [m.id, m.text])).toEqual([
        [2, ids[i]],
        [3, `re: ${ids[i]}`],
      ]);
    }
    const db = new Database(file, { readonly: true });
    expect(db.prepare('SELECT COUNT(*) FROM messages').pluck().get()).toBe(20 * 3);
    expect(db.prepare('SELECT COUNT(*) FROM events').pluck().get()).toBe(20 * 2);
    expect(db.prepare("SELECT data FROM events WHERE session_id = 'c3' AND name = 'inputReceived'").pluck().get()).toBe('{"text":"c3"}');
    db.close();
  });

  it('lets exactly one of two turns read at the same point win, even within one batch', async () => {
    const { file, store } = await storeWith(['a']);
    const [first, second] = await Promise.all([store.commitTurn(turn('a', 1, 'x')), store.commitTurn(turn('a', 1, 'y'))]);
    expect([first.ok, second.ok].sort()).toEqual([false, true]);
    expect(second.ok ? 'ok' : second.reason).toBe('conflict');
    expect((await store.get('a'))?.session.variables).toEqual({ said: 'x' });
    expect((await fromDisk(file, 'a'))?.session.variables).toEqual({ said: 'x' });
    expect((await store.commitTurn(turn('missing', 1, 'z'))).ok).toBe(false);
  });

  it('commits a pending turn before the database closes', async () => {
    const { file, store } = await storeWith(['a']);
    const pending = store.commitTurn(turn('a', 1, 'late'));
    await store.close();
    expect((await pending).ok).toBe(true);
    expect((await fromDisk(file, 'a'))?.session.turn).toBe(2);
  });
});

describe('GroupCommit', () => {
  it('commits the good writes of a batch one by one when another write in it fails', async () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE t (v TEXT NOT NULL)');
    const insert = db.prepare('INSERT INTO t (v) VALUES (?)');
    const seen: string[] = [];
    const group = new GroupCommit<string | null, number>(
      db,
      (v) => Number(insert.run(v).changes),
      (v) => seen.push(String(v)),
    );
    const outcomes = await Promise.allSettled([group.submit('a'), group.submit(null), group.submit('b')]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(db.prepare('SELECT v FROM t ORDER BY rowid').pluck().all()).toEqual(['a', 'b']);
    expect(seen).toEqual(['a', 'b']);
    db.close();
  });
});

describe('RowBatchInsert', () => {
  it('inserts any number of rows, in chunks, in order', () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE t (a INTEGER, b TEXT)');
    const rows = new RowBatchInsert(db, 'INSERT INTO t (a, b)', 2, 50);
    rows.run(Array.from({ length: 123 }, (_, i) => [i, `r${i}`]));
    rows.run([]);
    const all = db.prepare('SELECT a, b FROM t ORDER BY rowid').all() as { a: number; b: string }[];
    expect(all).toHaveLength(123);
    expect(all[0]).toEqual({ a: 0, b: 'r0' });
    expect(all[122]).toEqual({ a: 122, b: 'r122' });
    db.close();
  });
});
