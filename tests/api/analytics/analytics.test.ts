import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type SignedIn, type TestServer } from '../chat/support/testServer';
import { chatFlowDocument } from '../../unit/chat/support/chatFlow';
import type { FlowDocument } from '../../../runtime/src/schema';
import { describeOnEachBackend } from '../support/backends';
import { openConversationRows, type ConversationRows } from '../support/conversationRows';

// Hand-made histories written straight into the store, so every figure's definition is checked
// against known rows. The flow's time zone is Europe/Warsaw (UTC+1 in November). Every case runs
// on each conversation store: SQLite in DATA_DIR, and PostgreSQL with DATABASE_URL.
let s: TestServer;
let editor: SignedIn;
let rows: ConversationRows;
const run = (statement: string, params?: unknown[]) => rows.run(statement, params);

const at = (iso: string) => Date.parse(iso);

function warsawFlow(goalOn: string | null): FlowDocument {
  const doc = chatFlowDocument();
  doc.settings.businessHours.timezone = 'Europe/Warsaw';
  if (goalOn) doc.nodes = doc.nodes.map((n) => (n.id === goalOn ? ({ ...n, data: { ...n.data, goal: { label: 'Order status given' } } } as typeof n) : n));
  return doc;
}

interface Conv {
  id: string;
  version: number;
  created: string;
  updated: string;
  status: string;
  handoff?: { queue: string; requested: string; closed?: string };
  customerMessages: number;
  agentReplyAt?: string;
  visitor?: string;
  events: [name: string, nodeId: string | null, data: Record<string, unknown> | null][];
}

async function insert(c: Conv): Promise<void> {
  await run(`INSERT INTO conversations (id, flow_id, flow_version, token_hash, session_json, status, turn, last_message_id,
      handoff_status, queue, handoff_requested_at, handoff_closed_at, created_at, updated_at, visitor_id)
    VALUES (?, 'flow-chat', ?, ?, '{}', ?, 1, 0, ?, ?, ?, ?, ?, ?, ?)`, [
    c.id,
    c.version,
    Buffer.alloc(1),
    c.status,
    c.handoff ? (c.handoff.closed ? 'closed' : 'active') : null,
    c.handoff?.queue ?? null,
    c.handoff ? at(c.handoff.requested) : null,
    c.handoff?.closed ? at(c.handoff.closed) : null,
    at(c.created),
    at(c.updated),
    c.visitor ?? null,
  ]);
  const msg = (...params: unknown[]) => run(`INSERT INTO messages (session_id, id, sender, kind, text, at) VALUES (?, ?, ?, 'text', 'x', ?)`, params);
  let id = 0;
  for (let i = 0; i < c.customerMessages; i++) await msg(c.id, ++id, 'customer', at(c.created) + i);
  await msg(c.id, ++id, 'bot', at(c.created));
  if (c.agentReplyAt) await msg(c.id, id + 1, 'agent', at(c.agentReplyAt));
  for (const [name, nodeId, data] of c.events) {
    await run(`INSERT INTO events (flow_id, flow_version, session_id, name, node_id, data, at) VALUES ('flow-chat', ?, ?, ?, ?, ?, ?)`, [
      c.version, c.id, name, nodeId, data === null ? null : JSON.stringify(data), at(c.created) + 1000,
    ]);
  }
}

describeOnEachBackend('analytics', (backend) => {
  describe('figures', () => {
    beforeAll(async () => {
      s = await startTestServer({ backend, chat: { retention: { enabled: false } } });
      rows = openConversationRows(s);
      await s.publish(warsawFlow(null)); // version 1
      await s.publish(warsawFlow('thanks')); // version 2; the draft has the goal too
      editor = await s.signIn('editor');
      // A: 23:50 on the 20th in Warsaw until 00:20 on the 21st: counts once, on the 20th. Contained.
      await insert({
        id: 'A', version: 1, created: '2026-11-20T22:50:00Z', updated: '2026-11-20T23:20:00Z', status: 'completed', customerMessages: 2, visitor: 'visitor-one-000001',
        events: [['sessionStarted', null, null], ['goalReached', 'thanks', { label: 'Order status given' }], ['csat', 'rate', { rating: 5 }],
          // A knowledge answer on version 1; a "helpful" that is not true/false does not count.
          ['knowledgeAnswer', 'kb', { outcome: 'answered', sources: 1 }], ['knowledgeFeedback', 'kb', { helpful: 'maybe' }], ['completed', 'thanks', null]],
      });
      // B: 00:10 on the 21st; handed off, returned to the bot by the agent, then ended: handed off.
      await insert({
        id: 'B', version: 1, created: '2026-11-20T23:10:00Z', updated: '2026-11-20T23:30:00Z', status: 'completed', customerMessages: 1, visitor: 'visitor-one-000001',
        handoff: { queue: 'billing', requested: '2026-11-20T23:11:00Z', closed: '2026-11-20T23:15:00Z' }, agentReplyAt: '2026-11-20T23:12:00Z',
        events: [['handedOff', 'handoff', { queue: 'billing' }], ['handoffReturned', 'handoff', null], ['completed', 'thanks', null]],
      });
      // C: version 2, waiting and silent since: abandoned. Two unrecognised messages, FAQ yes and no, a 2-star rating.
      await insert({
        id: 'C', version: 2, created: '2026-11-21T08:00:00Z', updated: '2026-11-21T08:05:00Z', status: 'waiting', customerMessages: 4, visitor: 'visitor-two-000002',
        events: [['fallback', 'faq', { text: 'where is my parcel', reason: 'lowConfidence' }], ['fallback', 'faq', { text: 'hello?', reason: 'lowConfidence' }],
          ['faqFeedback', 'faq', { itemId: 'i1', helpful: true }], ['faqFeedback', 'faq', { itemId: 'i2', helpful: false }], ['csat', 'rate', { rating: 2 }],
          // Answer-from-knowledge: two answers (one helped, one did not), one with nothing in the sources.
          ['knowledgeAnswer', 'kb', { outcome: 'answered', sources: 2 }], ['knowledgeFeedback', 'kb', { helpful: true }],
          ['knowledgeAnswer', 'kb', { outcome: 'noAnswer', reason: 'noPassages' }],
          ['knowledgeAnswer', 'kb', { outcome: 'answered', sources: 1 }], ['knowledgeFeedback', 'kb', { helpful: false }],
          // Model tie-breaks: one pick that was the classifier's guess, one that corrected it, one "none".
          ['intentTieBreak', 'intent', { classifierGuess: 'track', classifierScore: 0.31, modelPick: 'track', outcome: 'picked' }],
          ['intentTieBreak', 'intent', { classifierGuess: 'track', classifierScore: 0.22, modelPick: 'refund', outcome: 'picked' }],
          ['intentTieBreak', 'intent', { classifierGuess: 'refund', classifierScore: 0.2, modelPick: null, outcome: 'none' }]],
      });
      // D: version 2, nobody online: the offline branch ran. Handed off (offline).
      await insert({ id: 'D', version: 2, created: '2026-11-21T09:00:00Z', updated: '2026-11-21T09:01:00Z', status: 'completed', customerMessages: 1,
        events: [['knowledgeAnswer', 'kb', { outcome: 'error', reason: 'modelUnavailable' }], ['knowledgeFeedback', 'kb', { helpful: true }],
          ['knowledgeAnswer', 'kb', { outcome: 'made-up' }],
          // A failed tie-break counts; an unknown outcome does not.
          ['intentTieBreak', 'intent', { classifierGuess: 'track', classifierScore: 0.1, modelPick: null, outcome: 'failed', reason: 'timeout' }],
          ['intentTieBreak', 'intent', { classifierGuess: 'track', classifierScore: 0.1, modelPick: 'track', outcome: 'guessed' }], ['handoffOffline', 'handoff', { reason: 'noAgents', queue: 'billing' }]] });
      // Just outside the window on either side, by Warsaw days.
      await insert({ id: 'E', version: 1, created: '2026-11-19T22:59:00Z', updated: '2026-11-19T23:00:00Z', status: 'completed', customerMessages: 1, visitor: 'visitor-out-000003', events: [] });
      await insert({ id: 'F', version: 2, created: '2026-11-21T23:00:00Z', updated: '2026-11-21T23:01:00Z', status: 'completed', customerMessages: 1, events: [] });
    });
    afterAll(async () => {
      await rows?.close();
      await s?.stop();
    });

    const get = (url: string, who: SignedIn = editor) => s.http.get(url).set('Cookie', who.cookie);
    const WINDOW = '/api/flows/flow-chat/analytics?from=2026-11-20&to=2026-11-21';

    describe('GET /api/flows/:id/analytics', () => {
      it('counts every figure by its definition over all versions', async () => {
        const res = await get(WINDOW).expect(200);
        expect(res.body).toMatchObject({ flowId: 'flow-chat', timeZone: 'Europe/Warsaw', from: '2026-11-20', to: '2026-11-21', version: null, compare: null });
        const f = res.body.figures;
        expect(f.conversations).toEqual({ started: 4, contained: 1, handedOff: 2, offline: 1, abandoned: 1, inProgress: 0, erasedOther: 0 });
        // A reached the goal on the 20th (1 of 1 started that day); none of the 21st's 3 did.
        expect(f.goals).toEqual([
          {
            nodeId: 'thanks', label: 'Order status given', conversions: 1, rate: 0.25,
            daily: [{ date: '2026-11-20', conversions: 1, rate: 1 }, { date: '2026-11-21', conversions: 0, rate: 0 }],
          },
        ]);
        expect(f.csat).toEqual({ count: 2, average: 3.5, distribution: [0, 1, 0, 0, 1] });
        expect(f.faqHelpful).toEqual({ yes: 1, no: 1, yesRate: 0.5 });
        // A and B share a visitor, C has another, D none (not counted); E's is outside the window.
        expect(f.uniqueVisitors).toBe(2);
        // C: 2 answered, 1 no answer, yes + no; D: 1 failed (its "yes" counts; an unknown outcome does not); A: 1 answered.
        expect(f.knowledgeAnswers).toEqual({ answered: 3, noAnswer: 1, failed: 1 });
        expect(f.knowledgeHelpful).toEqual({ yes: 2, no: 1, yesRate: 2 / 3 });
        expect(f.intentTieBreaks).toEqual({ asked: 4, picked: 2, none: 1, failed: 1, agreedWithClassifier: 1, agreementRate: 0.5 });
        expect(f.unrecognised).toEqual({ count: 2, customerMessages: 8, per100: 25 });
        expect(f.agentTimes).toEqual([
          { queue: 'billing', handoffs: 1, firstReply: { count: 1, p50Ms: 60_000, p90Ms: 60_000 }, close: { count: 1, p50Ms: 240_000, p90Ms: 240_000 } },
        ]);
        // A crossed midnight: it counts on the 20th only. B started at 00:10 on the 21st in Warsaw (23:10 UTC on the 20th).
        // Unique visitors per day: A's visitor on the 20th; B's (the same visitor) and C's on the 21st (D has none), so the
        // days add up to 3 while the window counts that visitor once (2).
        expect(f.daily).toEqual([
          { date: '2026-11-20', started: 1, contained: 1, handedOff: 0, abandoned: 0, inProgress: 0, erasedOther: 0, uniqueVisitors: 1 },
          { date: '2026-11-21', started: 3, contained: 0, handedOff: 2, abandoned: 1, inProgress: 0, erasedOther: 0, uniqueVisitors: 2 },
        ]);
      });

      it('compares two versions side by side over the same days', async () => {
        const res = await get(`${WINDOW}&version=1&compare=2`).expect(200);
        expect(res.body.version).toBe(1);
        expect(res.body.figures.conversations).toMatchObject({ started: 2, contained: 1, handedOff: 1, offline: 0, abandoned: 0 });
        // Goals are listed from the version shown (v1 had none), plus those its conversations' events name.
        expect(res.body.figures.goals).toEqual([
          {
            nodeId: 'thanks', label: 'Order status given', conversions: 1, rate: 0.5,
            daily: [{ date: '2026-11-20', conversions: 1, rate: 1 }, { date: '2026-11-21', conversions: 0, rate: 0 }],
          },
        ]);
        expect(res.body.compare.version).toBe(2);
        expect(res.body.compare.figures.conversations).toMatchObject({ started: 2, contained: 0, handedOff: 1, offline: 1, abandoned: 1 });
        // Version 2 started nothing on the 20th: no rate that day rather than 0 %.
        expect(res.body.compare.figures.goals).toEqual([
          {
            nodeId: 'thanks', label: 'Order status given', conversions: 0, rate: 0,
            daily: [{ date: '2026-11-20', conversions: 0, rate: null }, { date: '2026-11-21', conversions: 0, rate: 0 }],
          },
        ]);
        expect(res.body.compare.figures.unrecognised).toEqual({ count: 2, customerMessages: 5, per100: 40 });
        expect(res.body.figures.uniqueVisitors).toBe(1);
        expect(res.body.compare.figures.uniqueVisitors).toBe(1);
        expect(res.body.figures.knowledgeAnswers).toEqual({ answered: 1, noAnswer: 0, failed: 0 });
        expect(res.body.figures.knowledgeHelpful).toEqual({ yes: 0, no: 0, yesRate: null });
        expect(res.body.compare.figures.knowledgeAnswers).toEqual({ answered: 2, noAnswer: 1, failed: 1 });
        expect(res.body.compare.figures.knowledgeHelpful).toEqual({ yes: 2, no: 1, yesRate: 2 / 3 });
        expect(res.body.figures.intentTieBreaks).toEqual({ asked: 0, picked: 0, none: 0, failed: 0, agreedWithClassifier: 0, agreementRate: null });
        expect(res.body.compare.figures.intentTieBreaks).toMatchObject({ asked: 4, picked: 2, agreedWithClassifier: 1 });
      });

      it('adds the aggregates kept for deleted conversations, without a version filter only', async () => {
        await run(`INSERT INTO daily_counts (flow_id, day, metric, count) VALUES ('flow-chat', '2026-11-21', 'conversations.started', 3),
          ('flow-chat', '2026-11-21', 'conversations.handedOff', 1), ('flow-chat', '2026-11-21', 'events.fallback', 5),
          ('flow-chat', '2026-11-25', 'conversations.started', 9)`);
        try {
          const all = (await get(WINDOW).expect(200)).body.figures;
          expect(all.conversations).toMatchObject({ started: 7, handedOff: 3, erasedOther: 2 });
          expect(all.retained).toEqual({ started: 3, handedOff: 1, unrecognised: 5 });
          expect(all.unrecognised).toEqual({ count: 7, customerMessages: 8, per100: 25 });
          expect(all.daily[1]).toMatchObject({ started: 6, handedOff: 3, erasedOther: 2 });
          const v2 = (await get(`${WINDOW}&version=2`).expect(200)).body.figures;
          expect(v2.conversations.started).toBe(2);
          expect(v2.retained).toEqual({ started: 0, handedOff: 0, unrecognised: 0 });
        } finally {
          await run(`DELETE FROM daily_counts WHERE flow_id = 'flow-chat'`);
        }
      });

      it('exports the daily series as CSV', async () => {
        const res = await get(`/api/flows/flow-chat/analytics/daily.csv?from=2026-11-20&to=2026-11-21&version=1&compare=2`).expect(200);
        expect(res.headers['content-type']).toMatch(/^text\/csv/);
        expect(res.headers['content-disposition']).toBe('attachment; filename="analytics-2026-11-20-2026-11-21.csv"');
        expect(res.text.split('\r\n')).toEqual([
          'date,started,contained,handedOff,abandoned,inProgress,erasedOther,uniqueVisitors,compare_started,compare_contained,compare_handedOff,compare_abandoned,compare_inProgress,compare_erasedOther,compare_uniqueVisitors',
          '2026-11-20,1,1,0,0,0,0,1,0,0,0,0,0,0,0',
          '2026-11-21,1,0,1,0,0,0,1,2,0,1,1,0,0,1',
          '',
        ]);
      });

      it('is for editors and admins: agents get 403, nobody signed in 401', async () => {
        const agent = await s.signIn('agent');
        expect((await get(WINDOW, agent)).status).toBe(403);
        expect((await s.http.get(WINDOW)).status).toBe(401);
        expect((await get(WINDOW, await s.signIn('admin'))).status).toBe(200);
      });

      it('answers bad input with a clear 400 or 404', async () => {
        const bad = await get('/api/flows/flow-chat/analytics?from=2026-11-22&to=2026-11-21').expect(400);
        expect(bad.body.error.details).toEqual([{ path: 'query.from', message: 'must not be after `to`' }]);
        expect((await get('/api/flows/flow-chat/analytics?from=yesterday')).status).toBe(400);
        expect((await get('/api/flows/nope/analytics')).status).toBe(404);
        expect((await get(`${WINDOW}&version=9`)).status).toBe(404);
      });

      it('defaults to the 30 days ending today in the flow’s time zone', async () => {
        const res = await get('/api/flows/flow-chat/analytics').expect(200);
        expect(res.body.figures.daily).toHaveLength(30);
        expect(res.body.to).toBe(res.body.figures.daily[29].date);
      });
    });

    describe('unique visitors from the widget', () => {
      const startWith = (body: object) => s.http.post('/api/chat/flow-chat/sessions').send(body);

      it('counts distinct visitor ids sent at the start, keeps them from agents, and erases them with the conversation', async () => {
        const today = (await get('/api/flows/flow-chat/analytics').expect(200)).body.to as string;
        const TODAY = `/api/flows/flow-chat/analytics?from=${today}&to=${today}`;
        const before = (await get(TODAY).expect(200)).body.figures;
        const first = (await startWith({ visitorId: 'Live_visitor-00000001' }).expect(201)).body.sessionId as string;
        const again = (await startWith({ visitorId: 'Live_visitor-00000001' }).expect(201)).body.sessionId as string;
        await startWith({ visitorId: 'Live_visitor-00000002' }).expect(201);
        await s.http.post('/api/chat/flow-chat/sessions').expect(201); // no body, as older widgets and blocked storage
        const after = (await get(TODAY).expect(200)).body.figures;
        expect(after.conversations.started - before.conversations.started).toBe(4);
        expect(after.uniqueVisitors - before.uniqueVisitors).toBe(2);

        const admin = await s.signIn('admin');
        const shown = await s.http.get(`/api/conversations/${first}`).set('Cookie', admin.cookie).expect(200);
        expect(JSON.stringify(shown.body)).not.toContain('Live_visitor');
        const listed = await get(`/api/flows/flow-chat/analytics/conversations?from=${today}&to=${today}`).expect(200);
        expect(JSON.stringify(listed.body)).not.toContain('Live_visitor');

        await s.http.post('/api/privacy/conversations/erase').set('Cookie', admin.cookie).set('X-CSRF-Token', admin.csrf)
          .send({ sessionIds: [first, again] }).expect(200);
        expect((await get(TODAY).expect(200)).body.figures.uniqueVisitors - before.uniqueVisitors).toBe(1);
      });

      it('refuses a visitor id that is not a short opaque string, naming the field', async () => {
        for (const visitorId of ['short', 'x'.repeat(65), 'has spaces in it!!', 42]) {
          const res = await startWith({ visitorId }).expect(400);
          expect(res.body.error.details).toEqual([{ path: 'visitorId', message: expect.any(String) }]);
        }
      });
    });

    describe('GET /api/flows/:id/analytics/paths', () => {
      it('counts conversations per step and per connection, and where abandoned ones stopped', async () => {
        const entered = (id: string, from?: [string, string]): [string, string, Record<string, unknown>] => [
          'nodeEntered',
          id,
          from ? { kind: 'x', fromNodeId: from[0], viaHandle: from[1] } : { kind: 'x' },
        ];
        const walk = [entered('start'), entered('hello', ['start', 'next']), entered('menu', ['hello', 'next'])];
        await insert({ id: 'P1', version: 2, created: '2026-11-10T10:00:00Z', updated: '2026-11-10T10:01:00Z', status: 'waiting', customerMessages: 0, events: walk });
        await insert({
          id: 'P2', version: 2, created: '2026-11-10T11:00:00Z', updated: '2026-11-10T11:01:00Z', status: 'completed', customerMessages: 1,
          // The menu twice (a loop back): the step and the edge still count the conversation once.
          events: [...walk, entered('menu', ['hello', 'next']), entered('askOrder', ['menu', 'order']), entered('thanks', ['askOrder', 'next'])],
        });
        const res = await get('/api/flows/flow-chat/analytics/paths?from=2026-11-10&to=2026-11-10').expect(200);
        expect(res.body).toMatchObject({ flowId: 'flow-chat', from: '2026-11-10', to: '2026-11-10', version: null, started: 2 });
        const byNode = Object.fromEntries(res.body.nodes.map((n: { nodeId: string }) => [n.nodeId, n]));
        expect(byNode).toEqual({
          start: { nodeId: 'start', entered: 2, droppedHere: 0 },
          hello: { nodeId: 'hello', entered: 2, droppedHere: 0 },
          menu: { nodeId: 'menu', entered: 2, droppedHere: 1 },
          askOrder: { nodeId: 'askOrder', entered: 1, droppedHere: 0 },
          thanks: { nodeId: 'thanks', entered: 1, droppedHere: 0 },
        });
        expect(res.body.edges).toEqual(expect.arrayContaining([
          { source: 'start', sourceHandle: 'next', conversations: 2 },
          { source: 'hello', sourceHandle: 'next', conversations: 2 },
          { source: 'menu', sourceHandle: 'order', conversations: 1 },
          { source: 'askOrder', sourceHandle: 'next', conversations: 1 },
        ]));
        expect(res.body.edges).toHaveLength(4);
        expect((await get('/api/flows/flow-chat/analytics/paths?from=2026-11-10&to=2026-11-10&version=1').expect(200)).body.started).toBe(0);
        expect((await get('/api/flows/flow-chat/analytics/paths', await s.signIn('agent'))).status).toBe(403);
      });
    });

  });
});

describe('the CSV writer the export uses', () => {
  it.each(['=SUM(A1)', '+48', '-1', '@cmd', '\tx', '\rx'])('neutralises a cell starting like %j', async (cell) => {
    const { csvRow } = await import('../../../api/src/audit/csv');
    expect(csvRow([cell]).startsWith(`'`) || csvRow([cell]).startsWith(`"'`)).toBe(true);
  });
});
