import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ConversationStore, TurnResult } from '../../../runtime/src/chat/conversationStore';
import { PostgresConversationStore } from '../../../api/src/storage/postgres/postgresConversationStore';
import { chatFlowDocument } from '../../unit/chat/support/chatFlow';
import { createTestDatabase, runPostgresTests, TEST_SECRET_KEY, type TestDatabase } from '../../support/postgres';
import { startTestServer, type SignedIn, type TestServer } from './support/testServer';

// Two real servers on one PostgreSQL database, each with its own pool and its own port, as behind
// a load balancer without sticky sessions: any request may reach either.

let database: TestDatabase;
let a: TestServer;
let b: TestServer;

const storeOf = (s: TestServer): ConversationStore => s.running.deps.chat!.store;

describe.skipIf(!runPostgresTests)('two instances on one PostgreSQL database', () => {
  beforeAll(async () => {
    database = await createTestDatabase('sb_api');
    const start = () =>
      startTestServer({ env: { DATABASE_URL: database.url, SWITCHBOARD_SECRET_KEY: TEST_SECRET_KEY }, chat: { retention: { enabled: false } } });
    [a, b] = await Promise.all([start(), start()]);
    // DATABASE_URL alone puts conversations in PostgreSQL.
    expect(storeOf(a)).toBeInstanceOf(PostgresConversationStore);
    expect(storeOf(b)).not.toBe(storeOf(a));
    // Published once, through one instance: the flow store is shared too.
    await a.publish(chatFlowDocument());
  }, 60_000);

  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    await database?.drop();
  });

  it('applies two customer messages sent through both instances at the same moment one after the other', async () => {
    // What each instance's store answered, to show the two turns did race for the same conversation.
    const outcomes: TurnResult[] = [];
    for (const store of [storeOf(a), storeOf(b)]) {
      const commit = store.commitTurn.bind(store);
      vi.spyOn(store, 'commitTurn').mockImplementation(async (turn) => {
        const result = await commit(turn);
        outcomes.push(result);
        return result;
      });
    }
    for (let round = 0; round < 8; round++) {
      const started = await a.http.post('/api/chat/flow-chat/sessions').expect(201);
      const { sessionId, sessionToken } = started.body as { sessionId: string; sessionToken: string };
      const turnBefore = (await storeOf(a).get(sessionId))!.session.turn;
      const say = (s: TestServer) => s.http.post(`/api/chat/sessions/${sessionId}/messages`).set('Authorization', `Bearer ${sessionToken}`).send({ optionId: 'loop' });
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
      expect((await storeOf(b).get(sessionId))!.session.turn).toBe(turnBefore + 2);

      // Either instance reads the same transcript: both turns, whole and in order, no reply twice.
      for (const s of [a, b]) {
        const transcript = await s.http.get(`/api/chat/sessions/${sessionId}/messages`).set('Authorization', `Bearer ${sessionToken}`).expect(200);
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
    // Accounts and sign-in sessions are shared: each agent signs in where the balancer sent them.
    const anna: SignedIn = await a.signIn('agent', 'anna@example.com', 'Anna');
    const ben: SignedIn = await b.signIn('agent', 'ben@example.com', 'Ben');
    const as = (s: TestServer, who: SignedIn) => (method: 'post' | 'put', path: string) =>
      s.http[method](path).set('Cookie', who.cookie).set('X-CSRF-Token', who.csrf);
    await as(b, anna)('put', '/api/inbox/availability').send({ status: 'online' }).expect(200);
    for (let round = 0; round < 5; round++) {
      const started = await b.http.post('/api/chat/flow-chat/sessions').expect(201);
      const { sessionId, sessionToken } = started.body as { sessionId: string; sessionToken: string };
      const handedOff = await a.http.post(`/api/chat/sessions/${sessionId}/messages`).set('Authorization', `Bearer ${sessionToken}`).send({ optionId: 'human' }).expect(200);
      expect(handedOff.body.status).toBe('handedOff');
      const claims = await Promise.all([as(a, anna)('post', `/api/inbox/${sessionId}/claim`), as(b, ben)('post', `/api/inbox/${sessionId}/claim`)]);
      expect(claims.map((r) => r.status).sort()).toEqual([200, 409]);
      const loser = claims.find((r) => r.status === 409)!;
      const winner = claims[0]!.status === 200 ? anna : ben;
      expect(loser.body.error.code).toBe('already_claimed');
      expect(loser.body.assignedAgent).toMatchObject({ id: winner.id, name: winner.name });
    }
  });
});
