import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chatFlowDocument } from '../../unit/chat/support/chatFlow';
import { startTestServer, type TestServer } from '../chat/support/testServer';

describe("a conversation's message limit counts only its own customer", () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer({ chat: { limits: { sessionsPerIpPerMinute: 10, messagesPerSessionPerMinute: 2 } } });
    await s.publish(chatFlowDocument());
  });
  afterAll(async () => {
    await s.stop();
  });

  it('bogus tokens are refused with 401 without using up the allowance', async () => {
    const started = await s.http.post('/api/chat/flow-chat/sessions').expect(201);
    const { sessionId, sessionToken } = started.body as { sessionId: string; sessionToken: string };
    for (let i = 0; i < 5; i++) {
      const res = await s.http.post(`/api/chat/sessions/${sessionId}/messages`).set('Authorization', `Bearer bogus-${i}`).send({ optionId: 'loop' });
      expect(res.status).toBe(401);
    }
    const noToken = await s.http.post(`/api/chat/sessions/${sessionId}/messages`).send({ optionId: 'loop' });
    expect(noToken.status).toBe(401);
    // The real customer still has the whole allowance, and only then is limited.
    const send = () => s.http.post(`/api/chat/sessions/${sessionId}/messages`).set('Authorization', `Bearer ${sessionToken}`).send({ optionId: 'loop' });
    expect((await send()).status).toBe(200);
    expect((await send()).status).toBe(200);
    expect((await send()).status).toBe(429);
  });
});
