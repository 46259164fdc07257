import { Writable } from 'node:stream';
import express from 'express';
import helmet from 'helmet';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../../api/src/logger';
import { requestLog } from '../../../api/src/http/requestLog';
import { staticHeaders } from '../../../api/src/http/staticHeaders';
import { chatFlowDocument } from '../../unit/chat/support/chatFlow';
import { startTestServer, type TestServer } from './support/testServer';

function headersOf(res: request.Response): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(res.headers)) if (!['date', 'content-length', 'etag', 'connection', 'keep-alive'].includes(k)) out[k] = String(v);
  return out;
}

describe('staticHeaders', () => {
  it('sends exactly the headers helmet would', async () => {
    const options = { contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } } };
    const plain = express().use(helmet(options)).get('/', (_req, res) => void res.json({}));
    const replayed = express().use(staticHeaders(helmet(options))).get('/', (_req, res) => void res.json({}));
    const a = headersOf(await request(plain).get('/'));
    const b = headersOf(await request(replayed).get('/'));
    expect(b).toEqual(a);
    expect(b['content-security-policy']).toContain("default-src 'self'");
    expect(b['x-powered-by']).toBeUndefined();
  });

  it('refuses a middleware whose headers depend on the request', () => {
    expect(() => staticHeaders((req, res, next) => (res.setHeader('X-Path', req.path), next()))).toThrow(/reads req/);
  });
});

describe('requestLog', () => {
  it('writes one line per request without the query string, at a level that follows the status', async () => {
    const lines: Record<string, unknown>[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(JSON.parse(String(chunk)) as Record<string, unknown>);
        done();
      },
    });
    const app = express()
      .use(requestLog(createLogger('info', sink), { clientIp: true }))
      .get('/ok', (_req, res) => void res.json({ ok: true }))
      .get('/missing', (_req, res) => void res.status(404).json({}));
    const ok = await request(app).get('/ok?token=secret-token').set('User-Agent', 'ua/1');
    await request(app).get('/missing');
    await new Promise((r) => setImmediate(r));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({
      level: 30,
      msg: 'request completed',
      req: { id: ok.headers['x-request-id'], method: 'GET', path: '/ok', userAgent: 'ua/1' },
      res: { statusCode: 200 },
    });
    expect(typeof lines[0]!.responseTime).toBe('number');
    expect(JSON.stringify(lines)).not.toContain('secret-token');
    expect(lines[1]).toMatchObject({ level: 40, res: { statusCode: 404 } });
  });

  it('keeps the client address and user agent only when LOG_CLIENT_IP asks for them', async () => {
    const run = async (clientIp: boolean) => {
      const lines: Record<string, unknown>[] = [];
      const sink = new Writable({
        write(chunk, _enc, done) {
          lines.push(JSON.parse(String(chunk)) as Record<string, unknown>);
          done();
        },
      });
      const app = express()
        .use(requestLog(createLogger('info', sink), { clientIp }))
        .get('/ok', (_req, res) => void res.json({ ok: true }));
      await request(app).get('/ok').set('User-Agent', 'ua/1');
      await new Promise((r) => setImmediate(r));
      return lines[0]!.req as Record<string, unknown>;
    };
    const off = await run(false);
    expect(off).not.toHaveProperty('userAgent');
    expect(off).not.toHaveProperty('remoteAddress');
    expect(await run(true)).toMatchObject({ userAgent: 'ua/1', remoteAddress: expect.stringMatching(/127\.0\.0\.1|::1/) });
  });
});

describe('chat routes ahead of the account lookup', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
    await s.publish(chatFlowDocument());
  });
  afterAll(async () => {
    await s.stop();
  });

  it('chats with a stale account cookie present, and the inbox still requires an account', async () => {
    const started = await s.http.post('/api/chat/flow-chat/sessions').set('Cookie', 'sb_session=stale').expect(201);
    expect(started.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(started.headers['x-content-type-options']).toBe('nosniff');
    const turn = await s.http
      .post(`/api/chat/sessions/${started.body.sessionId}/messages`)
      .set('Authorization', `Bearer ${started.body.sessionToken}`)
      .set('Cookie', 'sb_session=stale')
      .send({ optionId: 'loop' })
      .expect(200);
    expect(turn.body.messages.map((m: { text: string }) => m.text)).toEqual(['Again', 'What do you need?']);
    await s.http.get('/api/inbox?status=waiting').expect(401);
    await s.http.get('/api/chat/nowhere').expect(404);
  });
});
