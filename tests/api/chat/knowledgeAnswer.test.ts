import { Writable } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import request from 'supertest';
import { as, makeTestApp, type TestApp } from '../support/testApp';
import { createChatModule, type ChatModule } from '../../../api/src/chat/chatModule';
import { createLogger } from '../../../api/src/logger';
import { InMemoryRetriever } from '../../../runtime/src/knowledge/inMemoryRetriever';
import type { CustomerEvent } from '../../../runtime/src/chat/chatEvents';
import type { FlowDocumentInput } from '../../../runtime/src/schema';
import { startLlmStub, type LlmStub } from '../../support/llmStub';

const at = (y: number) => ({ x: 0, y });
const KEY = 'sk-kb-TOPSECRET-77';

function kbFlow(): FlowDocumentInput {
  return {
    schemaVersion: 2,
    id: 'kb',
    name: 'Knowledge',
    nodes: [
      { id: 'start', type: 'start', position: at(0), data: {} },
      { id: 'ask', type: 'knowledgeAnswer', position: at(100), data: { text: 'Ask me about returns.', tone: 'Friendly', askHelpful: true } },
      { id: 'more', type: 'end', position: at(200), data: { text: 'Glad to help.' } },
      { id: 'agent', type: 'handoff', position: at(300), data: { text: 'Let me find a person for you.', queue: 'support' } },
      { id: 'sorry', type: 'end', position: at(400), data: { text: 'Sorry, I cannot answer right now.' } },
    ],
    edges: [
      { id: 'e1', source: 'start', sourceHandle: 'next', target: 'ask' },
      { id: 'e2', source: 'ask', sourceHandle: 'answered', target: 'more' },
      { id: 'e3', source: 'ask', sourceHandle: 'noAnswer', target: 'agent' },
      { id: 'e4', source: 'ask', sourceHandle: 'error', target: 'sorry' },
      { id: 'e5', source: 'agent', sourceHandle: 'resolved', target: 'more' },
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
      deps.knowledgeRetriever = new InMemoryRetriever([
        { id: 'returns', title: 'Returns policy', url: 'https://shop.example.com/returns', passages: ['You can return shoes within 30 days of delivery.'] },
      ]);
      chat = createChatModule(deps);
      return chat.routes;
    },
  });
  await chat.store.setAvailability({ id: 'agent-1', name: 'Ann' }, 'online', t.now.value);
  await as(t.app, t.accounts.admin)
    .put('/api/settings/language-model')
    .send({ providers: [{ id: 'main', name: 'Stub', baseUrl: stub.baseUrl, model: 'stub-1', timeoutSeconds: 2, maxAnswerTokens: 200, apiKey: KEY }], defaultProviderId: 'main', maskPersonalData: true, monthlyTokenBudget: null })
    .expect(200);
  const editor = as(t.app, t.accounts.editor);
  await editor.post('/api/flows').send({ document: kbFlow() }).expect(201);
  const published = await editor.post('/api/flows/kb/publish').send({ note: 'v1' });
  if (published.status !== 201) throw new Error(JSON.stringify(published.body));
});

afterAll(async () => {
  await chat?.close();
  await stub?.close();
  await t?.close();
});

beforeEach(() => {
  stub.requests.length = 0;
});

async function conversation() {
  const started = await request(t.app).post('/api/chat/kb/sessions').expect(201);
  const sessionId = started.body.sessionId as string;
  const drafts: (string | null)[] = [];
  const unsubscribe = chat.events.subscribeCustomer(sessionId, (e: CustomerEvent) => {
    if (e.type === 'answerDraft') drafts.push(e.text);
  });
  const say = async (body: { text: string } | { optionId: string }) =>
    (await request(t.app).post(`/api/chat/sessions/${sessionId}/messages`).set('Authorization', `Bearer ${started.body.sessionToken}`).send(body).expect(200)).body as {
      messages: { from: string; kind: string; text?: string; links?: { label: string; url: string }[] }[];
      input: { type: string };
      status: string;
    };
  return { say, drafts, unsubscribe, first: started.body };
}

const bot = (r: { messages: { from: string; text?: string }[] }) => r.messages.filter((m) => m.from === 'bot' && m.text !== undefined).map((m) => m.text);

describe('"Answer from knowledge" in a live chat (stub model on loopback, in-memory knowledge)', () => {
  it('streams the answer, then stores it with its source link; the model got the masked question as quoted data', async () => {
    stub.script({ kind: 'answer', text: 'You have 30 days to return shoes [1].', chunkDelayMs: 70 });
    const c = await conversation();
    const r = await c.say({ text: 'How long can I return shoes? I am anna@example.com' });
    expect(bot(r)).toEqual(['You have 30 days to return shoes.', 'Did that help?']);
    expect(r.messages).toContainEqual(expect.objectContaining({ from: 'bot', links: [{ label: 'Returns policy', url: 'https://shop.example.com/returns' }] }));
    expect(c.drafts.length).toBeGreaterThan(1);
    expect(c.drafts.at(-1)).toMatch(/^You have 30 days/);
    const sent = stub.requests[0]!.body;
    expect(sent.stream).toBe(true);
    expect(sent.messages![1]!.content).toContain('I am [email]');
    expect(JSON.stringify(sent)).not.toContain('anna@example.com');
    expect(stub.requests[0]!.authorization).toBe(`Bearer ${KEY}`);
    const yes = await c.say({ optionId: 'yes' });
    expect(bot(yes)).toEqual(['Glad to help.']);
    c.unsubscribe();
    const events = await chat.store.listEvents(c.first.sessionId);
    expect(events.filter((e) => e.name.startsWith('knowledge')).map((e) => [e.name, e.data])).toEqual([
      ['knowledgeAnswer', { outcome: 'answered', sources: 1 }],
      ['knowledgeFeedback', { helpful: true }],
    ]);
    expect(lines.join('')).toContain('answer from knowledge: answered');
  });

  it('a question the knowledge does not cover goes to noAnswer and on to the handoff, without asking the model', async () => {
    const c = await conversation();
    const r = await c.say({ text: 'Do you sell bicycles?' });
    expect(bot(r)).toEqual(['Let me find a person for you.']);
    expect(r.status).toBe('handedOff');
    expect(stub.requests).toHaveLength(0);
    expect(lines.join('')).toContain('answer from knowledge: noAnswer (nothingRetrieved)');
  });

  it('the model saying NO_ANSWER also hands off', async () => {
    stub.script({ kind: 'answer', text: 'NO_ANSWER' });
    const c = await conversation();
    expect((await c.say({ text: 'Can I return shoes I wore for a year?' })).status).toBe('handedOff');
    expect(c.drafts.filter((d) => d)).toEqual([]);
  });

  it.each([
    ['a provider error', { kind: 'status', status: 500 } as const, 'unavailable'],
    ['a slow answer', { kind: 'hang' } as const, 'timeout'],
    ['a broken stream', { kind: 'broken', text: 'You have' } as const, 'brokenStream'],
    ['a 429 asking to wait a minute', { kind: 'status', status: 429, retryAfter: '60' } as const, 'rateLimited'],
    ['an oversized answer', { kind: 'oversized', chars: 100_000 } as const, 'tooLong'],
  ])('%s takes the error output with a log line naming it', async (_name, reply, reason) => {
    stub.script(reply);
    const c = await conversation();
    const r = await c.say({ text: 'How long can I return shoes?' });
    expect(bot(r)).toEqual(['Sorry, I cannot answer right now.']);
    expect(lines.join('')).toContain(`language model request failed: ${reason}`);
    expect(lines.join('')).toContain(`answer from knowledge: error (${reason})`);
    expect(lines.join('')).not.toContain('TOPSECRET');
  });

  it('the editor preview gets the passages, the masked text sent and the raw answer', async () => {
    stub.script({ kind: 'answer', text: 'You have 30 days [1].' });
    const res = await as(t.app, t.accounts.editor)
      .post('/api/flows/kb/preview/knowledge')
      .send({ nodeId: 'ask', request: { question: 'Return shoes? Call me on +48 600 100 200', locale: 'en', maxPassages: 4 } })
      .expect(200);
    expect(res.body).toMatchObject({ outcome: 'answered', text: 'You have 30 days.', sources: [{ label: 'Returns policy' }] });
    expect(res.body.trace.passages).toEqual([expect.objectContaining({ sourceTitle: 'Returns policy', text: 'You can return shoes within 30 days of delivery.' })]);
    expect(res.body.trace.masked).toBe(1);
    expect(res.body.trace.sent[1].content).toContain('Call me on [phone]');
    expect(res.body.trace.raw).toBe('You have 30 days [1].');
    expect((await as(t.app, t.accounts.agent).post('/api/flows/kb/preview/knowledge').send({ nodeId: 'ask', request: { question: 'x', locale: 'en', maxPassages: 1 } })).status).toBe(403);
  });
});
