import { mkdtempSync, rmSync } from 'node:fs';
import { Writable } from 'node:stream';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../api/src/config';
import { scryptHasher } from '../../../api/src/auth/password';
import { createLogger } from '../../../api/src/logger';
import { startServer, type RunningServer } from '../../../api/src/server';
import { createTestDatabase, runPostgresTests, TEST_SECRET_KEY, type TestDatabase } from '../../support/postgres';
import { runRedisTests, TEST_REDIS_URL, uniqueRedisPrefix } from '../../support/redis';
import { chatFlowDocument } from '../../unit/chat/support/chatFlow';
import { openSocket, wsUrl, type RecordingSocket } from '../chat/support/wsClient';

const ADMIN = { email: 'admin@example.com', password: 'correct-horse-battery-staple' };

interface Instance {
  running: RunningServer;
  url: string;
  http: ReturnType<typeof request>;
  dataDir: string;
  logLines: string[];
}

// The deployment the README describes: every instance on one PostgreSQL database and one Redis.
describe.runIf(runPostgresTests && runRedisTests)('two instances on PostgreSQL and Redis', () => {
  let database: TestDatabase;
  let a: Instance;
  let b: Instance;
  let prefix: string;
  const sockets: RecordingSocket[] = [];
  let admin: { cookie: string; csrf: string };

  async function start(env: Record<string, string>): Promise<Instance> {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'sb-pg-redis-'));
    const logLines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        logLines.push(String(chunk));
        done();
      },
    });
    const config = loadConfig({
      DATABASE_URL: database.url,
      SWITCHBOARD_SECRET_KEY: TEST_SECRET_KEY,
      DATA_DIR: dataDir,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      SWITCHBOARD_ADMIN_EMAIL: ADMIN.email,
      SWITCHBOARD_ADMIN_PASSWORD: ADMIN.password,
      ...env,
    });
    const running = await startServer(config, {
      logger: createLogger('info', sink),
      passwords: scryptHasher({ N: 1024, r: 8, p: 1 }),
      print: () => {},
      editorDist: null,
      chat: { retention: { enabled: false } },
    });
    const url = `http://127.0.0.1:${running.port}`;
    return { running, url, http: request(url), dataDir, logLines };
  }

  async function stop(instance: Instance | undefined): Promise<void> {
    if (!instance) return;
    await instance.running.close();
    rmSync(instance.dataDir, { recursive: true, force: true });
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    prefix = uniqueRedisPrefix();
    [a, b] = await Promise.all([start({ REDIS_URL: TEST_REDIS_URL, REDIS_PREFIX: prefix }), start({ REDIS_URL: TEST_REDIS_URL, REDIS_PREFIX: prefix })]);
    const res = await a.http.post('/api/auth/login').send(ADMIN).expect(200);
    admin = { cookie: (res.headers['set-cookie'] as unknown as string[]).map((c) => c.split(';')[0]).join('; '), csrf: res.body.csrfToken };
  }, 60_000);
  afterAll(async () => {
    for (const s of sockets) s.close();
    await stop(a);
    await stop(b);
    await database?.drop();
  });

  const as = (i: Instance) => ({
    post: (p: string, body?: object) => i.http.post(p).set('Cookie', admin.cookie).set('X-CSRF-Token', admin.csrf).send(body),
    put: (p: string, body?: object) => i.http.put(p).set('Cookie', admin.cookie).set('X-CSRF-Token', admin.csrf).send(body),
  });

  it('says both are ready (database and Redis answer) and logs no single-instance warning', async () => {
    for (const i of [a, b]) {
      const ready = await i.http.get('/readyz').expect(200);
      expect(ready.body).toEqual({ ready: true, shuttingDown: false, checks: { database: true, redis: true } });
      expect(i.logLines.join('')).not.toContain('single instance');
    }
  });

  it('relays a conversation between a customer on A and the agent (the admin) on B', async () => {
    await a.running.deps.stores.flows.create(chatFlowDocument(), null);
    await a.running.deps.stores.flows.publish('flow-chat', { note: 'test', by: null });
    await as(b).put('/api/inbox/availability', { status: 'online' }).expect(200);
    const inbox = await openSocket(wsUrl(b.url, '/api/inbox/ws'), { Cookie: admin.cookie });
    sockets.push(inbox);
    const chat = (await a.http.post('/api/chat/flow-chat/sessions').expect(201)).body as { sessionId: string; sessionToken: string };
    const customer = await openSocket(wsUrl(a.url, `/api/chat/sessions/${chat.sessionId}/ws?token=${chat.sessionToken}`));
    sockets.push(customer);
    await customer.waitFor((f) => f.type === 'status');
    customer.send({ type: 'message', optionId: 'human' });
    await inbox.waitFor((f) => f.type === 'queue' && f.sessionId === chat.sessionId && f.status === 'waiting');
    await as(b).post(`/api/inbox/${chat.sessionId}/claim`).expect(200);
    await as(b).post(`/api/inbox/${chat.sessionId}/messages`, { text: 'Hello from B' }).expect(201);
    await customer.waitFor((f) => f.type === 'message' && (f.message as { text?: string }).text === 'Hello from B');
    customer.send({ type: 'message', text: 'Hi B, from A' });
    await inbox.waitFor((f) => f.type === 'message' && (f.message as { text?: string }).text === 'Hi B, from A');
  });

  it('drops B’s cached widget origins at once when the flow is rolled back through A', async () => {
    const flows = a.running.deps.stores.flows;
    await flows.create(chatFlowDocument({ id: 'flow-origins', allowedOrigins: ['https://new.example'] }), null);
    await flows.publish('flow-origins', { note: 'v1', by: null });
    await flows.publish('flow-origins', { note: 'v2', by: null, flow: chatFlowDocument({ id: 'flow-origins', allowedOrigins: ['https://old.example'] }) });
    const c = (await b.http.post('/api/chat/flow-origins/sessions').expect(201)).body as { sessionId: string; sessionToken: string };
    const url = wsUrl(b.url, `/api/chat/sessions/${c.sessionId}/ws?token=${c.sessionToken}`);
    // Refused under version 2, and B keeps that answer for 5 seconds.
    await expect(openSocket(url, { Origin: 'https://new.example' })).rejects.toMatchObject({ status: 403 });
    await as(a).post('/api/flows/flow-origins/versions/1/rollback', {}).expect(201);
    sockets.push(await openSocket(url, { Origin: 'https://new.example' }));
  });

  it('asks its clients to reconnect after losing Redis, so they fetch what they missed', async () => {
    const chat = (await a.http.post('/api/chat/flow-chat/sessions').expect(201)).body as { sessionId: string; sessionToken: string };
    const customer = await openSocket(wsUrl(a.url, `/api/chat/sessions/${chat.sessionId}/ws?token=${chat.sessionToken}`));
    sockets.push(customer);
    await customer.waitFor((f) => f.type === 'status');
    const closed = new Promise<{ code: number; reason: string }>((resolve) => customer.ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
    // Cut A's subscriber connection on the Redis side, as a Redis restart or a network drop would.
    const killer = createClient({ url: TEST_REDIS_URL });
    await killer.connect();
    try {
      const list = await killer.sendCommand<string>(['CLIENT', 'LIST']);
      const line = list.split('\n').find((l) => l.includes(`name=switchboard-subscriber-${instanceIdOf(a)}`));
      const id = /id=(\d+)/.exec(line ?? '')?.[1];
      expect(id).toBeDefined();
      await killer.sendCommand(['CLIENT', 'KILL', 'ID', id!]);
    } finally {
      await killer.close();
    }
    expect(await closed).toEqual({ code: 1012, reason: 'Live updates were interrupted; reconnect' });
    // And live delivery across instances works again after the reconnect.
    const again = await openSocket(wsUrl(a.url, `/api/chat/sessions/${chat.sessionId}/ws?token=${chat.sessionToken}`));
    sockets.push(again);
    await again.waitFor((f) => f.type === 'status');
    // A subscribes to the conversation's channel on the new socket; wait until Redis has it.
    const probe = createClient({ url: TEST_REDIS_URL });
    await probe.connect();
    try {
      const channel = `${prefix}events:customer:${chat.sessionId}`;
      for (let i = 0; i < 200; i += 1) {
        const [, count] = await probe.sendCommand<[string, number]>(['PUBSUB', 'NUMSUB', channel]);
        if (Number(count) >= 1) break;
        await new Promise((r) => setTimeout(r, 10));
      }
    } finally {
      await probe.close();
    }
    const viaB = await b.http
      .post(`/api/chat/sessions/${chat.sessionId}/messages`)
      .set('Authorization', `Bearer ${chat.sessionToken}`)
      .send({ optionId: 'order' })
      .expect(200);
    const botReply = (viaB.body.messages as { from: string; text?: string }[]).find((m) => m.from === 'bot')!;
    await again.waitFor((f) => f.type === 'message' && (f.message as { text?: string }).text === botReply.text);
  });

  it('warns at start that an instance with DATABASE_URL and no REDIS_URL must run alone', async () => {
    const single = await start({});
    try {
      const warning = single.logLines.find((l) => l.includes('run this server as a single instance'));
      expect(warning).toBeDefined();
      expect(JSON.parse(warning!).level).toBe(40);
      expect((await single.http.get('/readyz').expect(200)).body.checks).toEqual({ database: true });
    } finally {
      await stop(single);
    }
  });
});

function instanceIdOf(i: Instance): string {
  const id = i.running.instanceId;
  if (!id) throw new Error('no Redis instance id');
  return id;
}
