import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import { as, makeTestApp, type TestApp } from './support/testApp';
import { helpDeskFlow } from './support/intentFaqHttpFlows';
import { createChatModule, type ChatModule } from '../../api/src/chat/chatModule';
import { json, loopbackServer, makeClient, type Harness } from '../unit/outbound/support/harness';
import { parseFlowModels } from '../../runtime/src/nlu/modelSchema';

const API_KEY = 'sk_test_TOPSECRET_4f9a';
let t: TestApp;
let chat: ChatModule;
let outbound: Harness;
let shop: Awaited<ReturnType<typeof loopbackServer>>;

beforeAll(async () => {
  shop = await loopbackServer({
    '/orders/A1': (req, res) => json(res, req.headers.authorization === `Bearer ${API_KEY}` ? 200 : 401, { status: 'shipped' }),
    '/orders/BROKEN': (_req, res) => json(res, 500, { error: 'boom' }),
    '/orders/SLOW': (_req, res) => setTimeout(() => json(res, 200, { status: 'late' }), 3000),
  });
  // Loopback is admitted by the allowlist only; any other address would throw in the connector.
  outbound = makeClient(['127.0.0.1']);
  t = await makeTestApp({
    chat: (deps) => {
      deps.outbound = outbound.client;
      chat = createChatModule(deps);
      return chat.routes;
    },
  });
  t.deps.outbound = outbound.client;
  // Someone is on duty, so a handoff waits for them instead of taking its offline branch.
  await chat.store.setAvailability({ id: 'agent-1', name: 'Ann' }, 'online', t.now.value);
  await as(t.app, t.accounts.admin).put('/api/secrets/API_KEY').send({ value: API_KEY, hosts: ['127.0.0.1'] }).expect(201);
  const editor = as(t.app, t.accounts.editor);
  await editor.post('/api/flows').send({ document: helpDeskFlow('help-desk', `${shop.base}/orders/{{order}}`) }).expect(201);
  await editor.post('/api/flows/help-desk/publish').send({ note: 'v1' }).expect(201);
});

afterAll(async () => {
  await chat?.close();
  await outbound?.client.close();
  await shop?.close();
  await t?.close();
});

async function conversation() {
  const started = await request(t.app).post('/api/chat/help-desk/sessions').expect(201);
  const auth = `Bearer ${started.body.sessionToken}`;
  const say = async (body: { text: string } | { optionId: string }) =>
    (await request(t.app).post(`/api/chat/sessions/${started.body.sessionId}/messages`).set('Authorization', auth).send(body).expect(200)).body as {
      messages: { from: string; text?: string }[];
      input: { type: string };
      status: string;
    };
  const botTexts = (r: { messages: { from: string; text?: string }[] }) => r.messages.filter((m) => m.from === 'bot').map((m) => m.text);
  return { started: started.body, say, botTexts, sessionId: started.body.sessionId as string };
}

describe('publishing a flow with intent steps', () => {
  it('stores validated models with the version, one per intent step, FAQ and the global intents', async () => {
    const file = path.join(t.dataDir, 'models', 'help-desk', 'v1.json');
    const parsed = parseFlowModels(JSON.parse(await readFile(file, 'utf8')));
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(Object.keys(parsed.models).sort()).toEqual(['__global', 'faq', 'understand']);
    // The lowdb document stays small: no weights inside it.
    const lowdbFiles = (await readdir(t.dataDir)).filter((f) => f.endsWith('.json'));
    for (const f of lowdbFiles) expect(await readFile(path.join(t.dataDir, f), 'utf8')).not.toContain('"weights"');
  });

  it('reports phrase clashes as warnings when validating', async () => {
    const doc = helpDeskFlow('clash');
    const intent = doc.nodes.find((n) => n.id === 'understand')!;
    (intent.data as { intents: { examples: string[] }[] }).intents[1]!.examples.push('Where is my order?');
    const res = await as(t.app, t.accounts.editor).post('/api/flows/help-desk/validate').send(doc).expect(200);
    expect(res.body.problems).toContainEqual(expect.objectContaining({ code: 'phrase-clash', severity: 'warning', nodeId: 'understand' }));
  });
});

describe('chat through the new steps', () => {
  it('routes free text through the intent step into the FAQ, records feedback and asks for a rating', async () => {
    const c = await conversation();
    expect(c.botTexts(c.started)).toEqual(['How can I help?']);
    expect(c.started.input).toMatchObject({ type: 'text', inputKind: 'text' });
    const r1 = await c.say({ text: 'I have a quick question' });
    expect(c.botTexts(r1)).toEqual(['Go ahead, ask.']);
    const r2 = await c.say({ text: 'how much does delivery cost?' });
    expect(c.botTexts(r2)).toEqual(['Shipping is free over 100 PLN.', 'Did that help?']);
    expect(r2.input).toMatchObject({ type: 'choice', options: [{ id: 'yes' }, { id: 'no' }] });
    const r3 = await c.say({ optionId: 'yes' });
    expect(c.botTexts(r3)).toEqual(['How did we do?']);
    expect(r3.input).toEqual({ type: 'rating', nodeId: 'csat', scale: 5, allowComment: false });
    const r4 = await c.say({ text: '★★★★' });
    expect(c.botTexts(r4)).toEqual(['Bye!']);
    const events = await chat.store.listEvents(c.sessionId);
    expect(events.find((e) => e.name === 'faqFeedback')?.data).toEqual({ itemId: 'shipping', helpful: true });
    expect(events.find((e) => e.name === 'csat')?.data).toEqual({ rating: 4 });
  });

  it('calls the business system within the same turn and maps the answer, sending the secret only on the wire', async () => {
    const c = await conversation();
    await c.say({ text: 'where is my parcel?' });
    const r = await c.say({ text: 'A1' });
    expect(c.botTexts(r)).toEqual(['Order A1 is shipped.', 'How did we do?']);
    expect(shop.received.at(-1)).toMatchObject({ method: 'GET', url: '/orders/A1' });
    expect(shop.received.at(-1)!.headers.authorization).toBe(`Bearer ${API_KEY}`);
    const record = await chat.store.get(c.sessionId);
    const stored = JSON.stringify([record, await chat.store.listEvents(c.sessionId), await chat.store.listMessages(c.sessionId, 0)]);
    expect(stored).not.toContain(API_KEY);
    expect(record!.session.variables.orderStatus).toBe('shipped');
    expect(outbound.forbidden).toEqual([]);
  });

  it('takes the error branch with a generic message on a failing status and on a timeout', async () => {
    for (const order of ['BROKEN', 'SLOW']) {
      const c = await conversation();
      await c.say({ text: 'track my parcel' });
      const r = await c.say({ text: order });
      expect(c.botTexts(r)).toEqual(['I cannot check orders right now.', 'Connecting you to a person.']);
      const record = await chat.store.get(c.sessionId);
      expect(record!.session.variables.lookupError).toBe(order === 'BROKEN' ? 'status' : 'timeout');
    }
  });

  it('lets a global intent interrupt a question', async () => {
    const c = await conversation();
    await c.say({ text: 'where is my order' });
    const r = await c.say({ text: 'can I talk to a human please' });
    expect(c.botTexts(r)).toEqual(['Connecting you to a person.']);
    expect(r.status).toBe('handedOff');
  });

  it('records every fallback for the unrecognised-messages review', async () => {
    const c = await conversation();
    const r = await c.say({ text: 'blorp snazzle quux' });
    expect(c.botTexts(r)).toEqual(['Sorry, I did not understand.', 'Connecting you to a person.']);
    const list = await as(t.app, t.accounts.editor).get('/api/flows/help-desk/unrecognized').expect(200);
    expect(list.body.items[0]).toMatchObject({ text: 'blorp snazzle quux', nodeId: 'understand', version: 1, sessionId: c.sessionId, reason: 'lowConfidence' });
    expect(list.body.items[0].at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    await as(t.app, t.accounts.agent).get('/api/flows/help-desk/unrecognized').expect(403);
    await as(t.app, t.accounts.editor).get('/api/flows/nope/unrecognized').expect(404);
    const v2 = await as(t.app, t.accounts.editor).get('/api/flows/help-desk/unrecognized?version=2').expect(200);
    expect(v2.body.items).toEqual([]);
  });
});

describe('POST /api/flows/:id/preview/http', () => {
  it('runs the step with the given variables and shows the request without the secret', async () => {
    const res = await as(t.app, t.accounts.editor).post('/api/flows/help-desk/preview/http').send({ nodeId: 'lookup', variables: { order: 'A1' } }).expect(200);
    expect(res.body).toMatchObject({ ok: true, status: 200, json: { status: 'shipped' }, variables: { orderStatus: 'shipped' } });
    expect(res.body.request.headers).toContainEqual({ name: 'Authorization', value: 'Bearer {{secret.API_KEY}}' });
    expect(JSON.stringify(res.body)).not.toContain(API_KEY);
  });

  it('reports a failure by kind only', async () => {
    const res = await as(t.app, t.accounts.editor).post('/api/flows/help-desk/preview/http').send({ nodeId: 'lookup', variables: { order: 'BROKEN' } }).expect(200);
    expect(res.body).toMatchObject({ ok: false, errorKind: 'status', status: 500 });
    expect(res.body.json).toBeUndefined();
  });

  it('is for editors and admins, and only for HTTP steps', async () => {
    await as(t.app, t.accounts.agent).post('/api/flows/help-desk/preview/http').send({ nodeId: 'lookup' }).expect(403);
    const wrong = await as(t.app, t.accounts.editor).post('/api/flows/help-desk/preview/http').send({ nodeId: 'faq' }).expect(400);
    expect(wrong.body.error.details).toEqual([{ path: 'nodeId', message: 'is not an HTTP request step of this flow' }]);
  });
});

describe('export', () => {
  it('keeps the secret reference and never its value', async () => {
    const res = await as(t.app, t.accounts.editor).get('/api/flows/help-desk/export').expect(200);
    expect(res.text).toContain('{{secret.API_KEY}}');
    expect(res.text).not.toContain(API_KEY);
  });
});
