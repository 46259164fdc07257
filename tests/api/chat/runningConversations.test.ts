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

describe('GET /api/flows/:id/versions runningConversations', () => {
  it('counts the conversations still running on each version', async () => {
    const flow = chatFlowDocument();
    await s.publish(flow);
    const admin = await s.signIn('admin');
    const list = async () =>
      (await s.http.get(`/api/flows/${flow.id}/versions`).set('Cookie', admin.cookie).expect(200)).body.versions as {
        number: number;
        runningConversations: number;
      }[];

    expect((await list()).map((v) => v.runningConversations)).toEqual([0]);

    await s.http.post(`/api/chat/${flow.id}/sessions`).expect(201);
    await s.http.post(`/api/chat/${flow.id}/sessions`).expect(201);
    await s.publish(flow);
    await s.http.post(`/api/chat/${flow.id}/sessions`).expect(201);

    const counts = Object.fromEntries((await list()).map((v) => [v.number, v.runningConversations]));
    expect(counts).toEqual({ 1: 2, 2: 1 });
  });
});
