import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './support/testServer';
import { chatFlowDocument } from '../../unit/chat/support/chatFlow';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
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
});
