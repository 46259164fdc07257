import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteConversationStore } from '../../../api/src/storage/sqlite/sqliteConversationStore';
import { runRedisTests, TEST_REDIS_URL, uniqueRedisPrefix } from '../../support/redis';
import { startTestServer, type SignedIn, type TestServer } from '../chat/support/testServer';
import { openSocket, wsUrl, type RecordingSocket } from '../chat/support/wsClient';

// Two instances as behind a load balancer: one conversation store (as PostgreSQL would be) and one
// Redis. Everything live must cross between them.
describe.skipIf(!runRedisTests)('two instances sharing Redis', () => {
  let a: TestServer;
  let b: TestServer;
  let store: SqliteConversationStore;
  let dir: string;
  const sockets: RecordingSocket[] = [];
  const agents = new Map<TestServer, SignedIn>();

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'sb-two-'));
    store = SqliteConversationStore.open(path.join(dir, 'conversations.sqlite'));
    const env = { REDIS_URL: TEST_REDIS_URL, REDIS_PREFIX: uniqueRedisPrefix() };
    const chat = { store, limits: { sessionsPerIpPerMinute: 5, messagesPerSessionPerMinute: 4 }, retention: { enabled: false } };
    a = await startTestServer({ env, chat });
    b = await startTestServer({ env, chat });
    for (const s of [a, b]) {
      await s.publish();
      // Each instance has its own account store here; the conversation store (availability included) is shared.
      agents.set(s, await s.signIn('agent', `anna-${s === a ? 'a' : 'b'}@example.com`, 'Anna'));
    }
  });
  afterAll(async () => {
    for (const ws of sockets) ws.close();
    await a?.stop();
    await b?.stop();
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function customerAtHandoff(s: TestServer) {
    const chat = (await s.http.post('/api/chat/flow-chat/sessions').expect(201)).body as { sessionId: string; sessionToken: string };
    const ws = await openSocket(wsUrl(s.url, `/api/chat/sessions/${chat.sessionId}/ws?token=${chat.sessionToken}`));
    sockets.push(ws);
    await ws.waitFor((f) => f.type === 'status');
    ws.send({ type: 'message', optionId: 'human' });
    await ws.waitFor((f) => f.type === 'status' && f.status !== 'waiting');
    return { ...chat, ws };
  }

  const agentCall = (s: TestServer) => {
    const who = agents.get(s)!;
    return (method: 'post' | 'put', p: string, body?: object) => s.http[method](p).set('Cookie', who.cookie).set('X-CSRF-Token', who.csrf).send(body);
  };

  async function relay(customerSide: TestServer, agentSide: TestServer) {
    const agent = agentCall(agentSide);
    await agent('put', '/api/inbox/availability', { status: 'online' }).expect(200);
    const inbox = await openSocket(wsUrl(agentSide.url, '/api/inbox/ws'), { Cookie: agents.get(agentSide)!.cookie });
    sockets.push(inbox);
    // The subscription travels to Redis asynchronously; the first queue event proves it is there.
    const c = await customerAtHandoff(customerSide);
    await inbox.waitFor((f) => f.type === 'queue' && f.sessionId === c.sessionId && f.status === 'waiting');

    await agent('post', `/api/inbox/${c.sessionId}/claim`).expect(200);
    await agent('post', `/api/inbox/${c.sessionId}/messages`, { text: 'Hello from the other instance' }).expect(201);
    const reply = await c.ws.waitFor((f) => f.type === 'message' && (f.message as { from: string }).from === 'agent');
    expect(reply.message).toMatchObject({ text: 'Hello from the other instance', agentName: 'Anna' });

    c.ws.send({ type: 'message', text: 'Thanks, my card is blocked' });
    const heard = await inbox.waitFor((f) => f.type === 'message' && f.sessionId === c.sessionId && (f.message as { from: string }).from === 'customer');
    expect(heard.message).toMatchObject({ text: 'Thanks, my card is blocked' });
    inbox.close();
  }

  it('delivers the agent’s reply sent through B to the customer on A, and the customer’s answer back', async () => {
    await relay(a, b);
  });

  it('and the other way round', async () => {
    await relay(b, a);
  });

  it('counts one conversation’s messages in one counter across both instances (HTTP and socket)', async () => {
    const c = (await a.http.post('/api/chat/flow-chat/sessions').expect(201)).body as { sessionId: string; sessionToken: string };
    const send = (s: TestServer) =>
      s.http.post(`/api/chat/sessions/${c.sessionId}/messages`).set('Authorization', `Bearer ${c.sessionToken}`).send({ optionId: 'loop' });
    const ws = await openSocket(wsUrl(b.url, `/api/chat/sessions/${c.sessionId}/ws?token=${c.sessionToken}`));
    sockets.push(ws);
    await ws.waitFor((f) => f.type === 'status');
    expect((await send(a)).status).toBe(200);
    expect((await send(b)).status).toBe(200);
    expect((await send(a)).status).toBe(200);
    ws.send({ type: 'message', optionId: 'loop' });
    await ws.waitFor((f) => f.type === 'message' && (f.message as { text?: string }).text === 'Again');
    // The fifth message of the minute, whichever instance and channel it comes by, is over the limit of 4.
    const limited = await send(b);
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('rate_limited');
    ws.send({ type: 'message', optionId: 'loop' });
    const refused = await ws.waitFor<{ error: { code: string } }>((f) => f.type === 'error');
    expect(refused.error.code).toBe('rate_limited');
  });

  it('counts new conversations per IP address across both instances', async () => {
    // The tests above started three conversations from this address (two on A, one on B) this minute.
    let started = 0;
    for (let i = 0; i < 20; i += 1) {
      const s = i % 2 === 0 ? a : b;
      const res = await s.http.post('/api/chat/flow-chat/sessions');
      if (res.status === 429) break;
      expect(res.status).toBe(201);
      started += 1;
    }
    // Five per minute for the deployment: two are left. Counted per instance, A and B would allow seven more.
    expect(started).toBe(2);
    const other = await a.http.post('/api/chat/flow-chat/sessions');
    expect(other.status).toBe(429);
    const third = await b.http.post('/api/chat/flow-chat/sessions');
    expect(third.status).toBe(429);
  });
});
