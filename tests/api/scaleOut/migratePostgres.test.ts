import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, runPostgresTests, type TestDatabase } from '../../support/postgres';
import { startTestServer, ADMIN, type TestServer } from '../chat/support/testServer';
import { openSocket, wsUrl, type RecordingSocket } from '../chat/support/wsClient';
import { orderCase } from '../support/flowTestCases';
import { migrateToPostgres, TargetConflictError, TargetNotEmptyError, type MigrateResult } from '../../../api/src/migrate/migrateToPostgres';
import { openPostgres } from '../../../api/src/storage/postgres/database';
import { parseSecretKey } from '../../../api/src/secrets/secretKey';

const SECRET_VALUE = 'sk-live-migrated-9f2c';
const repoRoot = path.resolve(import.meta.dirname, '../../..');

interface Transcript {
  conversation: unknown;
  messages: unknown[];
}

// An embedded installation built through the real server, copied into PostgreSQL, then served
// from PostgreSQL by a server with no DATA_DIR data at all.
describe.skipIf(!runPostgresTests)('npm run migrate:postgres', () => {
  let dataDir: string;
  let sourceKeyText: string;
  const databases: TestDatabase[] = [];
  const sockets: RecordingSocket[] = [];
  const sessionIds: string[] = [];
  const transcripts = new Map<string, Transcript>();
  let flowsBefore: unknown;
  let versionsBefore: unknown;
  let analyticsBefore: { uniqueVisitors: number };

  async function database(): Promise<TestDatabase> {
    const db = await createTestDatabase('sb_migrate');
    databases.push(db);
    return db;
  }

  async function chatUntilHandoff(s: TestServer, agentCookie: string, agentCsrf: string) {
    const chat = (await s.http.post('/api/chat/flow-chat/sessions').expect(201)).body as { sessionId: string; sessionToken: string };
    const ws = await openSocket(wsUrl(s.url, `/api/chat/sessions/${chat.sessionId}/ws?token=${chat.sessionToken}`));
    sockets.push(ws);
    await ws.waitFor((f) => f.type === 'status');
    ws.send({ type: 'message', optionId: 'human' });
    await ws.waitFor((f) => f.type === 'status' && f.status !== 'waiting');
    const agent = (method: 'post' | 'put', p: string, body?: object) => s.http[method](p).set('Cookie', agentCookie).set('X-CSRF-Token', agentCsrf).send(body);
    await agent('post', `/api/inbox/${chat.sessionId}/claim`).expect(200);
    await agent('post', `/api/inbox/${chat.sessionId}/messages`, { text: 'Hello, Anna here' }).expect(201);
    await ws.waitFor((f) => f.type === 'message' && (f.message as { from: string }).from === 'agent');
    ws.send({ type: 'message', text: 'My card is blocked' });
    return chat.sessionId;
  }

  // Both orders come from the same widget visitor: one unique visitor, which must survive the copy.
  async function chatAnOrder(s: TestServer) {
    const chat = (await s.http.post('/api/chat/flow-chat/sessions').send({ visitorId: 'migrated-visitor-0001' }).expect(201)).body as {
      sessionId: string;
      sessionToken: string;
    };
    const ws = await openSocket(wsUrl(s.url, `/api/chat/sessions/${chat.sessionId}/ws?token=${chat.sessionToken}`));
    sockets.push(ws);
    await ws.waitFor((f) => f.type === 'status');
    ws.send({ type: 'message', optionId: 'order' });
    await ws.waitFor((f) => f.type === 'message' && (f.message as { text?: string }).text === 'Your order number?');
    ws.send({ type: 'message', text: 'A-17' });
    await ws.waitFor((f) => f.type === 'message' && /A-17/.test((f.message as { text?: string }).text ?? ''));
    return chat.sessionId;
  }

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'sb-migrate-'));
    const s = await startTestServer({ dataDir });
    try {
      await s.publish();
      await s.running.deps.stores.flows.setTests('flow-chat', [orderCase()]);
      const admin = await s.signIn('admin', ADMIN.email);
      const asAdmin = (method: 'put' | 'post', p: string, body: object) => s.http[method](p).set('Cookie', admin.cookie).set('X-CSRF-Token', admin.csrf).send(body);
      await asAdmin('put', '/api/secrets/SHOP_API_KEY', { value: SECRET_VALUE, hosts: ['api.shop.example'] }).expect(201);
      await s.running.deps.stores.knowledge.create({ title: 'Returns', url: null, kind: 'text', fileName: null, text: 'Returns within 30 days.' }, null);
      const agent = await s.signIn('agent', 'anna@example.com', 'Anna');
      await s.http.put('/api/inbox/availability').set('Cookie', agent.cookie).set('X-CSRF-Token', agent.csrf).send({ status: 'online' }).expect(200);
      sessionIds.push(await chatUntilHandoff(s, agent.cookie, agent.csrf));
      sessionIds.push(await chatAnOrder(s));
      sessionIds.push(await chatAnOrder(s));
      for (const ws of sockets) ws.close();
      // Let the last turns settle before reading what the source holds.
      await new Promise((r) => setTimeout(r, 200));
      for (const id of sessionIds) {
        transcripts.set(id, (await s.http.get(`/api/conversations/${id}`).set('Cookie', admin.cookie).expect(200)).body as Transcript);
      }
      flowsBefore = (await s.http.get('/api/flows').set('Cookie', admin.cookie).expect(200)).body;
      versionsBefore = (await s.http.get('/api/flows/flow-chat/versions').set('Cookie', admin.cookie).expect(200)).body;
      analyticsBefore = (await s.http.get('/api/flows/flow-chat/analytics').set('Cookie', admin.cookie).expect(200)).body.figures;
      expect(analyticsBefore.uniqueVisitors).toBe(1);
    } finally {
      await s.stop({ keepData: true });
    }
    sourceKeyText = readFileSync(path.join(dataDir, 'secret.key'), 'utf8').trim();
  }, 60_000);

  afterAll(async () => {
    for (const db of databases) await db.drop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  /** Every file under DATA_DIR with a hash of its bytes. */
  const snapshot = () =>
    new Map(
      readdirSync(dataDir, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => {
          const file = path.join(e.parentPath, e.name);
          return [path.relative(dataDir, file), createHash('sha256').update(readFileSync(file)).digest('hex')];
        }),
    );

  const expectSameCounts = (result: MigrateResult) => {
    expect(result.same).toBe(true);
    const count = (kind: string) => result.counts.find((c) => c.kind === kind)!;
    for (const c of result.counts) expect(c.target, c.kind).toBe(c.source);
    expect(count('conversations').source).toBe(3);
    expect(count('messages').source).toBeGreaterThan(10);
    expect(count('events').source).toBeGreaterThan(3);
    expect(count('secrets').source).toBe(1);
    expect(count('accounts').source).toBe(2);
    // The seeded samples bring their own tests; the one added above is among them.
    expect(count('flow tests').source).toBeGreaterThan(1);
    expect(count('knowledge sources').source).toBe(1);
    expect(count('audit entries').source).toBeGreaterThan(0);
    expect(count('versions').source).toBeGreaterThan(0);
  };

  it('copies everything with the same key, and a server on PostgreSQL serves it as before', async () => {
    const db = await database();
    const before = snapshot();
    const result = await migrateToPostgres({ dataDir, databaseUrl: db.url, targetKey: parseSecretKey(sourceKeyText)! });
    expectSameCounts(result);
    expect(result.reencrypted).toBe(false);
    // The source is only read: no file under DATA_DIR was added, changed or removed.
    expect(snapshot()).toEqual(before);

    const emptyDir = mkdtempSync(path.join(tmpdir(), 'sb-migrate-pg-'));
    const s = await startTestServer({ dataDir: emptyDir, env: { DATABASE_URL: db.url, SWITCHBOARD_SECRET_KEY: sourceKeyText } });
    try {
      // The same password: the account (and its hash) came across; no new admin was made.
      const admin = await s.signIn('admin', ADMIN.email);
      expect((await s.http.get('/api/flows').set('Cookie', admin.cookie).expect(200)).body).toEqual(flowsBefore);
      expect((await s.http.get('/api/flows/flow-chat/versions').set('Cookie', admin.cookie).expect(200)).body).toEqual(versionsBefore);
      const analytics = (await s.http.get('/api/flows/flow-chat/analytics').set('Cookie', admin.cookie).expect(200)).body.figures;
      expect(analytics.uniqueVisitors).toBe(analyticsBefore.uniqueVisitors);
      for (const [id, before] of transcripts) {
        expect((await s.http.get(`/api/conversations/${id}`).set('Cookie', admin.cookie).expect(200)).body).toEqual(before);
      }
      expect(await s.running.deps.secrets!.resolveSecrets('Bearer {{secret.SHOP_API_KEY}}')).toBe(`Bearer ${SECRET_VALUE}`);
      expect(await s.running.deps.stores.knowledge.getText((await s.running.deps.stores.knowledge.list())[0]!.id)).toBe('Returns within 30 days.');
      // New conversations get fresh ids: the identities continue past the copied ones.
      const next = (await s.http.post('/api/chat/flow-chat/sessions').expect(201)).body as { sessionId: string };
      expect(sessionIds).not.toContain(next.sessionId);
    } finally {
      await s.stop();
      rmSync(emptyDir, { recursive: true, force: true });
    }
  }, 60_000);

  it('refuses a non-empty target; with --force twice the target holds the same', async () => {
    const db = await database();
    const targetKey = parseSecretKey(sourceKeyText)!;
    expectSameCounts(await migrateToPostgres({ dataDir, databaseUrl: db.url, targetKey }));
    await expect(migrateToPostgres({ dataDir, databaseUrl: db.url, targetKey })).rejects.toBeInstanceOf(TargetNotEmptyError);
    const first = await migrateToPostgres({ dataDir, databaseUrl: db.url, targetKey, force: true });
    const second = await migrateToPostgres({ dataDir, databaseUrl: db.url, targetKey, force: true });
    expectSameCounts(first);
    expectSameCounts(second);
    expect(second.counts).toEqual(first.counts);
  }, 60_000);

  it('with --force, an account of the target with a copied email under another id stops the copy before anything is written', async () => {
    const db = await database();
    const targetKey = parseSecretKey(sourceKeyText)!;
    await migrateToPostgres({ dataDir, databaseUrl: db.url, targetKey });
    const pool = openPostgres(db.url);
    try {
      // As if a server had started on the target first and made its own admin.
      await pool.updateTable('users').set({ id: 'admin-made-by-the-target' }).where('email', '=', ADMIN.email).execute();
      await pool.deleteFrom('conversations').execute();
      await expect(migrateToPostgres({ dataDir, databaseUrl: db.url, targetKey, force: true })).rejects.toBeInstanceOf(TargetConflictError);
      // One transaction: the conversations deleted above were not copied back either.
      expect(await pool.selectFrom('conversations').select('id').execute()).toEqual([]);
    } finally {
      await pool.destroy();
    }
  }, 60_000);

  it('re-encrypts the secrets when the target key differs', async () => {
    const db = await database();
    const newKey = randomBytes(32).toString('base64');
    const result = await migrateToPostgres({ dataDir, databaseUrl: db.url, targetKey: parseSecretKey(newKey)! });
    expectSameCounts(result);
    expect(result.reencrypted).toBe(true);
    const emptyDir = mkdtempSync(path.join(tmpdir(), 'sb-migrate-pg-'));
    const s = await startTestServer({ dataDir: emptyDir, env: { DATABASE_URL: db.url, SWITCHBOARD_SECRET_KEY: newKey } });
    try {
      expect(await s.running.deps.secrets!.resolveSecrets('{{secret.SHOP_API_KEY}}')).toBe(SECRET_VALUE);
    } finally {
      await s.stop();
      rmSync(emptyDir, { recursive: true, force: true });
    }
  }, 60_000);

  // A child process: the DATA_DIR lock lets its own process (pid reuse in containers) through.
  const runCommand = (databaseUrl: string) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'api/scripts/migrate-postgres.ts', '--data-dir', dataDir, '--database-url', databaseUrl], {
      cwd: repoRoot,
      env: { ...process.env, SWITCHBOARD_SECRET_KEY: sourceKeyText, DATABASE_URL: '' },
      encoding: 'utf8',
    });

  it('the command refuses (exit 2) while a server runs on DATA_DIR', async () => {
    const db = await database();
    const s = await startTestServer({ dataDir });
    try {
      const refused = runCommand(db.url);
      expect(refused.status).toBe(2);
      expect(refused.stderr).toContain('already in use by another Switchboard process');
    } finally {
      await s.stop({ keepData: true });
    }
  }, 60_000);

  it('the command prints the counts, exits 0, and exits 2 on a non-empty target', async () => {
    const db = await database();
    const run = () => runCommand(db.url);
    const first = run();
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/^conversations\s+3\s+3$/m);
    expect(first.stdout).not.toContain(SECRET_VALUE);
    const again = run();
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('not empty');
  }, 60_000);
});
