import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../api/src/config';
import { scryptHasher } from '../../../api/src/auth/password';
import { startServer } from '../../../api/src/server';
import { PostgresConversationStore } from '../../../api/src/storage/postgres/postgresConversationStore';
import { createTestDatabase, runPostgresTests, TEST_SECRET_KEY } from '../../support/postgres';

describe.runIf(runPostgresTests)('the chat on PostgreSQL', () => {
  it('keeps conversations in the database through the same pool as the other stores', async () => {
    const database = await createTestDatabase('sb_chatpool');
    const dataDir = mkdtempSync(path.join(tmpdir(), 'sb-pg-chat-'));
    const config = loadConfig({ DATABASE_URL: database.url, SWITCHBOARD_SECRET_KEY: TEST_SECRET_KEY, DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent' });
    const running = await startServer(config, { passwords: scryptHasher({ N: 1024, r: 8, p: 1 }), print: () => {}, editorDist: null });
    const admin = new pg.Client({ connectionString: database.url });
    await admin.connect();
    try {
      expect(running.deps.chat?.store).toBeInstanceOf(PostgresConversationStore);
      const http = request(`http://127.0.0.1:${running.port}`);
      const flowId = (await running.deps.stores.flows.list())[0]!.id;
      const started = await http.post(`/api/chat/${flowId}/sessions`).expect(201);
      const stored = await admin.query<{ n: number }>('SELECT COUNT(*)::int AS n FROM messages WHERE session_id = $1', [started.body.sessionId]);
      expect(stored.rows[0]!.n).toBe(started.body.messages.length);
      // One pool for the instance (10 connections): a burst of chats and flow reads stays within it.
      await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 2 ? http.post(`/api/chat/${flowId}/sessions`).expect(201) : running.deps.stores.flows.list())));
      const backends = await admin.query<{ n: number }>(
        'SELECT COUNT(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
        [database.name],
      );
      expect(backends.rows[0]!.n).toBeLessThanOrEqual(10);
    } finally {
      await admin.end();
      await running.close();
      rmSync(dataDir, { recursive: true, force: true });
      await database.drop();
    }
  }, 60_000);
});
