import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, makeTestApp, type TestApp } from '../support/testApp';
import { helpDeskFlow } from '../support/intentFaqHttpFlows';
import { createChatModule, type ChatModule } from '../../../api/src/chat/chatModule';
import { json, loopbackServer, makeClient, type Harness } from '../../unit/outbound/support/harness';
import { secretForms } from '../../../api/src/secrets';
import type { FlowDocumentInput } from '../../../runtime/src/schema';

const SECRET = 'sk_live_Very+Secret/Value=42"x';
let t: TestApp;
let chat: ChatModule;
let outbound: Harness;
let echo: Awaited<ReturnType<typeof loopbackServer>>;

/** Answers with every way a careless or hostile server could hand the credential back. */
function echoAll(auth: string) {
  const token = auth.replace(/^Bearer /, '');
  return {
    status: auth,
    urlEncoded: encodeURIComponent(token),
    jsonEscaped: JSON.stringify(token),
    base64: Buffer.from(token).toString('base64'),
    basic: Buffer.from(`user:${token}`).toString('base64'),
    base64url: Buffer.from(`xy${token}`).toString('base64url'),
    [token]: 'as a key',
  };
}

function postFlow(id: string, url: string): FlowDocumentInput {
  const flow = helpDeskFlow(id, url);
  const lookup = flow.nodes.find((n) => n.id === 'lookup')!;
  Object.assign(lookup.data, { method: 'POST', body: '{"token": "{{secret.API_KEY}}"}', headers: [] });
  return flow;
}

beforeAll(async () => {
  echo = await loopbackServer({
    '/echo': (req, res) => json(res, 200, echoAll(String(req.headers.authorization ?? ''))),
    '/text': (req, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end(`oops ${String(req.headers.authorization).slice(7, 20)} tail`),
    '/hop': (_req, res) => res.writeHead(307, { location: `http://localhost:${echo.port}/echo` }).end(),
  });
  outbound = makeClient(['127.0.0.1'], { localhost: ['127.0.0.1'] });
  t = await makeTestApp({
    chat: (deps) => {
      deps.outbound = outbound.client;
      chat = createChatModule(deps);
      return chat.routes;
    },
  });
  t.deps.outbound = outbound.client;
  const editor = as(t.app, t.accounts.editor);
  await editor.post('/api/flows').send({ document: helpDeskFlow('echo-desk', `${echo.base}/{{order}}`) }).expect(201);
  await editor.post('/api/flows').send({ document: postFlow('post-desk', `${echo.base}/hop`) }).expect(201);
});
afterAll(async () => {
  await chat.close();
  await outbound.client.close();
  await echo.close();
  await t.close();
});

const admin = () => as(t.app, t.accounts.admin);
const preview = (flow: string, order: string) =>
  as(t.app, t.accounts.editor).post(`/api/flows/${flow}/preview/http`).send({ nodeId: 'lookup', variables: { order } });

describe('secrets bound to hosts', () => {
  it('a new secret needs hosts, and they are listed (never the value)', async () => {
    const res = await admin().put('/api/secrets/API_KEY').send({ value: SECRET });
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].path).toBe('hosts');
    expect((await admin().put('/api/secrets/API_KEY').send({ value: SECRET, hosts: ['https://x.pl/'] })).status).toBe(400);
    const created = await admin().put('/api/secrets/API_KEY').send({ value: SECRET, hosts: ['Shop.Example.com', '*.shop.pl'] });
    expect(created.status).toBe(201);
    expect(created.body.secret.hosts).toEqual(['shop.example.com', '*.shop.pl']);
    expect(JSON.stringify((await as(t.app, t.accounts.editor).get('/api/secrets')).body)).not.toContain('Very');
  });

  it('refuses a request that would carry the secret to another host, with a clear step error', async () => {
    const res = await preview('echo-desk', 'echo').expect(200);
    expect(res.body).toMatchObject({ ok: false, errorKind: 'secretNotAllowed' });
    expect(res.body.detail).toMatch(/API_KEY may only be sent to shop.example.com, \*\.shop\.pl, not to 127\.0\.0\.1/);
    expect(echo.received).toHaveLength(0);
  });

  it('a secret saved before hosts existed is refused until an admin adds hosts', async () => {
    await t.deps.stores.secrets.setHosts('API_KEY', []);
    const refused = await preview('echo-desk', 'echo').expect(200);
    expect(refused.body.detail).toMatch(/no allowed hosts yet; an admin must add/);
    const updated = await admin().put('/api/secrets/API_KEY').send({ hosts: ['127.0.0.1'] }).expect(200);
    expect(updated.body.secret.hosts).toEqual(['127.0.0.1']);
    expect((await admin().put('/api/secrets/NOPE').send({ hosts: ['127.0.0.1'] })).status).toBe(404);
  });

  it('redacts every common encoding of the value from what the preview returns and from mapped variables', async () => {
    const res = await preview('echo-desk', 'echo').expect(200);
    expect(res.body.ok).toBe(true);
    const shown = JSON.stringify(res.body);
    for (const form of secretForms(SECRET)) expect(shown).not.toContain(form);
    expect(shown).not.toContain('Very+Secret');
    expect(res.body.variables.orderStatus).toBe('Bearer [secret]');
    expect(res.body.json.basic).toContain('[secret]');
    expect(res.body.json['[secret]']).toBe('as a key');
  });

  it('keeps a fragment of the secret in a non-JSON answer out of the warn log', async () => {
    outbound.lines.length = 0;
    const res = await preview('echo-desk', 'text').expect(200);
    expect(res.body.errorKind).toBe('invalidJson');
    const log = outbound.lines.join('\n');
    expect(log).toContain('HTTP request step failed');
    expect(log).not.toContain(SECRET.slice(0, 13));
    expect(log).not.toContain('oops');
  });

  it('refuses a 307 redirect that would re-send a body holding the secret to another host', async () => {
    const before = echo.received.length;
    const res = await preview('post-desk', 'x').expect(200);
    expect(res.body).toMatchObject({ ok: false, errorKind: 'refused' });
    // The first hop went out (its host is allowed); the redirected one never did.
    expect(echo.received.slice(before).map((r) => r.url)).toEqual(['/hop']);
    expect(outbound.lines.join('\n')).toContain('not among its allowed hosts');
  });
});
