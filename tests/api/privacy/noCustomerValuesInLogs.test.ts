import { Writable } from 'node:stream';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createLogger } from '../../../api/src/logger';
import { startTestServer, type TestServer } from '../chat/support/testServer';
import { describeOnEachBackend } from '../support/backends';

const EMAIL = 'jan.kowalski.secretive@example.pl';

describeOnEachBackend('customer values in logs', (backend) => {
  const lines: string[] = [];
  let s: TestServer;

  beforeAll(async () => {
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    s = await startTestServer({ backend, logger: createLogger('trace', sink) });
    await s.publish();
  });
  afterAll(async () => {
    await s.stop();
  });

  it('writes no value a customer typed, or an admin searched for, to any log line, even at trace level', async () => {
    const http = s.http;
    const started = await http.post('/api/chat/flow-chat/sessions').expect(201);
    const auth = `Bearer ${started.body.sessionToken}`;
    await http.post(`/api/chat/sessions/${started.body.sessionId}/messages`).set('Authorization', auth).send({ optionId: 'order' }).expect(200);
    await http.post(`/api/chat/sessions/${started.body.sessionId}/messages`).set('Authorization', auth).send({ text: EMAIL }).expect(200);
    // A bad request carrying the value, too: the 400 is logged without the body.
    await http.post(`/api/chat/sessions/${started.body.sessionId}/messages`).set('Authorization', auth).send({ text: EMAIL, extra: EMAIL }).expect(400);

    const admin = await s.signIn('admin');
    const found = await http.post('/api/privacy/conversations/search').set('Cookie', admin.cookie).set('X-CSRF-Token', admin.csrf).send({ query: EMAIL }).expect(200);
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
});
