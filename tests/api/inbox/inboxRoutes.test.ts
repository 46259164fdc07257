import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSocket, wsUrl, type RecordingSocket } from '../chat/support/wsClient';
import { startTestServer, type SignedIn, type TestServer } from '../chat/support/testServer';
import { describeOnEachBackend } from '../support/backends';

describeOnEachBackend('the agent inbox API', (backend) => {
  let s: TestServer;
  let anna: SignedIn;
  let ben: SignedIn;
  let editor: SignedIn;
  const sockets: RecordingSocket[] = [];

  beforeAll(async () => {
    s = await startTestServer({ backend });
    await s.publish();
    anna = await s.signIn('agent', 'anna@example.com', 'Anna');
    ben = await s.signIn('agent', 'ben@example.com', 'Ben');
    editor = await s.signIn('editor');
  });
  afterAll(async () => {
    for (const ws of sockets) ws.close();
    await s?.stop();
  });

  const as = (who: SignedIn) => ({
    get: (p: string) => s.http.get(p).set('Cookie', who.cookie),
    post: (p: string, body?: object) => s.http.post(p).set('Cookie', who.cookie).set('X-CSRF-Token', who.csrf).send(body),
    put: (p: string, body?: object) => s.http.put(p).set('Cookie', who.cookie).set('X-CSRF-Token', who.csrf).send(body),
  });

  async function customerAtHandoff() {
    const chat = (await s.http.post('/api/chat/flow-chat/sessions').expect(201)).body;
    const ws = await openSocket(wsUrl(s.url, `/api/chat/sessions/${chat.sessionId}/ws?token=${chat.sessionToken}`));
    sockets.push(ws);
    await ws.waitFor((f) => f.type === 'status');
    ws.send({ type: 'message', optionId: 'human' });
    await ws.waitFor((f) => f.type === 'status' && f.status !== 'waiting');
    return { ...chat, ws } as { sessionId: string; sessionToken: string; ws: RecordingSocket };
  }

  describe('access', () => {
    it('refuses visitors, editors and cookie changes without CSRF', async () => {
      expect((await s.http.get('/api/inbox').expect(401)).body.error.code).toBe('unauthenticated');
      expect((await as(editor).get('/api/inbox').expect(403)).body.error.code).toBe('forbidden');
      const noCsrf = await s.http.put('/api/inbox/availability').set('Cookie', anna.cookie).send({ status: 'online' }).expect(403);
      expect(noCsrf.body.error.code).toBe('csrf');
      await as(anna).put('/api/inbox/availability', { status: 'busy' }).expect(400);
    });
  });

  describe('handoff', () => {
    it('takes the offline branch while nobody is online', async () => {
      await as(anna).put('/api/inbox/availability', { status: 'away' }).expect(200);
      const c = await customerAtHandoff();
      await c.ws.waitFor((f) => f.type === 'message' && (f.message as { text?: string }).text === 'Nobody is online, we will email you.');
    });

    it('queues, lets one claim win, relays both ways live, and returns to the bot at resolved', async () => {
      const online = await as(anna).put('/api/inbox/availability', { status: 'online' }).expect(200);
      expect(online.body.availability).toMatchObject({ status: 'online', name: 'Anna' });
      const inboxWs = await openSocket(wsUrl(s.url, '/api/inbox/ws'), { Cookie: anna.cookie });
      sockets.push(inboxWs);

      const c = await customerAtHandoff();
      await inboxWs.waitFor((f) => f.type === 'queue' && f.sessionId === c.sessionId && f.status === 'waiting');
      const waiting = await as(anna).get('/api/inbox?status=waiting').expect(200);
      const row = waiting.body.conversations.find((x: { sessionId: string }) => x.sessionId === c.sessionId);
      expect(row).toMatchObject({ queue: 'billing', priority: 'high', status: 'waiting', waitingSeconds: expect.any(Number), variables: {} });

      const [r1, r2] = await Promise.all([as(anna).post(`/api/inbox/${c.sessionId}/claim`), as(ben).post(`/api/inbox/${c.sessionId}/claim`)]);
      const statuses = [r1.status, r2.status].sort();
      expect(statuses).toEqual([200, 409]);
      const loser = r1.status === 409 ? r1 : r2;
      const winner = r1.status === 200 ? anna : ben;
      expect(loser.body.error.code).toBe('already_claimed');
      expect(loser.body.assignedAgent.name).toBe(winner === anna ? 'Anna' : 'Ben');

      await as(winner).post(`/api/inbox/${c.sessionId}/messages`, { text: 'Hello, how can I help?' }).expect(201);
      const pushed = await c.ws.waitFor((f) => f.type === 'message' && (f.message as { from: string }).from === 'agent');
      expect(pushed.message).toMatchObject({ kind: 'text', text: 'Hello, how can I help?', agentName: winner === anna ? 'Anna' : 'Ben' });

      if (winner === anna) {
        c.ws.send({ type: 'message', text: 'My card is blocked' });
        await inboxWs.waitFor((f) => f.type === 'message' && (f.message as { text?: string }).text === 'My card is blocked');
      }
      const detail = await as(winner).get(`/api/inbox/${c.sessionId}`).expect(200);
      expect(detail.body.conversation.status).toBe('active');
      expect(detail.body.messages.some((m: { from: string }) => m.from === 'agent')).toBe(true);

      const other = winner === anna ? ben : anna;
      expect((await as(other).post(`/api/inbox/${c.sessionId}/return`).expect(409)).body.error.code).toBe('assigned_to_other');
      const returned = await as(winner).post(`/api/inbox/${c.sessionId}/return`).expect(200);
      expect(returned.body.conversation).toMatchObject({ status: 'closed', resolution: 'returned' });
      await c.ws.waitFor((f) => f.type === 'message' && (f.message as { text?: string }).text === 'The bot is back. Anything else?');
      await c.ws.waitFor((f) => f.type === 'status' && f.status === 'waiting');
    });

    it('closes a claimed conversation', async () => {
      await as(anna).put('/api/inbox/availability', { status: 'online' }).expect(200);
      const c = await customerAtHandoff();
      await as(anna).post(`/api/inbox/${c.sessionId}/claim`).expect(200);
      const closed = await as(anna).post(`/api/inbox/${c.sessionId}/close`).expect(200);
      expect(closed.body.conversation).toMatchObject({ status: 'closed', resolution: 'closed', conversationStatus: 'completed' });
      await c.ws.waitFor((f) => f.type === 'status' && f.status === 'completed');
      const list = await as(anna).get('/api/inbox?status=closed').expect(200);
      expect(list.body.conversations.map((x: { sessionId: string }) => x.sessionId)).toContain(c.sessionId);
      await as(anna).post(`/api/inbox/nope/claim`).expect(404);
    });
  });

  describe('sockets', () => {
    it('refuses a wrong token, a foreign origin and a visitor on the inbox channel', async () => {
      const chat = (await s.http.post('/api/chat/flow-chat/sessions').expect(201)).body;
      await expect(openSocket(wsUrl(s.url, `/api/chat/sessions/${chat.sessionId}/ws?token=wrong`))).rejects.toMatchObject({ status: 401 });
      await expect(
        openSocket(wsUrl(s.url, `/api/chat/sessions/${chat.sessionId}/ws?token=${chat.sessionToken}`), { Origin: 'https://evil.example' }),
      ).rejects.toMatchObject({ status: 403 });
      await expect(openSocket(wsUrl(s.url, '/api/inbox/ws'))).rejects.toMatchObject({ status: 401 });
      await expect(openSocket(wsUrl(s.url, '/api/inbox/ws'), { Cookie: editor.cookie })).rejects.toMatchObject({ status: 403 });
      await expect(openSocket(wsUrl(s.url, '/api/inbox/ws'), { Cookie: anna.cookie, Origin: 'https://evil.example' })).rejects.toMatchObject({ status: 403 });
    });

    it('answers customer frames like the HTTP API, and relays agent typing', async () => {
      const chat = (await s.http.post('/api/chat/flow-chat/sessions').expect(201)).body;
      const ws = await openSocket(wsUrl(s.url, `/api/chat/sessions/${chat.sessionId}/ws?token=${chat.sessionToken}`));
      sockets.push(ws);
      ws.send({ type: 'message', text: 'x'.repeat(2001) });
      expect(await ws.waitFor((f) => f.type === 'error')).toMatchObject({ error: { code: 'invalid_request' } });
      ws.send({ type: 'message', optionId: 'loop' });
      await ws.waitFor((f) => f.type === 'message' && (f.message as { from: string; text: string }).from === 'customer');
      const status = await ws.waitFor((f) => f.type === 'status' && (f.input as { type: string }).type === 'choice');
      expect(status.status).toBe('waiting');

      await as(anna).put('/api/inbox/availability', { status: 'online' }).expect(200);
      const c = await customerAtHandoff();
      await as(anna).post(`/api/inbox/${c.sessionId}/claim`).expect(200);
      const agentWs = await openSocket(wsUrl(s.url, '/api/inbox/ws'), { Cookie: anna.cookie });
      sockets.push(agentWs);
      agentWs.send({ type: 'typing', sessionId: c.sessionId, typing: true });
      expect(await c.ws.waitFor((f) => f.type === 'typing')).toEqual({ type: 'typing', from: 'agent', typing: true });
      c.ws.send({ type: 'typing', typing: true });
      expect(await agentWs.waitFor((f) => f.type === 'typing')).toMatchObject({ sessionId: c.sessionId, typing: true });
    });
  });
});
