import path from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, makeTestApp, type TestApp } from '../support/testApp';
import { createChatModule, CONVERSATIONS_FILE, type ChatModule } from '../../../api/src/chat/chatModule';
import { CONVERSATION_LIST_STATEMENTS, ConversationListReader } from '../../../api/src/storage/sqlite/conversationListReader';
import { SqliteReadWorker } from '../../../api/src/storage/sqlite/readWorker';
import { chatFlowDocument } from '../../unit/chat/support/chatFlow';
import type { FlowDocument } from '../../../runtime/src/schema';
import { describeOnEachBackend } from '../support/backends';
import { openConversationRows, type ConversationRows } from '../support/conversationRows';
import { openPostgres } from '../../../api/src/storage/postgres';
import { PostgresConversationListReader } from '../../../api/src/storage/postgres/postgresConversationListReader';
import type { ConversationListPage, ConversationListQuery } from '../../../runtime/src/chat/conversationList';

describeOnEachBackend('the analytics conversation list', (backend) => {
  // Hand-made histories written straight into the store, so each filter is checked against rows
  // whose outcome, goals, ratings and fallbacks are known. The flow's time zone is Europe/Warsaw
  // (UTC+1 in February and March); the app's clock stands at 2026-03-02 09:00 UTC.
  let t: TestApp;
  let chat: ChatModule;
  let rows: ConversationRows;

  const at = (iso: string) => Date.parse(iso);
  const FLOW = 'flow-chat';

  function warsawFlow(goalOn: string | null): FlowDocument {
    const doc = chatFlowDocument();
    doc.settings.businessHours.timezone = 'Europe/Warsaw';
    if (goalOn) doc.nodes = doc.nodes.map((n) => (n.id === goalOn ? ({ ...n, data: { ...n.data, goal: { label: 'Order status given' } } } as typeof n) : n));
    return doc;
  }

  type Sender = 'bot' | 'customer' | 'agent' | 'system' | 'note';
  interface Conv {
    id: string;
    flow?: string;
    version: number;
    created: string;
    updated: string;
    status: string;
    handoff?: { queue: string; requested: string };
    messages?: Sender[];
    /** Each event's time is its offset from `created` in seconds. */
    events?: [name: string, nodeId: string | null, data: Record<string, unknown> | null, offsetS: number][];
  }

  async function insert(c: Conv): Promise<void> {
    await rows.run(
      `INSERT INTO conversations (id, flow_id, flow_version, token_hash, session_json, status, turn, last_message_id,
        handoff_status, queue, handoff_requested_at, created_at, updated_at)
      VALUES (?, ?, ?, ?, '{}', ?, 1, ?, ?, ?, ?, ?, ?)`,
      [
        c.id,
        c.flow ?? FLOW,
        c.version,
        Buffer.alloc(1),
        c.status,
        c.messages?.length ?? 0,
        c.handoff ? 'closed' : null,
        c.handoff?.queue ?? null,
        c.handoff ? at(c.handoff.requested) : null,
        at(c.created),
        at(c.updated),
      ],
    );
    for (const [i, sender] of (c.messages ?? []).entries()) {
      await rows.run(`INSERT INTO messages (session_id, id, sender, kind, text, at) VALUES (?, ?, ?, ?, 'x', ?)`, [
        c.id, i + 1, sender === 'note' ? 'agent' : sender, sender === 'note' ? 'note' : 'text', at(c.created) + i,
      ]);
    }
    for (const [name, nodeId, data, offset] of c.events ?? []) {
      await rows.run(`INSERT INTO events (flow_id, flow_version, session_id, name, node_id, data, at) VALUES (?, ?, ?, ?, ?, ?, ?)`, [
        c.flow ?? FLOW, c.version, c.id, name, nodeId, data === null ? null : JSON.stringify(data), at(c.created) + offset * 1000,
      ]);
    }
  }

  const goal = (offset: number): [string, string, Record<string, unknown>, number] => ['goalReached', 'thanks', { label: 'Order status given' }, offset];
  const csat = (rating: number, offset: number): [string, string, Record<string, unknown>, number] => ['csat', 'rate', { rating }, offset];
  const fallback = (text: string | null, offset: number): [string, string, Record<string, unknown>, number] => [
    'fallback',
    'faq',
    text === null ? { optionId: 'stale', reason: 'unknownOption' } : { text, reason: 'lowConfidence' },
    offset,
  ];
  const entered = (id: string, offset: number, from?: [string, string]): [string, string, Record<string, unknown>, number] => [
    'nodeEntered',
    id,
    from ? { kind: 'x', fromNodeId: from[0], viaHandle: from[1] } : { kind: 'x' },
    offset,
  ];

  beforeAll(async () => {
    t = await makeTestApp({
      backend,
      chat: (deps) => {
        chat = createChatModule(deps);
        return chat.routes;
      },
    });
    t.now.value = at('2026-03-02T09:00:00Z');
    const flows = t.deps.stores.flows;
    // Version 1 had no goal; version 2 and the draft mark `thanks` as one.
    await flows.create(warsawFlow('thanks'), null);
    await flows.publish(FLOW, { note: 'v1', by: null, flow: warsawFlow(null) });
    await flows.publish(FLOW, { note: 'v2', by: null, flow: warsawFlow('thanks') });
    rows = openConversationRows(t);

    // A: 23:50 on 28 Feb in Warsaw until 00:20 on 1 Mar: belongs to 28 Feb only. Contained, goal, 5 stars.
    await insert({
      id: 'A', version: 1, created: '2026-02-28T22:50:00Z', updated: '2026-02-28T23:20:00Z', status: 'completed',
      messages: ['bot', 'customer', 'bot', 'customer', 'system'],
      events: [['sessionStarted', null, null, 0], goal(600), csat(5, 1200), ['completed', 'thanks', null, 1800]],
    });
    // B: 00:10 on 1 Mar, running at the same time as A; handed off, returned to the bot, then ended: handed off. 1 star.
    await insert({
      id: 'B', version: 1, created: '2026-02-28T23:10:00Z', updated: '2026-02-28T23:30:00Z', status: 'completed',
      handoff: { queue: 'billing', requested: '2026-02-28T23:11:00Z' },
      messages: ['bot', 'customer', 'agent', 'note', 'system', 'bot'],
      events: [['handedOff', 'handoff', { queue: 'billing' }, 60], ['handoffReturned', 'handoff', null, 300], csat(1, 900), ['completed', 'thanks', null, 1200]],
    });
    // C: version 2, waiting and silent for almost a day: abandoned. Two typed messages not recognised (a stale button is not one). 2 stars.
    await insert({
      id: 'C', version: 2, created: '2026-03-01T08:00:00Z', updated: '2026-03-01T08:05:00Z', status: 'waiting', messages: ['bot', 'customer', 'customer'],
      events: [fallback('where is my parcel', 60), fallback('hello?', 120), fallback(null, 180), csat(2, 240)],
    });
    // D: version 2, nobody online: the offline branch ran. Handed off, offline, no queue on the row.
    await insert({
      id: 'D', version: 2, created: '2026-03-01T09:00:00Z', updated: '2026-03-01T09:01:00Z', status: 'completed', messages: ['bot'],
      events: [['handoffOffline', 'handoff', { reason: 'noAgents', queue: 'billing' }, 30]],
    });
    // G and H start at the same instant (split by id) this morning; G is still talking: in progress.
    await insert({ id: 'G', version: 2, created: '2026-03-02T08:45:00Z', updated: '2026-03-02T08:50:00Z', status: 'waiting', messages: ['bot'], events: [goal(120)] });
    await insert({ id: 'H', version: 2, created: '2026-03-02T08:45:00Z', updated: '2026-03-02T08:46:00Z', status: 'completed', messages: ['bot'], events: [] });
    // Outside the window by Warsaw days (23:59 on 26 Feb), and another flow's conversation inside it.
    await insert({ id: 'E', version: 1, created: '2026-02-26T22:59:00Z', updated: '2026-02-26T23:00:00Z', status: 'completed', events: [] });
    await insert({ id: 'X', flow: 'other-flow', version: 1, created: '2026-03-01T10:00:00Z', updated: '2026-03-01T10:01:00Z', status: 'completed', events: [] });
  });

  afterAll(async () => {
    await rows?.close();
    await chat?.close();
    await t?.close();
  });

  const editor = () => as(t.app, t.accounts.editor);
  const LIST = `/api/flows/${FLOW}/analytics/conversations?from=2026-02-27&to=2026-03-02`;
  const ids = async (url: string) => ((await editor().get(url).expect(200)).body.conversations as { sessionId: string }[]).map((c) => c.sessionId);

  describe('GET /api/flows/:id/analytics/conversations', () => {
    it('lists the window’s conversations newest first with what each one did', async () => {
      const res = await editor().get(LIST).expect(200);
      expect(res.body).toMatchObject({ flowId: FLOW, timeZone: 'Europe/Warsaw', from: '2026-02-27', to: '2026-03-02', nextCursor: null, scannedTo: null });
      const byId = Object.fromEntries(res.body.conversations.map((c: { sessionId: string }) => [c.sessionId, c]));
      expect(res.body.conversations.map((c: { sessionId: string }) => c.sessionId)).toEqual(['H', 'G', 'D', 'C', 'B', 'A']);
      expect(byId.A).toEqual({
        sessionId: 'A', startedAt: '2026-02-28T22:50:00.000Z', lastActivityAt: '2026-02-28T23:20:00.000Z', version: 1, outcome: 'contained', offline: false,
        goals: [{ nodeId: 'thanks', label: 'Order status given' }], csat: [5], unrecognized: 0, queue: null, messages: 4, customerMessages: 2,
      });
      // Returned to the bot and then ended: still handed off. The internal note and the notice are not messages.
      expect(byId.B).toMatchObject({ outcome: 'handedOff', offline: false, queue: 'billing', csat: [1], goals: [], messages: 4, customerMessages: 1 });
      expect(byId.C).toMatchObject({ outcome: 'abandoned', version: 2, unrecognized: 2, csat: [2] });
      expect(byId.D).toMatchObject({ outcome: 'handedOff', offline: true, queue: null });
      expect(byId.G).toMatchObject({ outcome: 'inProgress', goals: [{ nodeId: 'thanks', label: 'Order status given' }] });
      expect(byId.H).toMatchObject({ outcome: 'contained', goals: [], csat: [] });
    });

    it('counts a conversation across midnight on the day it started, in the flow’s time zone', async () => {
      expect(await ids(`/api/flows/${FLOW}/analytics/conversations?from=2026-02-28&to=2026-02-28`)).toEqual(['A']);
      // B started at 23:10 UTC on 28 Feb, which is 00:10 on 1 Mar in Warsaw.
      expect(await ids(`/api/flows/${FLOW}/analytics/conversations?from=2026-03-01&to=2026-03-01`)).toEqual(['D', 'C', 'B']);
    });

    it('filters by each outcome, agreeing with the figures', async () => {
      expect(await ids(`${LIST}&outcome=contained`)).toEqual(['H', 'A']);
      expect(await ids(`${LIST}&outcome=handedOff`)).toEqual(['D', 'B']);
      expect(await ids(`${LIST}&outcome=abandoned`)).toEqual(['C']);
      expect(await ids(`${LIST}&outcome=inProgress`)).toEqual(['G']);
      const figures = (await editor().get(`/api/flows/${FLOW}/analytics?from=2026-02-27&to=2026-03-02`).expect(200)).body.figures.conversations;
      for (const outcome of ['contained', 'handedOff', 'abandoned', 'inProgress'] as const) {
        expect((await ids(`${LIST}&outcome=${outcome}`)).length, outcome).toBe(figures[outcome]);
      }
    });

    it('filters by goal reached or not, any goal or one', async () => {
      expect(await ids(`${LIST}&goalReached=true`)).toEqual(['G', 'A']);
      expect(await ids(`${LIST}&goalReached=false`)).toEqual(['H', 'D', 'C', 'B']);
      expect(await ids(`${LIST}&goal=thanks&goalReached=true`)).toEqual(['G', 'A']);
      expect(await ids(`${LIST}&goal=somewhere-else&goalReached=true`)).toEqual([]);
    });

    it('filters by a low rating, by unrecognised messages and by version; filters combine', async () => {
      expect(await ids(`${LIST}&lowCsat=true`)).toEqual(['C', 'B']);
      expect(await ids(`${LIST}&lowCsat=false`)).toEqual(['H', 'G', 'D', 'A']);
      expect(await ids(`${LIST}&unrecognized=true`)).toEqual(['C']);
      expect(await ids(`${LIST}&unrecognized=false`)).toEqual(['H', 'G', 'D', 'B', 'A']);
      expect(await ids(`${LIST}&version=1`)).toEqual(['B', 'A']);
      expect(await ids(`${LIST}&version=2&lowCsat=true&outcome=abandoned`)).toEqual(['C']);
      expect(await ids(`${LIST}&version=1&outcome=abandoned`)).toEqual([]);
    });

    it('pages with a cursor, splitting conversations that started at the same instant by id', async () => {
      const first = (await editor().get(`${LIST}&limit=1`).expect(200)).body;
      expect(first.conversations.map((c: { sessionId: string }) => c.sessionId)).toEqual(['H']);
      expect(first.scannedTo).toBe('2026-03-02T08:45:00.000Z');
      const seen = ['H'];
      let cursor: string | null = first.nextCursor;
      while (cursor !== null) {
        const page = (await editor().get(`${LIST}&limit=2&cursor=${cursor}`).expect(200)).body;
        seen.push(...page.conversations.map((c: { sessionId: string }) => c.sessionId));
        cursor = page.nextCursor;
      }
      expect(seen).toEqual(['H', 'G', 'D', 'C', 'B', 'A']);
    });

    it('answers bad input with a clear 400 or 404', async () => {
      const badCursor = await editor().get(`${LIST}&cursor=not-a-cursor`).expect(400);
      expect(badCursor.body.error.details).toEqual([{ path: 'query.cursor', message: 'not a cursor this list gave out' }]);
      const goalAlone = await editor().get(`${LIST}&goal=thanks`).expect(400);
      expect(goalAlone.body.error.details).toEqual([{ path: 'query.goal', message: 'needs `goalReached` (true or false)' }]);
      expect((await editor().get(`${LIST}&outcome=happy`)).status).toBe(400);
      expect((await editor().get(`${LIST}&lowCsat=yes`)).status).toBe(400);
      expect((await editor().get(`/api/flows/${FLOW}/analytics/conversations?from=2026-03-02&to=2026-03-01`)).status).toBe(400);
      expect((await editor().get('/api/flows/nope/analytics/conversations')).status).toBe(404);
      expect((await editor().get(`${LIST}&version=9`)).status).toBe(404);
    });
  });

  /** The store's own list reader over the app's data, as the chat module opens it. */
  function listReader(): { list(query: ConversationListQuery): Promise<ConversationListPage>; close(): Promise<void> } {
    if (t.databaseUrl === null) {
      const reads = new SqliteReadWorker(path.join(t.dataDir, CONVERSATIONS_FILE), CONVERSATION_LIST_STATEMENTS);
      const reader = new ConversationListReader(reads);
      return { list: (query) => reader.list(query), close: () => reads.close() };
    }
    const db = openPostgres(t.databaseUrl, { maxConnections: 1 });
    const reader = new PostgresConversationListReader(db);
    return { list: (query) => reader.list(query), close: () => db.destroy() };
  }

  describe('the store’s walk', () => {
    it('stops after looking at maxScanned conversations and says where to go on', async () => {
      const reader = listReader();
      try {
        const query = { flowId: FLOW, from: at('2026-02-26T23:00:00Z'), to: at('2026-03-02T23:00:00Z'), limit: 50, accept: () => false };
        const stopped = await reader.list({ ...query, maxScanned: 3 });
        expect(stopped).toEqual({ rows: [], resumeAfter: { createdAt: at('2026-03-01T09:00:00Z'), id: 'D' } });
        const rest = await reader.list({ ...query, maxScanned: 3, after: stopped.resumeAfter!, accept: () => true });
        expect(rest.rows.map((r) => r.id)).toEqual(['C', 'B', 'A']);
        expect(rest.resumeAfter).toEqual({ createdAt: at('2026-02-28T22:50:00Z'), id: 'A' });
        expect(await reader.list({ ...query, maxScanned: 3, after: rest.resumeAfter!, accept: () => true })).toEqual({ rows: [], resumeAfter: null });
      } finally {
        await reader.close();
      }
    });
  });

  describe('GET /api/flows/:id/analytics/conversations.csv', () => {
    it('exports the filtered list with formula-like cells neutralised', async () => {
      // A goal label and a queue name are the customer-influenced or staff-typed text in a row.
      await insert({
        id: '-2+3', version: 2, created: '2026-02-20T10:00:00Z', updated: '2026-02-20T10:10:00Z', status: 'completed',
        handoff: { queue: '@SUM(A1)', requested: '2026-02-20T10:01:00Z' }, messages: ['bot', 'customer'],
        events: [['goalReached', 'promo', { label: '=HYPERLINK("http://evil.example","click")' }, 30], ['goalReached', 'tabbed', { label: '\tcmd' }, 40], csat(1, 60)],
      });
      const res = await editor().get(`/api/flows/${FLOW}/analytics/conversations.csv?from=2026-02-20&to=2026-02-20&lowCsat=true`).expect(200);
      expect(res.headers['content-type']).toMatch(/^text\/csv/);
      expect(res.headers['content-disposition']).toBe('attachment; filename="conversations-2026-02-20-2026-02-20.csv"');
      expect(res.text.split('\r\n')).toEqual([
        'sessionId,startedAt,version,outcome,offline,goals,csat,unrecognized,queue,messages',
        `'-2+3,2026-02-20T10:00:00.000Z,2,handedOff,false,"'=HYPERLINK(""http://evil.example"",""click""); \tcmd",1,0,'@SUM(A1),2`,
        '',
      ]);
    });

    it('lists every matching conversation of the window', async () => {
      const res = await editor().get(`/api/flows/${FLOW}/analytics/conversations.csv?from=2026-02-27&to=2026-03-02&outcome=handedOff`).expect(200);
      expect(res.text.split('\r\n').slice(1, -1).map((line) => line.split(',')[0])).toEqual(['D', 'B']);
    });
  });

  describe('GET /api/flows/:id/analytics/conversations/:sessionId/path', () => {
    it('gives the steps in the order entered, not those of a conversation running at the same time', async () => {
      await insert({
        id: 'P', version: 2, created: '2026-02-25T10:00:00Z', updated: '2026-02-25T10:05:00Z', status: 'completed',
        events: [entered('start', 0), entered('hello', 0, ['start', 'next']), entered('menu', 1, ['hello', 'next']), entered('askOrder', 60, ['menu', 'order']), entered('thanks', 120, ['askOrder', 'next'])],
      });
      await insert({
        id: 'Q', version: 2, created: '2026-02-25T10:00:30Z', updated: '2026-02-25T10:02:00Z', status: 'waiting',
        events: [entered('start', 0), entered('handoff', 30, ['menu', 'human'])],
      });
      const res = await editor().get(`/api/flows/${FLOW}/analytics/conversations/P/path`).expect(200);
      expect(res.body).toEqual({
        sessionId: 'P',
        version: 2,
        startedAt: '2026-02-25T10:00:00.000Z',
        steps: [
          { nodeId: 'start', at: '2026-02-25T10:00:00.000Z', from: null },
          { nodeId: 'hello', at: '2026-02-25T10:00:00.000Z', from: { nodeId: 'start', handle: 'next' } },
          { nodeId: 'menu', at: '2026-02-25T10:00:01.000Z', from: { nodeId: 'hello', handle: 'next' } },
          { nodeId: 'askOrder', at: '2026-02-25T10:01:00.000Z', from: { nodeId: 'menu', handle: 'order' } },
          { nodeId: 'thanks', at: '2026-02-25T10:02:00.000Z', from: { nodeId: 'askOrder', handle: 'next' } },
        ],
      });
    });

    it('is 404 for an unknown conversation or one of another flow', async () => {
      expect((await editor().get(`/api/flows/${FLOW}/analytics/conversations/nope/path`)).status).toBe(404);
      expect((await editor().get(`/api/flows/${FLOW}/analytics/conversations/X/path`)).status).toBe(404);
      expect((await editor().get('/api/flows/nope/analytics/conversations/A/path')).status).toBe(404);
    });
  });

  describe('real conversations through the chat API', () => {
    async function chatAlong(choices: ({ optionId: string } | { text: string })[]) {
      const started = await request(t.app).post(`/api/chat/${FLOW}/sessions`).expect(201);
      for (const body of choices) {
        await request(t.app).post(`/api/chat/sessions/${started.body.sessionId}/messages`).set('Authorization', `Bearer ${started.body.sessionToken}`).send(body).expect(200);
        t.now.value += 5_000;
      }
      return started.body.sessionId as string;
    }

    it('lists them and replays the steps each one passed; one handed off and returned to the bot stays handed off', async () => {
      t.now.value = at('2026-03-03T10:00:00Z');
      const ordered = await chatAlong([{ optionId: 'order' }, { text: 'ORD-1' }]);
      await chat.store.setAvailability({ id: t.accounts.agent.id, name: 'Agent Person' }, 'online', t.now.value);
      const human = await chatAlong([{ optionId: 'human' }]);
      const agent = as(t.app, t.accounts.agent);
      await agent.post(`/api/inbox/${human}/claim`).expect(200);
      await agent.post(`/api/inbox/${human}/return`).expect(200);

      const list = (await editor().get(`/api/flows/${FLOW}/analytics/conversations?from=2026-03-03&to=2026-03-03`).expect(200)).body.conversations;
      expect(list.map((c: { sessionId: string }) => c.sessionId)).toEqual([human, ordered]);
      expect(list[1]).toMatchObject({ outcome: 'contained', version: 2, goals: [{ nodeId: 'thanks', label: 'Order status given' }] });
      expect(list[0]).toMatchObject({ outcome: 'handedOff', queue: 'billing', goals: [] });

      const orderedPath = (await editor().get(`/api/flows/${FLOW}/analytics/conversations/${ordered}/path`).expect(200)).body.steps;
      expect(orderedPath.map((s: { nodeId: string }) => s.nodeId)).toEqual(['start', 'hello', 'menu', 'askOrder', 'thanks']);
      const humanPath = (await editor().get(`/api/flows/${FLOW}/analytics/conversations/${human}/path`).expect(200)).body.steps;
      expect(humanPath.map((s: { nodeId: string }) => s.nodeId)).toEqual(['start', 'hello', 'menu', 'handoff', 'back', 'menu']);
      expect(humanPath[4].from).toEqual({ nodeId: 'handoff', handle: 'resolved' });
    });
  });

  describe('who sees what', () => {
    it('admins and editors see the list and paths; agents get 403; nobody signed in 401', async () => {
      for (const url of [LIST, `/api/flows/${FLOW}/analytics/conversations.csv`, `/api/flows/${FLOW}/analytics/conversations/A/path`]) {
        expect((await as(t.app, t.accounts.admin).get(url)).status, url).toBe(200);
        expect((await editor().get(url)).status, url).toBe(200);
        expect((await as(t.app, t.accounts.agent).get(url)).status, url).toBe(403);
        expect((await request(t.app).get(url)).status, url).toBe(401);
      }
    });

    it('a transcript follows the inbox history’s rule: agents and admins open it, editors get 403', async () => {
      t.now.value = at('2026-03-03T12:00:00Z');
      const started = await request(t.app).post(`/api/chat/${FLOW}/sessions`).expect(201);
      const url = `/api/conversations/${started.body.sessionId}`;
      const asAdmin = await as(t.app, t.accounts.admin).get(url).expect(200);
      expect(asAdmin.body.messages[0]).toMatchObject({ from: 'bot', text: 'Hello from v1' });
      expect((await as(t.app, t.accounts.agent).get(url)).status).toBe(200);
      const asEditor = await editor().get(url).expect(403);
      expect(asEditor.body.error.code).toBe('forbidden');
    });
  });
});
