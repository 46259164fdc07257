import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chatFlowDocument } from '../../unit/chat/support/chatFlow';
import { startTestServer, type TestServer } from './support/testServer';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
  await s.publish(chatFlowDocument({ allowedOrigins: ['https://shop.example.com'] }));
});
afterAll(async () => {
  await s?.stop();
});

async function startChat() {
  const res = await s.http.post('/api/chat/flow-chat/sessions').expect(201);
  return res.body as { sessionId: string; sessionToken: string; messages: { id: number; text?: string }[] };
}

describe('POST /api/chat/:flowId/sessions', () => {
  it('starts a conversation on the live version', async () => {
    const res = await s.http.post('/api/chat/flow-chat/sessions').expect(201);
    expect(Object.keys(res.body).sort()).toEqual(['input', 'messages', 'sessionId', 'sessionToken', 'status']);
    expect(res.body.messages[0]).toMatchObject({ id: 1, from: 'bot', kind: 'text', text: 'Hello from v1' });
    expect(res.body.messages[0].at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(res.body.input).toMatchObject({ type: 'choice', options: [{ id: 'order', label: 'Order status' }, { id: 'human' }, { id: 'loop' }] });
  });

  it('answers 404 for unknown and unpublished flows', async () => {
    const unknown = await s.http.post('/api/chat/no-such-flow/sessions').expect(404);
    expect(unknown.body.error.code).toBe('flow_not_found');
    await s.running.deps.stores.flows.create(chatFlowDocument({ id: 'draft-only' }), null);
    await s.http.post('/api/chat/draft-only/sessions').expect(404);
  });
});

describe('messages', () => {
  it('takes an option id and text, and returns the transcript after N', async () => {
    const chat = await startChat();
    const auth = `Bearer ${chat.sessionToken}`;
    const r1 = await s.http.post(`/api/chat/sessions/${chat.sessionId}/messages`).set('Authorization', auth).send({ optionId: 'order' }).expect(200);
    expect(r1.body.messages.map((m: { text: string }) => m.text)).toEqual(['Order status', 'Your order number?']);
    expect(r1.body.input).toMatchObject({ type: 'text', inputKind: 'text' });
    const r2 = await s.http.post(`/api/chat/sessions/${chat.sessionId}/messages`).set('Authorization', auth).send({ text: 'ORD-1' }).expect(200);
    expect(r2.body).toMatchObject({ status: 'completed', input: { type: 'none' } });
    const t = await s.http.get(`/api/chat/sessions/${chat.sessionId}/messages?after=4`).set('Authorization', auth).expect(200);
    expect(t.body.messages.map((m: { id: number }) => m.id)).toEqual([5, 6]);
    expect(t.body.messages[1].text).toBe('Thanks, order ORD-1 is on its way.');
  });

  it('refuses a missing, wrong or foreign token with 401', async () => {
    const a = await startChat();
    const b = await startChat();
    const path = `/api/chat/sessions/${a.sessionId}/messages`;
    expect((await s.http.post(path).send({ text: 'x' }).expect(401)).body.error.code).toBe('invalid_token');
    await s.http.post(path).set('Authorization', 'Bearer wrong').send({ text: 'x' }).expect(401);
    await s.http.post(path).set('Authorization', `Bearer ${b.sessionToken}`).send({ text: 'x' }).expect(401);
    await s.http.get(path).set('Authorization', `Bearer ${b.sessionToken}`).expect(401);
    await s.http.get(`/api/chat/sessions/nope/messages`).set('Authorization', `Bearer ${a.sessionToken}`).expect(404);
  });

  it('validates the body: text length, shape, JSON, content type and size', async () => {
    const chat = await startChat();
    const path = `/api/chat/sessions/${chat.sessionId}/messages`;
    const auth = `Bearer ${chat.sessionToken}`;
    const long = await s.http.post(path).set('Authorization', auth).send({ text: 'x'.repeat(2001) }).expect(400);
    expect(long.body.error.details).toEqual([{ path: 'text', message: expect.stringContaining('2000') }]);
    await s.http.post(path).set('Authorization', auth).send({ text: 'a', optionId: 'order' }).expect(400);
    await s.http.post(path).set('Authorization', auth).send({ text: '   ' }).expect(400);
    const bad = await s.http.post(path).set('Authorization', auth).set('Content-Type', 'application/json').send('{"text":').expect(400);
    expect(bad.body.error.code).toBe('invalid_json');
    await s.http.post(path).set('Authorization', auth).set('Content-Type', 'text/plain').send('hello').expect(415);
    const big = await s.http.post(path).set('Authorization', auth).send({ text: 'y'.repeat(17 * 1024) }).expect(413);
    expect(big.body.error).not.toHaveProperty('stack');
  });
});

describe('allowed origins', () => {
  it('grants CORS to an allowed origin and answers its preflight', async () => {
    const res = await s.http.post('/api/chat/flow-chat/sessions').set('Origin', 'https://shop.example.com').expect(201);
    expect(res.headers['access-control-allow-origin']).toBe('https://shop.example.com');
    const pre = await s.http
      .options(`/api/chat/sessions/${res.body.sessionId}/messages`)
      .set('Origin', 'https://shop.example.com')
      .set('Access-Control-Request-Method', 'POST')
      .set('Access-Control-Request-Headers', 'authorization, content-type')
      .expect(204);
    expect(pre.headers['access-control-allow-headers']).toMatch(/Authorization/);
    const msg = await s.http
      .post(`/api/chat/sessions/${res.body.sessionId}/messages`)
      .set('Origin', 'https://shop.example.com')
      .set('Authorization', `Bearer ${res.body.sessionToken}`)
      .send({ optionId: 'loop' })
      .expect(200);
    expect(msg.headers['access-control-allow-origin']).toBe('https://shop.example.com');
  });

  it('refuses other origins with 403 and accepts the server’s own', async () => {
    const refused = await s.http.post('/api/chat/flow-chat/sessions').set('Origin', 'https://evil.example').expect(403);
    expect(refused.body.error.code).toBe('origin_not_allowed');
    expect(refused.headers['access-control-allow-origin']).toBeUndefined();
    const chat = await startChat();
    await s.http
      .get(`/api/chat/sessions/${chat.sessionId}/messages`)
      .set('Origin', 'https://evil.example')
      .set('Authorization', `Bearer ${chat.sessionToken}`)
      .expect(403);
    await s.http.post('/api/chat/flow-chat/sessions').set('Origin', s.url).expect(201);
  });
});

describe('versions', () => {
  it('keeps a running conversation on v1 after v2 is published', async () => {
    const old = await startChat();
    await s.publish(chatFlowDocument({ greeting: 'Hello from v2', allowedOrigins: ['https://shop.example.com'] }));
    const fresh = await startChat();
    expect(fresh.messages[0]?.text).toBe('Hello from v2');
    const auth = `Bearer ${old.sessionToken}`;
    await s.http.post(`/api/chat/sessions/${old.sessionId}/messages`).set('Authorization', auth).send({ optionId: 'order' }).expect(200);
    await s.http.post(`/api/chat/sessions/${old.sessionId}/messages`).set('Authorization', auth).send({ text: 'A' }).expect(200);
    const again = await s.http.post(`/api/chat/sessions/${old.sessionId}/messages`).set('Authorization', auth).send({ text: 'hello?' }).expect(200);
    expect(again.body.messages.map((m: { text: string }) => m.text)).toContain('Hello from v1');
  });
});
