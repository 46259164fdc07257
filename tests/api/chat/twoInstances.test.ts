import http from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { TurnResult } from '../../../runtime/src/chat/conversationStore';
import { as, makeTestApp, type Account, type TestApp } from '../support/testApp';
import { createChatModule, type ChatModule } from '../../../api/src/chat/chatModule';
import { chatFlowDocument } from '../../unit/chat/support/chatFlow';
import { PostgresConversationStore } from '../../../api/src/storage/postgres/postgresConversationStore';
import { createTestDatabase, runPostgresTests, TEST_SECRET_KEY, type TestDatabase } from '../../support/postgres';

// Two instances of the app on one PostgreSQL database, each with its own pool and its own HTTP
// server, as behind a load balancer without sticky sessions: any request may reach either.

interface Instance {
  t: TestApp;
  chat: ChatModule;
  server: http.Server;
  url: string;
}

let database: TestDatabase;
const instances: Instance[] = [];

async function startInstance(): Promise<Instance> {
  let chat: ChatModule | undefined;
  const t = await makeTestApp({
    env: { DATABASE_URL: database.url, SWITCHBOARD_SECRET_KEY: TEST_SECRET_KEY },
    chat: (deps) => (chat = createChatModule(deps, { retention: { enabled: false } })).routes,
  });
  await chat!.whenReady();
  // DATABASE_URL alone puts conversations in PostgreSQL.
  expect(chat!.store).toBeInstanceOf(PostgresConversationStore);
  // Core stores may be per instance here; both publish the same flow, so version 1 is the same document.
  const editor = as(t.app, t.accounts.editor);
  await editor.post('/api/flows').send({ document: chatFlowDocument() }).expect(201);
  await editor.post('/api/flows/flow-chat/publish').send({ note: 'v1' }).expect(201);
  const server = http.createServer(t.app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const instance = { t, chat: chat!, server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
  instances.push(instance);
  return instance;
}

function asAgent(instance: Instance, account: Account) {
  return (method: 'post' | 'put', path: string) => request(instance.url)[method](path).set('Cookie', account.cookie).set('X-CSRF-Token', account.csrf);
}

let a: Instance;
let b: Instance;

describe.skipIf(!runPostgresTests)('two instances on one PostgreSQL database', () => {
  beforeAll(async () => {
    database = await createTestDatabase('sb_api');
    a = await startInstance();
    b = await startInstance();
  });

  afterAll(async () => {
    for (const i of instances) {
      await new Promise<void>((resolve) => i.server.close(() => resolve()));
      await i.chat.close();
      await i.t.close();
    }
    await database?.drop();
  });

  it('applies two customer messages sent through both instances at the same moment one after the other', async () => {
    // What each instance's store answered, to show the two turns did race for the same conversation.
    const outcomes: TurnResult[] = [];
    for (const i of [a, b]) {
      const commit = i.chat.store.commitTurn.bind(i.chat.store);
      vi.spyOn(i.chat.store, 'commitTurn').mockImplementation(async (turn) => {
        const result = await commit(turn);
        outcomes.push(result);
        return result;
      });
    }
    for (let round = 0; round < 8; round++) {
      const started = await request(a.url).post('/api/chat/flow-chat/sessions').expect(201);
      const { sessionId, sessionToken } = started.body as { sessionId: string; sessionToken: string };
      const turnBefore = (await a.chat.store.get(sessionId))!.session.turn;
      const say = (i: Instance) =>
        request(i.url).post(`/api/chat/sessions/${sessionId}/messages`).set('Authorization', `Bearer ${sessionToken}`).send({ optionId: 'loop' });
      const replies = await Promise.all([say(a), say(b)]);
      expect(replies.map((r) => r.status)).toEqual([200, 200]);
      // Each request answers with its own turn: its customer message and one bot reply.
      for (const r of replies) {
        expect(r.body.messages.map((m: { from: string; text: string }) => [m.from, m.text])).toEqual([
          ['customer', 'Again'],
          ['bot', 'What do you need?'],
        ]);
      }
      const ids = replies.flatMap((r) => r.body.messages.map((m: { id: number }) => m.id)).sort((x: number, y: number) => x - y);
      expect(ids).toEqual([3, 4, 5, 6]);
      // Neither turn was lost: the engine moved twice.
      expect((await b.chat.store.get(sessionId))!.session.turn).toBe(turnBefore + 2);

      // Either instance reads the same transcript: both turns, whole and in order, no reply twice.
      for (const i of [a, b]) {
        const transcript = await request(i.url).get(`/api/chat/sessions/${sessionId}/messages`).set('Authorization', `Bearer ${sessionToken}`).expect(200);
        const messages = transcript.body.messages as { id: number; from: string; text: string }[];
        expect(messages.map((m) => m.id)).toEqual([1, 2, 3, 4, 5, 6]);
        expect(messages.map((m) => `${m.from}:${m.text}`)).toEqual([
          'bot:Hello from v1',
          'bot:What do you need?',
          'customer:Again',
          'bot:What do you need?',
          'customer:Again',
          'bot:What do you need?',
        ]);
      }
    }
    // At least once the second turn found the conversation moved and was replayed on the fresh state.
    expect(outcomes.some((o) => !o.ok && o.reason === 'conflict')).toBe(true);
    expect(outcomes.filter((o) => o.ok)).toHaveLength(16);
    vi.restoreAllMocks();
  });

  it('gives a handed-off conversation to exactly one of two agents claiming through both instances', async () => {
    await asAgent(a, a.t.accounts.agent)('put', '/api/inbox/availability').send({ status: 'online' }).expect(200);
    for (let round = 0; round < 5; round++) {
      const started = await request(b.url).post('/api/chat/flow-chat/sessions').expect(201);
      const { sessionId, sessionToken } = started.body as { sessionId: string; sessionToken: string };
      const handedOff = await request(b.url).post(`/api/chat/sessions/${sessionId}/messages`).set('Authorization', `Bearer ${sessionToken}`).send({ optionId: 'human' }).expect(200);
      expect(handedOff.body.status).toBe('handedOff');
      const claims = await Promise.all([
        asAgent(a, a.t.accounts.agent)('post', `/api/inbox/${sessionId}/claim`),
        asAgent(b, b.t.accounts.agent)('post', `/api/inbox/${sessionId}/claim`),
      ]);
      expect(claims.map((r) => r.status).sort()).toEqual([200, 409]);
      const loser = claims.find((r) => r.status === 409)!;
      const winnerId = claims[0]!.status === 200 ? a.t.accounts.agent.id : b.t.accounts.agent.id;
      expect(loser.body.error.code).toBe('already_claimed');
      expect(loser.body.assignedAgent.id).toBe(winnerId);
    }
  });
});
