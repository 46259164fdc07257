import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './support/testServer';
import { openSocket, wsUrl, type RecordingSocket } from './support/wsClient';
import { chatFlowDocument } from '../../unit/chat/support/chatFlow';
import { reviewFlow } from '../support/reviewFlow';
import { describeOnEachBackend } from '../support/backends';

describeOnEachBackend('a deleted flow, through the server', (backend) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer({ backend });
  });
  afterAll(async () => {
    await s.stop();
  });

  // The delete dialog promises that no conversation runs on after a flow is deleted and that its
  // conversations are kept; a version cached in the chat service must not quietly keep one going.
  describe('a deleted flow', () => {
    it('ends conversations already running with a clear 410, starts none, and keeps their records', async () => {
      const flow = chatFlowDocument();
      await s.publish(flow);
      const started = await s.http.post(`/api/chat/${flow.id}/sessions`).expect(201);
      const { sessionId, sessionToken } = started.body as { sessionId: string; sessionToken: string };
      const auth = `Bearer ${sessionToken}`;
      const send = (body: object) => s.http.post(`/api/chat/sessions/${sessionId}/messages`).set('Authorization', auth).send(body);
      // The first turn loads (and caches) the published version.
      await send({ optionId: 'order' }).expect(200);

      const admin = await s.signIn('admin');
      await s.http.delete(`/api/flows/${flow.id}`).set('Cookie', admin.cookie).set('X-CSRF-Token', admin.csrf).expect(204);

      const after = await send({ text: 'ORD-1' }).expect(410);
      expect(after.body.error).toMatchObject({ code: 'flow_removed', message: 'This chat has ended: it is no longer offered' });
      const transcript = await s.http.get(`/api/chat/sessions/${sessionId}/messages?after=0`).set('Authorization', auth).expect(410);
      expect(transcript.body.error.code).toBe('flow_removed');
      await s.http.post(`/api/chat/${flow.id}/sessions`).expect(404);

      // Kept for the inbox history and customer-data search until retention or erasure.
      const counts = await s.running.deps.runningConversations!(flow.id, 0);
      expect(counts).toEqual({ 1: 1 });
    });

    it('closes conversations waiting for or held by an agent, telling the customer and the inbox', async () => {
      const flow = chatFlowDocument();
      flow.id = 'flow-held';
      await s.publish(flow);
      const agent = await s.signIn('agent', 'held@example.com', 'Hanna');
      const admin = await s.signIn('admin');
      const asAgent = {
        get: (p: string) => s.http.get(p).set('Cookie', agent.cookie),
        post: (p: string, body?: object) => s.http.post(p).set('Cookie', agent.cookie).set('X-CSRF-Token', agent.csrf).send(body),
        put: (p: string, body?: object) => s.http.put(p).set('Cookie', agent.cookie).set('X-CSRF-Token', agent.csrf).send(body),
      };
      await asAgent.put('/api/inbox/availability', { status: 'online' }).expect(200);
      const sockets: RecordingSocket[] = [];
      const atHandoff = async () => {
        const chat = (await s.http.post(`/api/chat/${flow.id}/sessions`).expect(201)).body as { sessionId: string; sessionToken: string };
        const ws = await openSocket(wsUrl(s.url, `/api/chat/sessions/${chat.sessionId}/ws?token=${chat.sessionToken}`));
        sockets.push(ws);
        await ws.waitFor((f) => f.type === 'status');
        ws.send({ type: 'message', optionId: 'human' });
        await ws.waitFor((f) => f.type === 'status' && f.status === 'handedOff');
        return { ...chat, ws };
      };
      try {
        const held = await atHandoff();
        const waiting = await atHandoff();
        await asAgent.post(`/api/inbox/${held.sessionId}/claim`).expect(200);

        await s.http.delete(`/api/flows/${flow.id}`).set('Cookie', admin.cookie).set('X-CSRF-Token', admin.csrf).expect(204);

        // Both customers are told at once, over their open sockets.
        for (const c of [held, waiting]) {
          await c.ws.waitFor((f) => (f as { message?: { text?: string } }).message?.text === 'flowRemoved');
        }
        // Neither is left in the inbox as work nobody could finish.
        const active = (await asAgent.get('/api/inbox?status=active').expect(200)).body.conversations as { sessionId: string }[];
        const queued = (await asAgent.get('/api/inbox?status=waiting').expect(200)).body.conversations as { sessionId: string }[];
        expect([...active, ...queued].map((i) => i.sessionId)).not.toContain(held.sessionId);
        expect([...active, ...queued].map((i) => i.sessionId)).not.toContain(waiting.sessionId);
        const closed = (await asAgent.get('/api/inbox?status=closed').expect(200)).body.conversations as { sessionId: string }[];
        expect(closed.map((i) => i.sessionId)).toEqual(expect.arrayContaining([held.sessionId, waiting.sessionId]));
        // The agent's history shows why, and the agent can no longer write to someone who cannot answer.
        const history = (await asAgent.get(`/api/inbox/${held.sessionId}`).expect(200)).body.messages as { kind: string; text: string }[];
        expect(history.at(-1)).toMatchObject({ kind: 'event', text: 'flowRemoved' });
        const late = await asAgent.post(`/api/inbox/${held.sessionId}/messages`, { text: 'Still there?' });
        expect(late.status).toBeGreaterThanOrEqual(400);
      } finally {
        for (const ws of sockets) ws.close();
      }
    });

    it('takes its review marks with it (a new flow given its id starts an empty review list) and leaves other flows’ marks', async () => {
      const editor = await s.signIn('editor');
      const asEditor = (p: string, body: object) => s.http.post(p).set('Cookie', editor.cookie).set('X-CSRF-Token', editor.csrf).send(body);
      for (const id of ['flow-marked', 'flow-kept']) {
        await asEditor('/api/flows', { document: reviewFlow(id) }).expect(201);
        await asEditor(`/api/flows/${id}/unrecognized/dismiss`, { keys: ['pogoda dzisiaj', 'zwrot pieniędzy'] }).expect(200, { marked: 2 });
      }
      const marks = s.running.deps.chat!.store;
      expect(await marks.listReviewMarks('flow-marked')).toHaveLength(2);

      await s.http.delete('/api/flows/flow-marked').set('Cookie', editor.cookie).set('X-CSRF-Token', editor.csrf).expect(204);
      expect(await marks.listReviewMarks('flow-marked')).toEqual([]);
      expect((await marks.listReviewMarks('flow-kept')).map((m) => m.key).sort()).toEqual(['pogoda dzisiaj', 'zwrot pieniedzy']);
    });
  });
});
