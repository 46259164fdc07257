import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { SqliteConversationStore } from '../../../api/src/storage/sqlite/sqliteConversationStore';
import type { Session } from '../../../runtime/src/engine/types';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function tempFile(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'sb-store-'));
  dirs.push(dir);
  return path.join(dir, 'c.sqlite');
}

const session = (turn: number): Session => ({
  id: 's1',
  flowId: 'f',
  flowVersion: 1,
  status: 'waiting',
  nodeId: 'menu',
  variables: { a: 1 },
  retries: {},
  turn,
  startedAt: 0,
  lastActivityAt: 0,
});

async function seeded(file: string) {
  const store = SqliteConversationStore.open(file);
  await store.create(
    { id: 's1', flowId: 'f', flowVersion: 1, tokenHash: Buffer.alloc(32, 1), session: session(1), handoff: null, origin: null, at: 10 },
    [{ from: 'bot', kind: 'text', text: 'hi', at: 10 }],
    [{ flowId: 'f', flowVersion: 1, sessionId: 's1', name: 'sessionStarted', nodeId: null, data: null, at: 10 }],
  );
  return store;
}

describe('SqliteConversationStore', () => {
  it('uses WAL and records each migration once across reopenings', async () => {
    const file = tempFile();
    (await seeded(file)).close();
    const again = SqliteConversationStore.open(file);
    await again.close();
    const db = new Database(file, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.prepare('SELECT version FROM schema_migrations').all()).toEqual([{ version: 1 }, { version: 2 }, { version: 3 }, { version: 4 }]);
    // Migration 4: analytics reads a flow's events by name from a date on.
    expect(db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'events'").pluck().all()).toContain('events_flow_name');
    // Migration 3: the aggregates that outlive deleted conversations.
    expect(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'daily_counts'").pluck().get()).toBe('daily_counts');
    // Migration 2: history search pages through conversations by start time.
    const indexes = db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'conversations'").pluck().all();
    expect(indexes).toContain('conversations_created');
    db.close();
  });

  it('applies a turn only on the turn it was read at', async () => {
    const store = await seeded(tempFile());
    const ok = await store.commitTurn({ sessionId: 's1', expectedTurn: 1, session: session(2), messages: [{ from: 'customer', kind: 'text', text: 'x', at: 11 }], events: [], at: 11 });
    expect(ok).toEqual({ ok: true, messages: [{ id: 2, from: 'customer', kind: 'text', text: 'x', at: 11 }] });
    const stale = await store.commitTurn({ sessionId: 's1', expectedTurn: 1, session: session(2), messages: [], events: [], at: 12 });
    expect(stale).toEqual({ ok: false, reason: 'conflict' });
    expect(await store.commitTurn({ sessionId: 'zz', expectedTurn: 1, session: session(2), messages: [], events: [], at: 12 })).toEqual({ ok: false, reason: 'notFound' });
    expect((await store.get('s1'))?.session.turn).toBe(2);
    await store.close();
  });

  it('numbers messages from turns and appends in one sequence', async () => {
    const store = await seeded(tempFile());
    await store.appendMessages('s1', [{ from: 'agent', kind: 'text', text: 'a', agentName: 'Anna', at: 12 }], 12);
    await store.commitTurn({ sessionId: 's1', expectedTurn: 1, session: session(2), messages: [{ from: 'bot', kind: 'links', links: [{ label: 'x', url: 'https://x' }], at: 13 }], events: [], at: 13 });
    const all = await store.listMessages('s1', 0);
    expect(all.map((m) => m.id)).toEqual([1, 2, 3]);
    expect(all[1]).toEqual({ id: 2, from: 'agent', kind: 'text', text: 'a', agentName: 'Anna', at: 12 });
    expect(all[2]?.links).toEqual([{ label: 'x', url: 'https://x' }]);
    expect(await store.listMessages('s1', 2)).toHaveLength(1);
    expect(await store.appendMessages('missing', [{ from: 'agent', kind: 'text', text: 'a', at: 1 }], 1)).toBeNull();
    await store.close();
  });

  it('claims with a compare-and-set and reports who holds it', async () => {
    const store = await seeded(tempFile());
    const waiting = { status: 'waiting' as const, queue: 'q', priority: 'normal' as const, note: '', requestedAt: 20, assignedAgent: null, claimedAt: null, closedAt: null, resolution: null };
    await store.commitTurn({ sessionId: 's1', expectedTurn: 1, session: session(2), handoff: waiting, messages: [], events: [], at: 20 });
    const [a, b] = await Promise.all([store.claim('s1', { id: 'a', name: 'A' }, 21), store.claim('s1', { id: 'b', name: 'B' }, 21)]);
    expect(a.ok).toBe(true);
    expect(b).toEqual({ ok: false, reason: 'alreadyClaimed', by: { id: 'a', name: 'A' } });
    expect((await store.listHandoffs({ status: 'active' })).map((c) => c.handoff?.assignedAgent)).toEqual([{ id: 'a', name: 'A' }]);
    expect(await store.claim('none', { id: 'a', name: 'A' }, 21)).toEqual({ ok: false, reason: 'notFound' });
    await store.close();
  });

  it('counts online agents', async () => {
    const store = await seeded(tempFile());
    expect(await store.countOnlineAgents()).toBe(0);
    await store.setAvailability({ id: 'a', name: 'A' }, 'online', 1);
    await store.setAvailability({ id: 'b', name: 'B' }, 'online', 1);
    await store.setAvailability({ id: 'a', name: 'A' }, 'away', 2);
    expect(await store.countOnlineAgents()).toBe(1);
    expect(await store.getAvailability('a')).toEqual({ agentId: 'a', name: 'A', status: 'away', updatedAt: 2 });
    await store.close();
  });
});
