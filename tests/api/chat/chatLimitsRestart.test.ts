import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './support/testServer';
import { openSocket, wsUrl } from './support/wsClient';

const servers: TestServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.stop();
});

describe('rate limits', () => {
  it('limits new sessions per IP and messages per session with 429', async () => {
    const s = await startTestServer({ chat: { limits: { sessionsPerIpPerMinute: 2, messagesPerSessionPerMinute: 2 } } });
    servers.push(s);
    await s.publish();
    const a = await s.http.post('/api/chat/flow-chat/sessions').expect(201);
    await s.http.post('/api/chat/flow-chat/sessions').expect(201);
    const limited = await s.http.post('/api/chat/flow-chat/sessions').expect(429);
    expect(limited.body.error.code).toBe('rate_limited');
    const send = () =>
      s.http.post(`/api/chat/sessions/${a.body.sessionId}/messages`).set('Authorization', `Bearer ${a.body.sessionToken}`).send({ optionId: 'loop' });
    expect((await send()).status).toBe(200);
    expect((await send()).status).toBe(200);
    expect((await send()).status).toBe(429);
  });

  it('counts a conversation’s messages over HTTP and the socket together', async () => {
    const s = await startTestServer({ chat: { limits: { sessionsPerIpPerMinute: 10, messagesPerSessionPerMinute: 2 } } });
    servers.push(s);
    await s.publish();
    const c = (await s.http.post('/api/chat/flow-chat/sessions').expect(201)).body as { sessionId: string; sessionToken: string };
    const socket = await openSocket(wsUrl(s.url, `/api/chat/sessions/${c.sessionId}/ws?token=${c.sessionToken}`));
    try {
      await socket.waitFor((f) => f.type === 'status');
      const send = () =>
        s.http.post(`/api/chat/sessions/${c.sessionId}/messages`).set('Authorization', `Bearer ${c.sessionToken}`).send({ optionId: 'loop' });
      expect((await send()).status).toBe(200);
      socket.send({ type: 'message', optionId: 'loop' });
      await socket.waitFor((f) => f.type === 'message' && (f.message as { text?: string }).text === 'Again');
      // The third message of the minute, whichever channel it comes by, is over the limit.
      expect((await send()).status).toBe(429);
      socket.send({ type: 'message', optionId: 'loop' });
      const refused = await socket.waitFor<{ error: { code: string } }>((f) => f.type === 'error');
      expect(refused.error.code).toBe('rate_limited');
    } finally {
      socket.close();
    }
  });
});

describe('restart', () => {
  it('continues a conversation on a new server over the same DATA_DIR', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'sb-restart-'));
    try {
      const first = await startTestServer({ dataDir });
      await first.publish();
      const chat = (await first.http.post('/api/chat/flow-chat/sessions').expect(201)).body;
      const auth = `Bearer ${chat.sessionToken}`;
      await first.http.post(`/api/chat/sessions/${chat.sessionId}/messages`).set('Authorization', auth).send({ optionId: 'order' }).expect(200);
      await first.stop();

      const second = await startTestServer({ dataDir });
      servers.push(second);
      const r = await second.http.post(`/api/chat/sessions/${chat.sessionId}/messages`).set('Authorization', auth).send({ text: 'R-5' }).expect(200);
      expect(r.body.messages.map((m: { id: number; text: string }) => [m.id, m.text])).toEqual([
        [5, 'R-5'],
        [6, 'Thanks, order R-5 is on its way.'],
      ]);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
