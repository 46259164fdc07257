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

// The store's behaviour is checked on every back end in conversationStore.test.ts; this is SQLite's own.
describe('SqliteConversationStore', () => {
  it('uses WAL and records each migration once across reopenings', async () => {
    const file = tempFile();
    (await seeded(file)).close();
    const again = SqliteConversationStore.open(file);
    await again.close();
    const db = new Database(file, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.prepare('SELECT version FROM schema_migrations').all()).toEqual([{ version: 1 }, { version: 2 }, { version: 3 }, { version: 4 }, { version: 5 }, { version: 6 }, { version: 7 }, { version: 8 }, { version: 9 }, { version: 10 }]);
    // Migration 4: analytics reads a flow's events by name from a date on.
    expect(db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'events'").pluck().all()).toContain('events_flow_name');
    // Migration 3: the aggregates that outlive deleted conversations.
    expect(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'daily_counts'").pluck().get()).toBe('daily_counts');
    // Migration 2: history search pages through conversations by start time.
    const indexes = db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'conversations'").pluck().all();
    expect(indexes).toContain('conversations_created');
    db.close();
  });
});
