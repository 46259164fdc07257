import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import request from 'supertest';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../../../api/src/config';
import { scryptHasher } from '../../../api/src/auth/password';
import { createLogger } from '../../../api/src/logger';
import { startServer, type RunningServer } from '../../../api/src/server';
import { chatFlowDocument } from '../../unit/chat/support/chatFlow';

const EMAIL = 'jan.kowalski.secretive@example.pl';
const lines: string[] = [];
let running: RunningServer;
let dataDir = '';

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'sb-logs-'));
  const sink = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  running = await startServer(
    loadConfig({
      DATA_DIR: dataDir,
      PORT: '0',
      HOST: '127.0.0.1',
      SWITCHBOARD_ADMIN_EMAIL: 'admin@example.com',
      SWITCHBOARD_ADMIN_PASSWORD: 'correct-horse-battery-staple',
    }),
    { logger: createLogger('trace', sink), passwords: scryptHasher({ N: 1024, r: 8, p: 1 }), print: () => {}, editorDist: null },
  );
  const flow = chatFlowDocument();
  await running.deps.stores.flows.create(flow, null);
  await running.deps.stores.flows.publish(flow.id, { note: 'test', by: null, flow });
});
afterAll(async () => {
  await running.close();
  rmSync(dataDir, { recursive: true, force: true });
});

it('writes no value a customer typed, or an admin searched for, to any log line, even at trace level', async () => {
  const http = request(running.url);
  const started = await http.post('/api/chat/flow-chat/sessions').expect(201);
  const auth = `Bearer ${started.body.sessionToken}`;
  await http.post(`/api/chat/sessions/${started.body.sessionId}/messages`).set('Authorization', auth).send({ optionId: 'order' }).expect(200);
  await http.post(`/api/chat/sessions/${started.body.sessionId}/messages`).set('Authorization', auth).send({ text: EMAIL }).expect(200);
  // A bad request carrying the value, too: the 400 is logged without the body.
  await http.post(`/api/chat/sessions/${started.body.sessionId}/messages`).set('Authorization', auth).send({ text: EMAIL, extra: EMAIL }).expect(400);

  const login = await http.post('/api/auth/login').send({ email: 'admin@example.com', password: 'correct-horse-battery-staple' }).expect(200);
  const cookie = (login.headers['set-cookie'] as unknown as string[]).map((c) => c.split(';')[0]).join('; ');
  const found = await http
    .post('/api/privacy/conversations/search')
    .set('Cookie', cookie)
    .set('X-CSRF-Token', login.body.csrfToken)
    .send({ query: EMAIL })
    .expect(200);
  expect(found.body.conversations).toHaveLength(1);

  await new Promise((r) => setImmediate(r));
  expect(lines.length).toBeGreaterThan(4);
  const all = lines.join('');
  expect(all).not.toContain(EMAIL);
  expect(all).not.toContain('kowalski');
  // Without LOG_CLIENT_IP the request lines carry no client address or user agent.
  expect(all).not.toContain('remoteAddress');
  expect(all).not.toContain('userAgent');
});
