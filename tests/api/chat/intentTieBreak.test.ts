import { Writable } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import request from 'supertest';
import { as, makeTestApp, type TestApp } from '../support/testApp';
import { createChatModule, type ChatModule } from '../../../api/src/chat/chatModule';
import { createLogger } from '../../../api/src/logger';
import type { FlowDocumentInput } from '../../../runtime/src/schema';
import { checkAnswer } from '../support/contractCheck';
import { contract } from '../../../api/src/contract';
import { startLlmStub, type LlmStub, type StubReply } from '../../support/llmStub';

const at = (y: number) => ({ x: 0, y });

/** An intent step no message clears (threshold 1), so every message goes to the model. */
function unsureFlow(): FlowDocumentInput {
  return {
    schemaVersion: 2,
    id: 'tb',
    name: 'Tie-break',
    nodes: [
      { id: 'start', type: 'start', position: at(0), data: {} },
      {
        id: 'understand',
        type: 'intent',
        position: at(100),
        data: {
          threshold: 1,
          askModelWhenUnsure: true,
          modelTimeBudget: 1,
          intents: [
            { id: 'track', name: 'track order', examples: ['where is my order', 'track my parcel', 'order status', 'has it shipped'] },
            { id: 'refund', name: 'refund', examples: ['I want my money back', 'refund please'] },
          ],
        },
      },
      { id: 'tracking', type: 'end', position: at(200), data: { text: 'Let me look up your order.' } },
      { id: 'refunds', type: 'end', position: at(300), data: { text: 'Refunds take 5 days.' } },
      { id: 'sorry', type: 'end', position: at(400), data: { text: 'Let me get you a person.' } },
    ],
    edges: [
      { id: 'e1', source: 'start', sourceHandle: 'next', target: 'understand' },
      { id: 'e2', source: 'understand', sourceHandle: 'track', target: 'tracking' },
      { id: 'e3', source: 'understand', sourceHandle: 'refund', target: 'refunds' },
      { id: 'e4', source: 'understand', sourceHandle: 'fallback', target: 'sorry' },
    ],
  };
}

let t: TestApp;
let chat: ChatModule;
let stub: LlmStub;
const lines: string[] = [];

beforeAll(async () => {
  stub = await startLlmStub();
  const logger = createLogger('info', new Writable({ write: (c, _e, done) => (lines.push(String(c)), done()) }));
  t = await makeTestApp({
    logger,
    env: { SWITCHBOARD_HTTP_ALLOWLIST: '127.0.0.1' },
    chat: (deps) => {
      chat = createChatModule(deps);
      return chat.routes;
    },
  });
  await as(t.app, t.accounts.admin)
    .put('/api/settings/language-model')
    .send({ providers: [{ id: 'main', name: 'Stub', baseUrl: stub.baseUrl, model: 'stub-1', timeoutSeconds: 5, maxAnswerTokens: 200, apiKey: 'sk-tb' }], defaultProviderId: 'main', maskPersonalData: true, monthlyTokenBudget: null })
    .expect(200);
  const editor = as(t.app, t.accounts.editor);
  await editor.post('/api/flows').send({ document: unsureFlow() }).expect(201);
  const published = await editor.post('/api/flows/tb/publish').send({ note: 'v1' });
  if (published.status !== 201) throw new Error(JSON.stringify(published.body));
});

afterAll(async () => {
  await chat?.close();
  await stub?.close();
  await t?.close();
});

beforeEach(() => {
  stub.requests.length = 0;
  lines.length = 0;
});

async function ask(text: string) {
  const started = await request(t.app).post('/api/chat/tb/sessions').expect(201);
  const sessionId = started.body.sessionId as string;
  const r = await request(t.app).post(`/api/chat/sessions/${sessionId}/messages`).set('Authorization', `Bearer ${started.body.sessionToken}`).send({ text }).expect(200);
  const bot = (r.body.messages as { from: string; text?: string }[]).filter((m) => m.from === 'bot' && m.text !== undefined).map((m) => m.text);
  const events = await chat.store.listEvents(sessionId);
  return { bot, tieBreak: events.find((e) => e.name === 'intentTieBreak')?.data };
}

describe('intent step tie-break by the language model (stub model on loopback)', () => {
  it('a pick routes to that intent; the model got the closed set of ids and the masked message as quoted data', async () => {
    stub.script({ kind: 'answer', text: ' refund\n' });
    const r = await ask('my shoes pinch, anna@example.com, sort it out');
    expect(r.bot).toEqual(['Refunds take 5 days.']);
    expect(r.tieBreak).toMatchObject({ modelPick: 'refund', outcome: 'picked' });
    expect(typeof r.tieBreak!.classifierScore).toBe('number');
    const [system, user] = stub.requests[0]!.body.messages!;
    expect(system!.content).toContain('- track: track order (for example "where is my order", "track my parcel", "order status")');
    expect(system!.content).not.toContain('has it shipped');
    expect(system!.content).toContain('exactly NONE');
    expect(system!.content).not.toContain('shoes');
    expect(user!.content).toContain('my shoes pinch, [email], sort it out');
    expect(JSON.stringify(stub.requests[0]!.body)).not.toContain('anna@example.com');
    expect(lines.join('')).toContain('intent tie-break: picked');
  });

  it('NONE takes the fallback', async () => {
    stub.script({ kind: 'answer', text: 'NONE' });
    const r = await ask('what is the weather');
    expect(r.bot).toEqual(['Let me get you a person.']);
    expect(r.tieBreak).toMatchObject({ modelPick: null, outcome: 'none' });
  });

  it.each([
    ['a reply that is not one of the ids', { kind: 'answer', text: 'The customer wants a refund.' } as StubReply, 'notAnIntent'],
    ['a reply naming the fallback', { kind: 'answer', text: 'fallback' } as StubReply, 'notAnIntent'],
    ['a provider error', { kind: 'status', status: 500 } as StubReply, 'unavailable'],
    ['no answer within the 1-second budget', { kind: 'hang' } as StubReply, 'timeout'],
  ])('%s takes the fallback and logs why', async (_name, reply, reason) => {
    stub.script(reply);
    const started = Date.now();
    const r = await ask('hmm something');
    expect(Date.now() - started).toBeLessThan(4000);
    expect(r.bot).toEqual(['Let me get you a person.']);
    expect(r.tieBreak).toMatchObject({ modelPick: null, outcome: 'failed', reason });
    expect(lines.join('')).toContain('intent tie-break:');
  });

  it('the editor preview gets the pick, the masked text sent and the raw reply (checked against the contract)', async () => {
    stub.script({ kind: 'answer', text: 'track' });
    const body = {
      nodeId: 'understand',
      request: { text: 'parcel? call +48 600 100 200', intents: [{ id: 'track', name: 'track order', examples: ['where is my order'] }, { id: 'refund', name: 'refund', examples: [] }], timeoutMs: 1000 },
    };
    const res = await as(t.app, t.accounts.editor).post('/api/flows/tb/preview/intent-pick').send(body).expect(200);
    expect(res.body).toMatchObject({ pick: 'track', trace: { masked: 1, raw: 'track' } });
    expect(res.body.trace.sent[1].content).toContain('parcel? call [phone]');
    expect(checkAnswer(contract.previewIntentPick.previewIntentPick, 200, 'application/json', res.text)).toBeNull();
    stub.script({ kind: 'answer', text: 'banana' });
    const refused = await as(t.app, t.accounts.editor).post('/api/flows/tb/preview/intent-pick').send(body).expect(200);
    expect(refused.body).toMatchObject({ pick: null, reason: 'notAnIntent', trace: { raw: 'banana' } });
    const bad = await as(t.app, t.accounts.editor).post('/api/flows/tb/preview/intent-pick').send({ ...body, request: { ...body.request, timeoutMs: 60_000 } });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('timeoutMs');
    expect((await as(t.app, t.accounts.agent).post('/api/flows/tb/preview/intent-pick').send(body)).status).toBe(403);
    expect((await as(t.app, t.accounts.editor).post('/api/flows/nope/preview/intent-pick').send(body)).status).toBe(404);
  });
});
