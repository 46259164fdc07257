import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSocket, wsUrl, type RecordingSocket } from '../chat/support/wsClient';
import { startTestServer, type SignedIn, type TestServer } from '../chat/support/testServer';
import { describeOnEachBackend } from '../support/backends';

describeOnEachBackend('the agent inbox API: notes, transfers, presence', (backend) => {
  let s: TestServer;
  let anna: SignedIn;
  let ben: SignedIn;
  let admin: SignedIn;
  let editor: SignedIn;
  const sockets: RecordingSocket[] = [];

  beforeAll(async () => {
    s = await startTestServer({ backend, chat: { awayGraceMs: 50 } });
    await s.publish();
    anna = await s.signIn('agent', 'anna@example.com', 'Anna');
    ben = await s.signIn('agent', 'ben@example.com', 'Ben');
    admin = await s.signIn('admin');
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

  type Frame = Record<string, unknown> & { message?: { text?: string; kind?: string; from?: string } };

  async function customerAtHandoff(firstWords?: string) {
    const chat = (await s.http.post('/api/chat/flow-chat/sessions').expect(201)).body as { sessionId: string; sessionToken: string };
    const ws = await openSocket(wsUrl(s.url, `/api/chat/sessions/${chat.sessionId}/ws?token=${chat.sessionToken}`));
    sockets.push(ws);
    await ws.waitFor((f) => f.type === 'status');
    ws.send({ type: 'message', optionId: 'human' });
    await ws.waitFor((f) => f.type === 'status' && f.status === 'handedOff');
    if (firstWords) {
      await s.http
        .post(`/api/chat/sessions/${chat.sessionId}/messages`)
        .set('Authorization', `Bearer ${chat.sessionToken}`)
        .send({ text: firstWords })
        .expect(200);
    }
    return { ...chat, ws };
  }

  describe('internal notes', () => {
    it('are stored for agents and never reach the customer, live or by transcript', async () => {
      await as(anna).put('/api/inbox/availability', { status: 'online' }).expect(200);
      const c = await customerAtHandoff();
      await as(anna).post(`/api/inbox/${c.sessionId}/claim`).expect(200);
      const note = await as(anna).post(`/api/inbox/${c.sessionId}/notes`, { text: 'VIP customer, be nice' }).expect(201);
      expect(note.body.message).toMatchObject({ from: 'agent', kind: 'note', text: 'VIP customer, be nice', agentName: 'Anna' });
      await as(anna).post(`/api/inbox/${c.sessionId}/messages`, { text: 'Hi, I am Anna' }).expect(201);

      await c.ws.waitFor((f) => (f as Frame).message?.text === 'Hi, I am Anna');
      expect(c.ws.frames.some((f) => (f as Frame).message?.text === 'VIP customer, be nice')).toBe(false);

      const transcript = await s.http
        .get(`/api/chat/sessions/${c.sessionId}/messages?after=0`)
        .set('Authorization', `Bearer ${c.sessionToken}`)
        .expect(200);
      const texts = transcript.body.messages.map((m: { text?: string }) => m.text);
      expect(texts).toContain('Hi, I am Anna');
      expect(texts).not.toContain('VIP customer, be nice');
      expect(transcript.body.messages.every((m: { kind: string }) => m.kind !== 'note')).toBe(true);

      const inbox = await as(ben).get(`/api/inbox/${c.sessionId}`).expect(200);
      expect(inbox.body.messages.find((m: { kind: string }) => m.kind === 'note')).toMatchObject({ text: 'VIP customer, be nice' });

      await as(anna).post(`/api/inbox/${c.sessionId}/notes`, { text: '   ' }).expect(400);
      await as(anna).post('/api/inbox/missing/notes', { text: 'x' }).expect(404);
      await as(editor).post(`/api/inbox/${c.sessionId}/notes`, { text: 'x' }).expect(403);
    });
  });

  describe('transfer', () => {
    it('moves a claimed conversation back to waiting in another queue', async () => {
      await as(anna).put('/api/inbox/availability', { status: 'online' }).expect(200);
      const c = await customerAtHandoff();
      await as(anna).post(`/api/inbox/${c.sessionId}/claim`).expect(200);
      expect((await as(ben).post(`/api/inbox/${c.sessionId}/transfer`, { queue: 'sales' }).expect(409)).body.error.code).toBe(
        'assigned_to_other',
      );
      const moved = await as(anna).post(`/api/inbox/${c.sessionId}/transfer`, { queue: 'sales' }).expect(200);
      expect(moved.body.conversation).toMatchObject({ status: 'waiting', queue: 'sales', assignedAgent: null });
      const waiting = await as(ben).get('/api/inbox?status=waiting&queue=sales').expect(200);
      expect(waiting.body.conversations.map((x: { sessionId: string }) => x.sessionId)).toContain(c.sessionId);
      // Anyone may now claim it again.
      await as(ben).post(`/api/inbox/${c.sessionId}/claim`).expect(200);
      expect((await as(ben).get('/api/inbox/queues').expect(200)).body.queues).toEqual(expect.arrayContaining(['billing', 'sales']));
    });

    it('assigns straight to another agent, who can then reply', async () => {
      await as(anna).put('/api/inbox/availability', { status: 'online' }).expect(200);
      const c = await customerAtHandoff();
      await as(anna).post(`/api/inbox/${c.sessionId}/claim`).expect(200);
      const moved = await as(anna).post(`/api/inbox/${c.sessionId}/transfer`, { agentId: ben.id }).expect(200);
      expect(moved.body.conversation).toMatchObject({ status: 'active', assignedAgent: { id: ben.id, name: 'Ben' } });
      await c.ws.waitFor((f) => (f as Frame).message?.text === 'agentJoined' && (f.message as { agentName?: string }).agentName === 'Ben');
      await as(anna).post(`/api/inbox/${c.sessionId}/messages`, { text: 'still me?' }).expect(409);
      await as(ben).post(`/api/inbox/${c.sessionId}/messages`, { text: 'Ben here' }).expect(201);
    });

    it('refuses unknown agents, editors as targets, and malformed bodies', async () => {
      await as(anna).put('/api/inbox/availability', { status: 'online' }).expect(200);
      const c = await customerAtHandoff();
      expect((await as(anna).post(`/api/inbox/${c.sessionId}/transfer`, { agentId: 'nobody' }).expect(422)).body.error.code).toBe('agent_not_found');
      await as(anna).post(`/api/inbox/${c.sessionId}/transfer`, { agentId: editor.id }).expect(422);
      await as(anna).post(`/api/inbox/${c.sessionId}/transfer`, {}).expect(400);
      await as(anna).post(`/api/inbox/${c.sessionId}/transfer`, { queue: 'a', agentId: ben.id }).expect(400);
      await as(anna).post('/api/inbox/nope/transfer', { queue: 'sales' }).expect(404);
      // A waiting conversation may be sent elsewhere by anyone in the inbox.
      await as(ben).post(`/api/inbox/${c.sessionId}/transfer`, { queue: 'returns' }).expect(200);
      await as(anna).post(`/api/inbox/${c.sessionId}/close`).expect(200);
      expect((await as(anna).post(`/api/inbox/${c.sessionId}/transfer`, { queue: 'x' }).expect(409)).body.error.code).toBe('not_in_handoff');
    });

    it('lists inbox accounts with their availability', async () => {
      await as(anna).put('/api/inbox/availability', { status: 'online' }).expect(200);
      const agents = (await as(ben).get('/api/inbox/agents').expect(200)).body.agents as { id: string; name: string; status: string }[];
      expect(agents.find((a) => a.id === anna.id)).toMatchObject({ name: 'Anna', status: 'online' });
      expect(agents.some((a) => a.id === editor.id)).toBe(false);
      expect(agents.some((a) => a.id === admin.id)).toBe(true);
    });
  });

  describe('canned replies and inbox settings', () => {
    it('are edited by admins in the settings and read by agents', async () => {
      const current = (await as(admin).get('/api/settings').expect(200)).body;
      expect(current.cannedReplies).toEqual([]);
      const replies = [
        { id: 'hello', title: 'Greeting', text: 'Hello! How can I help?' },
        { id: 'refund', title: 'Refund', text: 'Your refund is on its way.' },
      ];
      await as(admin).put('/api/settings', { ...current, inboxHighlightMinutes: 7, cannedReplies: replies }).expect(200);
      expect((await as(anna).get('/api/inbox/canned-replies').expect(200)).body.cannedReplies).toEqual(replies);
      expect((await as(anna).get('/api/inbox/settings').expect(200)).body).toEqual({ inboxHighlightMinutes: 7, cannedReplies: replies });

      // An older client saving settings without the list keeps it.
      const { cannedReplies: _dropped, ...withoutReplies } = current;
      expect((await as(admin).put('/api/settings', withoutReplies).expect(200)).body.cannedReplies).toEqual(replies);

      const duplicate = await as(admin).put('/api/settings', { ...current, cannedReplies: [replies[0], replies[0]] }).expect(400);
      expect(duplicate.body.error.details.map((d: { path: string }) => d.path)).toContain('cannedReplies');
      await as(admin).put('/api/settings', { ...current, cannedReplies: [{ id: 'x', title: '', text: 'y' }] }).expect(400);
      await as(anna).put('/api/settings', { ...current, cannedReplies: [] }).expect(403);
      await as(editor).get('/api/inbox/canned-replies').expect(403);
    });
  });

  describe('conversation history', () => {
    it('searches message text, filters by flow, status and date, pages with a cursor, and shows transcripts', async () => {
      await as(anna).put('/api/inbox/availability', { status: 'online' }).expect(200);
      const a = await customerAtHandoff('My parcel ZX-4411 never arrived');
      const b = await customerAtHandoff('Invoice 100% wrong_total please fix');
      await as(anna).post(`/api/inbox/${a.sessionId}/claim`).expect(200);
      await as(anna).post(`/api/inbox/${a.sessionId}/notes`, { text: 'checked courier: lost-in-depot' }).expect(201);

      const byText = await as(ben).get('/api/conversations?q=zx-4411').expect(200);
      expect(byText.body.conversations.map((c: { sessionId: string }) => c.sessionId)).toEqual([a.sessionId]);
      expect(byText.body.conversations[0]).toMatchObject({
        flowId: 'flow-chat',
        flowName: 'Chat test flow',
        status: 'handedOff',
        excerpt: 'My parcel ZX-4411 never arrived',
        handoff: { queue: 'billing', status: 'active', assignedAgent: { name: 'Anna' } },
      });
      // Notes are searchable for agents; LIKE wildcards in the query are literal.
      expect((await as(ben).get('/api/conversations?q=lost-in-depot').expect(200)).body.conversations).toHaveLength(1);
      expect((await as(ben).get(`/api/conversations?q=${encodeURIComponent('100% wrong_')}`).expect(200)).body.conversations[0].sessionId).toBe(b.sessionId);
      expect((await as(ben).get(`/api/conversations?q=${encodeURIComponent('0%w')}`).expect(200)).body.conversations).toEqual([]);
      // Every letter compares without case, not only A–Z.
      const polish = await customerAtHandoff('ZAŻÓŁĆ GĘŚLĄ JAŹŃ, paczka nie doszła');
      expect((await as(ben).get(`/api/conversations?q=${encodeURIComponent('zażółć gęślą')}`).expect(200)).body.conversations.map((c: { sessionId: string }) => c.sessionId)).toEqual([polish.sessionId]);
      expect((await as(ben).get(`/api/conversations?q=${encodeURIComponent('DOSZŁA')}`).expect(200)).body.conversations.map((c: { sessionId: string }) => c.sessionId)).toEqual([polish.sessionId]);
      expect((await as(ben).get('/api/conversations?q=ZX-4411&flowId=other').expect(200)).body.conversations).toEqual([]);
      expect((await as(ben).get('/api/conversations?q=ZX-4411&status=completed').expect(200)).body.conversations).toEqual([]);
      expect((await as(ben).get('/api/conversations?q=ZX-4411&to=2000-01-01').expect(200)).body.conversations).toEqual([]);
      const today = new Date().toISOString().slice(0, 10);
      expect((await as(ben).get(`/api/conversations?q=ZX-4411&from=${today}&to=${today}`).expect(200)).body.conversations).toHaveLength(1);

      const first = await as(ben).get('/api/conversations?limit=1').expect(200);
      expect(first.body.conversations).toHaveLength(1);
      expect(first.body.nextCursor).toEqual(expect.any(String));
      const second = await as(ben).get(`/api/conversations?limit=1&cursor=${first.body.nextCursor}`).expect(200);
      expect(second.body.conversations[0].sessionId).not.toBe(first.body.conversations[0].sessionId);
      const all = await as(admin).get('/api/conversations?limit=200').expect(200);
      expect(all.body.nextCursor).toBeNull();
      const ids = all.body.conversations.map((c: { sessionId: string }) => c.sessionId);
      expect(ids.indexOf(b.sessionId)).toBeLessThan(ids.indexOf(a.sessionId));

      const transcript = await as(ben).get(`/api/conversations/${a.sessionId}`).expect(200);
      expect(transcript.body.conversation).toMatchObject({ sessionId: a.sessionId, variables: expect.any(Object) });
      const kinds = transcript.body.messages.map((m: { kind: string; from: string }) => `${m.from}:${m.kind}`);
      expect(kinds).toEqual(expect.arrayContaining(['bot:text', 'customer:text', 'system:event', 'agent:note']));

      expect((await as(ben).get('/api/conversations/flows').expect(200)).body.flows).toEqual([{ id: 'flow-chat', name: 'Chat test flow' }]);
      await as(ben).get('/api/conversations/nope').expect(404);
      expect((await as(ben).get('/api/conversations?cursor=garbage').expect(400)).body.error.code).toBe('invalid_cursor');
      await as(ben).get('/api/conversations?from=yesterday').expect(400);
      await as(ben).get('/api/conversations?from=2026-03-02&to=2026-03-01').expect(400);
      await as(ben).get('/api/conversations?limit=0').expect(400);
      await as(editor).get('/api/conversations').expect(403);
      await s.http.get('/api/conversations').expect(401);
    });
  });

  describe('typing and presence', () => {
    it('relays customer typing to the agent and agent typing to the customer', async () => {
      await as(anna).put('/api/inbox/availability', { status: 'online' }).expect(200);
      const agentWs = await openSocket(wsUrl(s.url, '/api/inbox/ws'), { Cookie: anna.cookie });
      sockets.push(agentWs);
      const c = await customerAtHandoff();
      await as(anna).post(`/api/inbox/${c.sessionId}/claim`).expect(200);
      c.ws.send({ type: 'typing', typing: true });
      expect(await agentWs.waitFor((f) => f.type === 'typing' && f.sessionId === c.sessionId)).toMatchObject({ typing: true });
      agentWs.send({ type: 'typing', sessionId: c.sessionId, typing: true });
      expect(await c.ws.waitFor((f) => f.type === 'typing')).toEqual({ type: 'typing', from: 'agent', typing: true });
      agentWs.close();
    });

    it('marks an agent away once their last inbox socket has been gone for the grace period', async () => {
      const first = await openSocket(wsUrl(s.url, '/api/inbox/ws'), { Cookie: ben.cookie });
      const second = await openSocket(wsUrl(s.url, '/api/inbox/ws'), { Cookie: ben.cookie });
      await as(ben).put('/api/inbox/availability', { status: 'online' }).expect(200);
      first.close();
      await new Promise((r) => setTimeout(r, 150));
      // Another tab is still open: Ben stays online.
      expect((await as(ben).get('/api/inbox/availability').expect(200)).body.availability.status).toBe('online');
      second.close();
      await expect.poll(async () => (await as(ben).get('/api/inbox/availability')).body.availability.status, { timeout: 3000 }).toBe('away');
    });
  });
});
