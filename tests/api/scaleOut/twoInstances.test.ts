import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteConversationStore } from '../../../api/src/storage/sqlite/sqliteConversationStore';
import { runRedisTests, TEST_REDIS_URL, uniqueRedisPrefix } from '../../support/redis';
import { startTestServer, type SignedIn, type TestServer } from '../chat/support/testServer';
import { openSocket, wsUrl, type RecordingSocket } from '../chat/support/wsClient';
import { chatFlowDocument } from '../../unit/chat/support/chatFlow';

// Two instances as behind a load balancer: one conversation store (as PostgreSQL would be) and one
// Redis. Everything live must cross between them.
describe.skipIf(!runRedisTests)('two instances sharing Redis', () => {
  let a: TestServer;
  let b: TestServer;
  let store: SqliteConversationStore;
  let dir: string;
  let env: Record<string, string>;
  let chat: { store: SqliteConversationStore; limits: { sessionsPerIpPerMinute: number; messagesPerSessionPerMinute: number }; retention: { enabled: false } };
  const sockets: RecordingSocket[] = [];
  const agents = new Map<TestServer, SignedIn>();

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'sb-two-'));
    store = SqliteConversationStore.open(path.join(dir, 'conversations.sqlite'));
    // TRUST_PROXY: later tests start conversations from other (forwarded) addresses than the rate-limit tests use up.
    env = { REDIS_URL: TEST_REDIS_URL, REDIS_PREFIX: uniqueRedisPrefix(), TRUST_PROXY: 'loopback' };
    chat = { store, limits: { sessionsPerIpPerMinute: 5, messagesPerSessionPerMinute: 4 }, retention: { enabled: false as const } };
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

  // Each instance has its own flow store in this test; the announcement between them is what is
  // tested, so the other instance's store is changed directly, as a shared database would be.
  it('ends conversations on B at once when the flow is deleted through A', async () => {
    const flow = chatFlowDocument({ id: 'flow-gone' });
    await a.publish(flow);
    await b.publish(flow);
    const c = (await b.http.post('/api/chat/flow-gone/sessions').set('X-Forwarded-For', '10.0.0.9').expect(201)).body as { sessionId: string; sessionToken: string };
    const send = (body: object) => b.http.post(`/api/chat/sessions/${c.sessionId}/messages`).set('Authorization', `Bearer ${c.sessionToken}`).send(body);
    // B loads and caches the version.
    await send({ optionId: 'order' }).expect(200);
    await b.running.deps.stores.flows.delete('flow-gone');
    const admin = await a.signIn('admin');
    await a.http.delete('/api/flows/flow-gone').set('Cookie', admin.cookie).set('X-CSRF-Token', admin.csrf).expect(204);
    await eventually(async () => (await send({ text: 'ORD-1' })).status === 410);
  });

  it('drops B’s cached widget origins at once when A rolls a flow back', async () => {
    const old = chatFlowDocument({ id: 'flow-origins', allowedOrigins: ['https://old.example'] });
    await a.publish(old);
    await b.publish(old);
    const c = (await b.http.post('/api/chat/flow-origins/sessions').set('X-Forwarded-For', '10.0.0.10').expect(201)).body as { sessionId: string; sessionToken: string };
    const url = wsUrl(b.url, `/api/chat/sessions/${c.sessionId}/ws?token=${c.sessionToken}`);
    // Refused, and B keeps that answer for a few seconds.
    await expect(openSocket(url, { Origin: 'https://new.example' })).rejects.toMatchObject({ status: 403 });
    await b.publish(chatFlowDocument({ id: 'flow-origins', allowedOrigins: ['https://new.example'] }));
    await expect(openSocket(url, { Origin: 'https://new.example' })).rejects.toMatchObject({ status: 403 });
    const admin = await a.signIn('admin');
    await a.http.post('/api/flows/flow-origins/versions/1/rollback').set('Cookie', admin.cookie).set('X-CSRF-Token', admin.csrf).send({}).expect(201);
    // Well inside the 5 s the cache would otherwise keep the old list.
    const started = Date.now();
    await eventually(async () => {
      try {
        sockets.push(await openSocket(url, { Origin: 'https://new.example' }));
        return true;
      } catch {
        return false;
      }
    });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('on shutdown closes sockets with 1012; the customer reconnects to A and fetches what was said meanwhile', async () => {
    // A and B go on using the shared store after this instance stops, so its close is not passed on.
    const shared = new Proxy(store, { get: (target, key) => (key === 'close' ? async () => undefined : Reflect.get(target, key, target)) });
    const c3 = await startTestServer({ env, chat: { ...chat, store: shared } });
    let stopped = false;
    try {
      await c3.publish();
      const agent = agentCall(a);
      await agent('put', '/api/inbox/availability', { status: 'online' }).expect(200);
      const started = (await c3.http.post('/api/chat/flow-chat/sessions').set('X-Forwarded-For', '10.0.0.11').expect(201)).body as { sessionId: string; sessionToken: string };
      const customer = await openSocket(wsUrl(c3.url, `/api/chat/sessions/${started.sessionId}/ws?token=${started.sessionToken}`));
      await customer.waitFor((f) => f.type === 'status');
      customer.send({ type: 'message', optionId: 'human' });
      await customer.waitFor((f) => f.type === 'status' && f.status === 'handedOff');
      const closed = new Promise<{ code: number; reason: string }>((resolve) => customer.ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
      await c3.stop();
      stopped = true;
      expect(await closed).toEqual({ code: 1012, reason: 'Server restarting; reconnect' });
      const lastSeen = Math.max(...customer.frames.flatMap((f) => ((f as { type: string }).type === 'message' ? [(f as { message: { id: number } }).message.id] : [])));

      await agent('post', `/api/inbox/${started.sessionId}/claim`).expect(200);
      await agent('post', `/api/inbox/${started.sessionId}/messages`, { text: 'Sorry for the wait' }).expect(201);
      const missed = await a.http.get(`/api/chat/sessions/${started.sessionId}/messages?after=${lastSeen}`).set('Authorization', `Bearer ${started.sessionToken}`).expect(200);
      expect(missed.body.messages.map((m: { from: string; kind: string; text?: string }) => [m.from, m.text ?? m.kind])).toEqual([
        ['system', 'agentJoined'],
        ['agent', 'Sorry for the wait'],
      ]);
    } finally {
      if (!stopped) await c3.stop();
    }
  });
});

async function eventually(check: () => Promise<boolean>, timeoutMs = 3_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('the condition never held');
    await new Promise((r) => setTimeout(r, 25));
  }
}
