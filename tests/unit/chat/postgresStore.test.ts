import { describe, expect, it } from 'vitest';
import pg from 'pg';
import { PostgresConversationStore } from '../../../api/src/storage/postgres/postgresConversationStore';
import { createTestDatabase, runPostgresTests } from '../../support/postgres';

// The store's behaviour is checked on every back end in conversationStore.test.ts; this is PostgreSQL's own.
describe.skipIf(!runPostgresTests)('PostgresConversationStore', () => {
  it('migrates once when several instances start on a fresh database at the same moment', async () => {
    const database = await createTestDatabase('sb_conv');
    const stores = Array.from({ length: 4 }, () => PostgresConversationStore.open(database.url, { maxConnections: 2 }));
    try {
      await Promise.all(stores.map((s) => s.whenReady()));
      // Every instance can serve at once.
      expect(await Promise.all(stores.map((s) => s.countOnlineAgents()))).toEqual([0, 0, 0, 0]);
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      try {
        const applied = await client.query<{ name: string }>(`SELECT name FROM kysely_migration WHERE name LIKE '1%' ORDER BY name`);
        expect(applied.rows.map((r) => r.name)).toEqual(['1001_conversations', '1002_review_marks', '1003_reply_times', '1004_visitor_ids']);
        const indexes = await client.query<{ indexname: string }>(`SELECT indexname FROM pg_indexes WHERE tablename IN ('conversations', 'events') ORDER BY 1`);
        expect(indexes.rows.map((r) => r.indexname)).toEqual(
          expect.arrayContaining(['conversations_created', 'conversations_flow', 'conversations_handoff', 'events_flow_name', 'events_session']),
        );
      } finally {
        await client.end();
      }
    } finally {
      for (const s of stores) await s.close();
      await database.drop();
    }
  });

  it('reads the online agents with the conversation, so a turn asks once', async () => {
    const database = await createTestDatabase('sb_conv');
    const store = PostgresConversationStore.open(database.url, { maxConnections: 2 });
    try {
      await store.create(
        { id: 's1', flowId: 'f', flowVersion: 1, tokenHash: Buffer.alloc(32, 1), session: { id: 's1', flowId: 'f', flowVersion: 1, status: 'waiting', nodeId: 'n', variables: {}, retries: {}, turn: 1, startedAt: 0, lastActivityAt: 0 }, handoff: null, origin: null, at: 1 },
        [],
        [],
      );
      await store.setAvailability({ id: 'a', name: 'Ann' }, 'online', 1);
      const record = (await store.get('s1'))!;
      await store.setAvailability({ id: 'a', name: 'Ann' }, 'away', 2);
      expect(await store.countOnlineAgents(record)).toBe(1);
      expect(await store.countOnlineAgents()).toBe(0);
      expect(await store.countOnlineAgents({ ...record })).toBe(0);
    } finally {
      await store.close();
      await database.drop();
    }
  });

  it('reports a failed migration to whoever waits for the store, and still closes', async () => {
    const store = PostgresConversationStore.open('postgres://postgres@127.0.0.1:1/nowhere', { maxConnections: 1 });
    await expect(store.whenReady()).rejects.toThrow(/migration/i);
    await expect(store.get('x')).rejects.toThrow();
    await store.close();
  });
});
