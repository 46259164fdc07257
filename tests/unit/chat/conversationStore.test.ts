import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConversationStore, HandoffState, ReviewMark, TurnWrite } from '../../../runtime/src/chat/conversationStore';
import type { Session } from '../../../runtime/src/engine/types';
import { CONVERSATION_STORE_BACKENDS, type OpenedStores } from '../../support/conversationStores';

// The ConversationStore contract: every case runs on each back end.

const session = (turn: number, id = 's1', variables: Session['variables'] = { a: 1 }): Session => ({
  id,
  flowId: 'f',
  flowVersion: 1,
  status: 'waiting',
  nodeId: 'menu',
  variables,
  retries: {},
  turn,
  startedAt: 0,
  lastActivityAt: 0,
});

const waiting = (requestedAt: number, extra: Partial<HandoffState> = {}): HandoffState => ({
  status: 'waiting',
  queue: 'q',
  priority: 'normal',
  note: '',
  requestedAt,
  assignedAgent: null,
  claimedAt: null,
  closedAt: null,
  resolution: null,
  ...extra,
});

async function seed(store: ConversationStore, id = 's1', at = 10, variables: Session['variables'] = { a: 1 }) {
  await store.create(
    { id, flowId: 'f', flowVersion: 1, tokenHash: Buffer.alloc(32, 1), session: session(1, id, variables), handoff: null, origin: null, at },
    [{ from: 'bot', kind: 'text', text: 'hi', at }],
    [{ flowId: 'f', flowVersion: 1, sessionId: id, name: 'sessionStarted', nodeId: null, data: null, at }],
  );
}

function turn(id: string, expectedTurn: number, text: string, at = 20): TurnWrite {
  return {
    sessionId: id,
    expectedTurn,
    session: session(expectedTurn + 1, id, { said: text }),
    messages: [
      { from: 'customer', kind: 'text', text, at },
      { from: 'bot', kind: 'text', text: `re: ${text}`, at },
    ],
    events: [{ flowId: 'f', flowVersion: 1, sessionId: id, name: 'inputReceived', nodeId: 'menu', data: { text }, at }],
    at,
  };
}

describe.each(CONVERSATION_STORE_BACKENDS)('ConversationStore on $name', (backend) => {
  let opened: OpenedStores;
  let store: ConversationStore;

  describe.skipIf(backend.skip)('contract', () => {
    beforeEach(async () => {
      opened = await backend.open();
      store = opened.store;
    });
    afterEach(async () => {
      await opened.dispose();
    });

    it('creates a conversation and reads it back as written', async () => {
      await seed(store);
      const record = await store.get('s1');
      expect(record).toMatchObject({ id: 's1', flowId: 'f', flowVersion: 1, handoff: null, origin: null, lastMessageId: 1, createdAt: 10, updatedAt: 10 });
      expect(record?.session).toEqual(session(1));
      expect(record?.tokenHash.equals(Buffer.alloc(32, 1))).toBe(true);
      expect(await store.get('nope')).toBeNull();
      expect(await store.listEvents('s1')).toEqual([{ flowId: 'f', flowVersion: 1, sessionId: 's1', name: 'sessionStarted', nodeId: null, data: null, at: 10 }]);
    });

    it('applies a turn only on the turn it was read at', async () => {
      await seed(store);
      const ok = await store.commitTurn({ sessionId: 's1', expectedTurn: 1, session: session(2), messages: [{ from: 'customer', kind: 'text', text: 'x', at: 11 }], events: [], at: 11 });
      expect(ok).toEqual({ ok: true, messages: [{ id: 2, from: 'customer', kind: 'text', text: 'x', at: 11 }] });
      const stale = await store.commitTurn({ sessionId: 's1', expectedTurn: 1, session: session(2), messages: [], events: [], at: 12 });
      expect(stale).toEqual({ ok: false, reason: 'conflict' });
      expect(await store.commitTurn({ sessionId: 'zz', expectedTurn: 1, session: session(2), messages: [], events: [], at: 12 })).toEqual({ ok: false, reason: 'notFound' });
      expect((await store.get('s1'))?.session.turn).toBe(2);
      expect((await store.get('s1'))?.lastMessageId).toBe(2);
    });

    it('lets exactly one of two turns read at the same point win', async () => {
      await seed(store);
      const [first, second] = await Promise.all([store.commitTurn(turn('s1', 1, 'x')), store.commitTurn(turn('s1', 1, 'y'))]);
      expect([first.ok, second.ok].sort()).toEqual([false, true]);
      const loser = first.ok ? second : first;
      expect(loser).toEqual({ ok: false, reason: 'conflict' });
      const winner = first.ok ? 'x' : 'y';
      expect((await store.get('s1'))?.session.variables).toEqual({ said: winner });
      expect((await store.listMessages('s1', 0)).map((m) => [m.id, m.text])).toEqual([
        [1, 'hi'],
        [2, winner],
        [3, `re: ${winner}`],
      ]);
    });

    it('numbers messages from turns and appends in one sequence', async () => {
      await seed(store);
      await store.appendMessages('s1', [{ from: 'agent', kind: 'text', text: 'a', agentName: 'Anna', at: 12 }], 12);
      await store.commitTurn({ sessionId: 's1', expectedTurn: 1, session: session(2), messages: [{ from: 'bot', kind: 'links', links: [{ label: 'x', url: 'https://x' }], at: 13 }], events: [], at: 13 });
      const all = await store.listMessages('s1', 0);
      expect(all.map((m) => m.id)).toEqual([1, 2, 3]);
      expect(all[1]).toEqual({ id: 2, from: 'agent', kind: 'text', text: 'a', agentName: 'Anna', at: 12 });
      expect(all[2]?.links).toEqual([{ label: 'x', url: 'https://x' }]);
      expect(await store.listMessages('s1', 2)).toHaveLength(1);
      expect(await store.listMessages('s1', 0, 2)).toHaveLength(2);
      expect(await store.appendMessages('missing', [{ from: 'agent', kind: 'text', text: 'a', at: 1 }], 1)).toBeNull();
    });

    it('numbers many concurrent appends and turns without gaps, in commit order', async () => {
      await seed(store);
      const writes: Promise<unknown>[] = [];
      for (let i = 0; i < 20; i++) writes.push(store.appendMessages('s1', [{ from: 'agent', kind: 'text', text: `a${i}`, at: 20 + i }], 20 + i));
      writes.push(store.commitTurn(turn('s1', 1, 't')));
      await Promise.all(writes);
      const all = await store.listMessages('s1', 0);
      expect(all.map((m) => m.id)).toEqual(Array.from({ length: 23 }, (_, i) => i + 1));
      expect((await store.get('s1'))?.lastMessageId).toBe(23);
    });

    it('stores a U+0000 a customer typed without failing the turn', async () => {
      await seed(store);
      const result = await store.commitTurn(turn('s1', 1, 'a\u0000b'));
      expect(result.ok).toBe(true);
      const [, said] = await store.listMessages('s1', 0);
      expect(said?.text?.startsWith('a')).toBe(true);
      expect(said?.text?.endsWith('b')).toBe(true);
      expect(await store.get('x\u0000y')).toBeNull();
      // Searches and privacy look-ups with one answer rather than fail.
      expect(await store.searchConversations({ limit: 5, text: 'zz\u0000' })).toEqual([]);
      expect(await store.findConversations('nobody\u0000x', 5)).toEqual([]);
      expect(await store.listFlowEvents({ flowId: 'f\u0000', name: 'fallback', limit: 5 })).toEqual([]);
      expect(await store.eraseConversations(['gone\u0000'])).toBe(0);
    });

    it('claims with a compare-and-set and reports who holds it', async () => {
      await seed(store);
      await store.commitTurn({ sessionId: 's1', expectedTurn: 1, session: session(2), handoff: waiting(20), messages: [], events: [], at: 20 });
      const [a, b] = await Promise.all([store.claim('s1', { id: 'a', name: 'A' }, 21), store.claim('s1', { id: 'b', name: 'B' }, 21)]);
      expect(a.ok).toBe(true);
      expect(b).toEqual({ ok: false, reason: 'alreadyClaimed', by: { id: 'a', name: 'A' } });
      expect((await store.listHandoffs({ status: 'active' })).map((c) => c.handoff?.assignedAgent)).toEqual([{ id: 'a', name: 'A' }]);
      expect(await store.claim('none', { id: 'a', name: 'A' }, 21)).toEqual({ ok: false, reason: 'notFound' });
      await seed(store, 's2');
      expect(await store.claim('s2', { id: 'a', name: 'A' }, 21)).toEqual({ ok: false, reason: 'notWaiting' });
    });

    it('reassigns only from the handoff the caller read', async () => {
      await seed(store);
      await store.commitTurn({ sessionId: 's1', expectedTurn: 1, session: session(2), handoff: waiting(20), messages: [], events: [], at: 20 });
      await store.claim('s1', { id: 'a', name: 'A' }, 21);
      const toB = waiting(20, { status: 'active', assignedAgent: { id: 'b', name: 'B' }, claimedAt: 22 });
      expect(await store.reassign('s1', { status: 'waiting', agentId: null }, toB, 22)).toBeNull();
      expect(await store.reassign('s1', { status: 'active', agentId: 'c' }, toB, 22)).toBeNull();
      const moved = await store.reassign('s1', { status: 'active', agentId: 'a' }, toB, 22);
      expect(moved?.handoff?.assignedAgent).toEqual({ id: 'b', name: 'B' });
      expect(moved?.updatedAt).toBe(22);
      const toQueue = waiting(20, { queue: 'vip' });
      expect(await store.reassign('s1', { status: 'active', agentId: 'b' }, toQueue, 23)).not.toBeNull();
      expect((await store.reassign('s1', { status: 'waiting', agentId: null }, { ...toQueue, note: 'n' }, 24))?.handoff?.note).toBe('n');
      expect(await store.reassign('missing', { status: 'waiting', agentId: null }, toQueue, 24)).toBeNull();
    });

    it('lists the waiting queue most urgent first, then oldest first, and other states newest first', async () => {
      const ids = ['low', 'urgentOld', 'urgentNew', 'normal', 'other'];
      for (const id of ids) await seed(store, id);
      const handoffs: Record<string, HandoffState> = {
        low: waiting(10, { priority: 'low' }),
        urgentOld: waiting(20, { priority: 'urgent' }),
        urgentNew: waiting(30, { priority: 'urgent' }),
        normal: waiting(5),
        other: waiting(1, { queue: 'vip', priority: 'high' }),
      };
      for (const [i, id] of ids.entries()) {
        await store.commitTurn({ sessionId: id, expectedTurn: 1, session: session(2, id), handoff: handoffs[id]!, messages: [], events: [], at: 100 + i });
      }
      expect((await store.listHandoffs({ status: 'waiting' })).map((c) => c.id)).toEqual(['urgentOld', 'urgentNew', 'other', 'normal', 'low']);
      expect((await store.listHandoffs({ status: 'waiting', queue: 'q', limit: 2 })).map((c) => c.id)).toEqual(['urgentOld', 'urgentNew']);
      await store.claim('low', { id: 'a', name: 'A' }, 200);
      await store.claim('normal', { id: 'a', name: 'A' }, 201);
      expect((await store.listHandoffs({ status: 'active' })).map((c) => c.id)).toEqual(['normal', 'low']);
      expect(await store.listQueues()).toEqual(['q', 'vip']);
    });

    it('breaks ties in the handoff lists by id (byte order): the waiting queue ascending, other states descending', async () => {
      const ids = ['b-2', 'B-1', 'a-3', 'c-0'];
      for (const id of ids) {
        await seed(store, id);
        // The same priority, request time and last change for all four.
        await store.commitTurn({ sessionId: id, expectedTurn: 1, session: session(2, id), handoff: waiting(10), messages: [], events: [], at: 100 });
      }
      expect((await store.listHandoffs({ status: 'waiting' })).map((c) => c.id)).toEqual(['B-1', 'a-3', 'b-2', 'c-0']);
      for (const id of ids) expect(await store.reassign(id, { status: 'waiting', agentId: null }, waiting(10, { status: 'closed' }), 200)).not.toBeNull();
      expect((await store.listHandoffs({ status: 'closed' })).map((c) => c.id)).toEqual(['c-0', 'b-2', 'a-3', 'B-1']);
      expect((await store.listHandoffs({ status: 'closed', limit: 2 })).map((c) => c.id)).toEqual(['c-0', 'b-2']);
    });

    it("lists a flow's events of one name newest first, by version and before an instant", async () => {
      await seed(store, 's1', 10);
      await seed(store, 's2', 30);
      const fallback = (sessionId: string, flowVersion: number, at: number) => ({ flowId: 'f', flowVersion, sessionId, name: 'fallback' as const, nodeId: 'n', data: { text: `${sessionId}@${at}` }, at });
      await store.commitTurn({ ...turn('s1', 1, 'a', 40), events: [fallback('s1', 1, 40), fallback('s1', 1, 41)] });
      await store.commitTurn({ ...turn('s2', 1, 'b', 50), events: [fallback('s2', 2, 50)] });
      const texts = async (q: Partial<Parameters<ConversationStore['listFlowEvents']>[0]>) =>
        (await store.listFlowEvents({ flowId: 'f', name: 'fallback', limit: 10, ...q })).map((e) => e.data?.text);
      expect(await texts({})).toEqual(['s2@50', 's1@41', 's1@40']);
      expect(await texts({ flowVersion: 1 })).toEqual(['s1@41', 's1@40']);
      expect(await texts({ before: 50, limit: 1 })).toEqual(['s1@41']);
      expect(await texts({ flowId: 'other' })).toEqual([]);
      // A turn's events come back in the order the turn wrote them.
      expect((await store.listEvents('s1')).map((e) => e.data?.text ?? e.name)).toEqual(['sessionStarted', 's1@40', 's1@41']);
    });

    it('keeps review marks per flow and key: replaced on a second put, removed on undo', async () => {
      const mark = (key: string, extra: Partial<ReviewMark> = {}): ReviewMark => ({
        flowId: 'f',
        key,
        action: 'dismissed',
        beforeVersion: 0,
        target: null,
        by: 'u1',
        at: 1_700_000_000_000,
        ...extra,
      });
      await store.putReviewMarks([mark('gdzie paczka'), mark('pogoda'), mark('pogoda', { action: 'added', beforeVersion: 3, target: 'intent "x"' })]);
      await store.putReviewMarks([mark('other flow', { flowId: 'g' })]);
      const marks = (await store.listReviewMarks('f')).sort((a, b) => (a.key < b.key ? -1 : 1));
      expect(marks).toEqual([mark('gdzie paczka'), mark('pogoda', { action: 'added', beforeVersion: 3, target: 'intent "x"' })]);
      expect(await store.deleteReviewMarks('f', ['pogoda', 'never marked'])).toBe(1);
      expect((await store.listReviewMarks('f')).map((m) => m.key)).toEqual(['gdzie paczka']);
      expect((await store.listReviewMarks('g')).map((m) => m.key)).toEqual(['other flow']);
      expect(await store.deleteReviewMarks('f', [])).toBe(0);
    });

    it('removes every review mark of a deleted flow, and only that flow’s', async () => {
      const mark = (flowId: string, key: string): ReviewMark => ({ flowId, key, action: 'dismissed', beforeVersion: 0, target: null, by: 'u1', at: 1 });
      await store.putReviewMarks([mark('gone', 'a'), mark('gone', 'b'), mark('kept', 'a')]);
      expect(await store.deleteFlowReviewMarks('gone')).toBe(2);
      expect(await store.listReviewMarks('gone')).toEqual([]);
      expect((await store.listReviewMarks('kept')).map((m) => m.key)).toEqual(['a']);
      expect(await store.deleteFlowReviewMarks('gone')).toBe(0);
    });

    it('counts flows, running conversations per version, and online agents', async () => {
      await seed(store, 's1', 10);
      await seed(store, 's2', 10);
      await store.commitTurn({ ...turn('s2', 1, 'done', 500), session: { ...session(2, 's2'), status: 'completed' } });
      expect(await store.listConversationFlows()).toEqual([{ flowId: 'f', flowVersion: 1 }]);
      expect(await store.countRunningByVersion('f', 0)).toEqual({ 1: 1 });
      expect(await store.countRunningByVersion('f', 11)).toEqual({});
      expect(await store.countOnlineAgents()).toBe(0);
      await store.setAvailability({ id: 'b', name: 'Bea' }, 'online', 1);
      await store.setAvailability({ id: 'a', name: 'Ann' }, 'online', 1);
      await store.setAvailability({ id: 'a', name: 'Ann' }, 'away', 2);
      expect(await store.countOnlineAgents()).toBe(1);
      expect(await store.getAvailability('a')).toEqual({ agentId: 'a', name: 'Ann', status: 'away', updatedAt: 2 });
      expect(await store.getAvailability('zz')).toBeNull();
      expect((await store.listAgents()).map((a) => a.name)).toEqual(['Ann', 'Bea']);
    });

    it('counts online agents now, or as of a record it returned (never older than that read)', async () => {
      await seed(store, 's1');
      await store.setAvailability({ id: 'a', name: 'Ann' }, 'online', 1);
      const record = (await store.get('s1'))!;
      expect(await store.countOnlineAgents(record)).toBe(1);
      await store.setAvailability({ id: 'a', name: 'Ann' }, 'away', 2);
      expect(await store.countOnlineAgents()).toBe(0);
      // As of the read where the store counted then (PostgreSQL), else now (SQLite); see postgresStore.test.ts.
      expect([0, 1]).toContain(await store.countOnlineAgents(record));
      expect(await store.countOnlineAgents((await store.get('s1'))!)).toBe(0);
      expect(await store.countOnlineAgents({ ...record })).toBe(0);
    });

    it('searches history by text, filters and a page cursor, newest first', async () => {
      for (const [id, at] of [['c1', 100], ['c2', 200], ['c3', 300], ['c4', 300]] as const) await seed(store, id, at);
      await store.commitTurn(turn('c1', 1, 'My ORDER 100% late', 110));
      await store.commitTurn(turn('c2', 1, 'where is my order_', 210));
      await store.commitTurn({ ...turn('c3', 1, 'hello', 310), session: { ...session(2, 'c3'), status: 'completed' } });
      const ids = async (q: Partial<Parameters<ConversationStore['searchConversations']>[0]>) =>
        (await store.searchConversations({ limit: 10, ...q })).map((h) => h.record.id);
      expect(await ids({})).toEqual(['c4', 'c3', 'c2', 'c1']);
      expect(await ids({ text: 'order' })).toEqual(['c2', 'c1']);
      expect(await ids({ text: '100%' })).toEqual(['c1']);
      expect(await ids({ text: 'r_' })).toEqual(['c2']);
      expect(await ids({ text: '0%_' })).toEqual([]);
      expect(await ids({ status: 'completed' })).toEqual(['c3']);
      expect(await ids({ from: 200, to: 300 })).toEqual(['c2']);
      expect(await ids({ flowId: 'g' })).toEqual([]);
      expect(await ids({ limit: 2 })).toEqual(['c4', 'c3']);
      expect(await ids({ limit: 2, after: { createdAt: 300, id: 'c3' } })).toEqual(['c2', 'c1']);
      expect(await ids({ after: { createdAt: 300, id: 'c4' } })).toEqual(['c3', 'c2', 'c1']);
      const [hit] = await store.searchConversations({ limit: 1, text: 'ORDER 100' });
      expect(hit?.excerpt).toBe('My ORDER 100% late');
      const [plain] = await store.searchConversations({ limit: 1, from: 200, to: 300 });
      expect(plain?.excerpt).toBe('where is my order_');
      const [silent] = await store.searchConversations({ limit: 1 });
      expect(silent?.excerpt).toBeNull();
    });

    it("lists a flow's conversations for analytics newest first, ids in byte order, with their counted events", async () => {
      for (const [id, at] of [['c1', 100], ['c2', 200], ['a1', 300], ['Z9', 300]] as const) await seed(store, id, at);
      const ev = (sessionId: string, name: 'goalReached' | 'csat' | 'fallback' | 'handedOff' | 'nodeEntered', nodeId: string, data: Record<string, string | number>, at: number) => ({
        flowId: 'f', flowVersion: 1, sessionId, name, nodeId, data, at,
      });
      await store.commitTurn({
        ...turn('c1', 1, 'where is it', 110),
        events: [ev('c1', 'fallback', 'faq', { text: 'where is it' }, 110), ev('c1', 'goalReached', 'thanks', { label: 'Done' }, 110), ev('c1', 'csat', 'rate', { rating: 2 }, 110)],
      });
      await store.commitTurn({ ...turn('c2', 1, 'human', 210), handoff: waiting(210), events: [ev('c2', 'handedOff', 'h', { queue: 'q' }, 210)] });
      const list = (q: Partial<Parameters<ConversationStore['listAnalyticsConversations']>[0]> = {}) =>
        store.listAnalyticsConversations({ flowId: 'f', from: 0, to: 1000, limit: 10, maxScanned: 100, accept: () => true, ...q });
      const all = await list();
      expect(all.rows.map((r) => r.id)).toEqual(['a1', 'Z9', 'c2', 'c1']);
      expect(all.resumeAfter).toBeNull();
      const c1 = all.rows[3]!;
      expect(c1).toMatchObject({ flowVersion: 1, createdAt: 100, updatedAt: 110, handedOff: false, goals: ['thanks'], csat: [2], unrecognised: 1, messages: 3, customerMessages: 1 });
      expect(c1.goalLabels).toEqual(new Map([['thanks', 'Done']]));
      expect(all.rows[2]).toMatchObject({ id: 'c2', handedOff: true, queue: 'q', csat: [], goals: [] });
      expect((await list({ accept: (r) => r.csat.length > 0 })).rows.map((r) => r.id)).toEqual(['c1']);
      const first = await list({ limit: 1 });
      expect(first).toMatchObject({ rows: [{ id: 'a1' }], resumeAfter: { createdAt: 300, id: 'a1' } });
      expect((await list({ after: first.resumeAfter! })).rows.map((r) => r.id)).toEqual(['Z9', 'c2', 'c1']);
      expect(await list({ maxScanned: 2, accept: () => false })).toEqual({ rows: [], resumeAfter: { createdAt: 300, id: 'Z9' } });
      expect((await list({ from: 150, to: 250 })).rows.map((r) => r.id)).toEqual(['c2']);
      expect((await list({ flowVersion: 2 })).rows).toEqual([]);
      expect((await list({ flowId: 'g' })).rows).toEqual([]);
    });

    it("gives one conversation's path: the nodes entered in order, with the step and output each came through", async () => {
      await seed(store, 'p1', 10);
      await seed(store, 'p2', 12);
      const entered = (sessionId: string, nodeId: string, at: number, from?: [string, string]) => {
        const data: Record<string, string> = from ? { kind: 'x', fromNodeId: from[0], viaHandle: from[1] } : { kind: 'x' };
        return { flowId: 'f', flowVersion: 1, sessionId, name: 'nodeEntered' as const, nodeId, data, at };
      };
      await store.commitTurn({ ...turn('p1', 1, 'a', 20), events: [entered('p1', 'menu', 20), entered('p1', 'ask', 20, ['menu', 'order'])] });
      await store.commitTurn({ ...turn('p2', 1, 'b', 21), events: [entered('p2', 'other', 21)] });
      await store.commitTurn({ ...turn('p1', 2, 'c', 30), events: [entered('p1', 'thanks', 30, ['ask', 'next'])] });
      expect(await store.conversationPath('p1')).toEqual({
        flowId: 'f',
        steps: [
          { nodeId: 'menu', at: 20, from: null },
          { nodeId: 'ask', at: 20, from: { nodeId: 'menu', handle: 'order' } },
          { nodeId: 'thanks', at: 30, from: { nodeId: 'ask', handle: 'next' } },
        ],
      });
      expect(await store.conversationPath('nope')).toBeNull();
    });

    it('finds a customer by conversation id, captured variable, phone digits or their own words', async () => {
      await seed(store, 'byEmail', 10, { email: ' Jan@Example.com ' });
      await seed(store, 'byPhone', 20, { phone: '+48 600-100-200', n: 600100200 });
      await seed(store, 'byWords', 30, {});
      await store.commitTurn(turn('byWords', 1, 'my parcel for Jan Kowalski', 31));
      const find = async (q: string) => (await store.findConversations(q, 10)).map((m) => [m.record.id, m.matchedBy]);
      expect(await find('byPhone')).toEqual([['byPhone', 'id']]);
      expect(await find('jan@example.COM')).toEqual([['byEmail', 'variable']]);
      expect(await find('600 100 200')).toEqual([['byPhone', 'variable']]);
      expect(await find('0048600100200')).toEqual([['byPhone', 'variable']]);
      expect(await find('jan kowalski')).toEqual([['byWords', 'message']]);
      expect(await find('re: my parcel')).toEqual([]);
      expect(await find('Jan')).toEqual([]);
    });

    it('lists a customer’s conversations newest first, those started at the same instant by id in byte order', async () => {
      for (const id of ['b-2', 'B-1', 'a-3', 'c-0']) await seed(store, id, 50, { email: 'same@example.pl' });
      await seed(store, 'older', 40, { email: 'same@example.pl' });
      await seed(store, 'newer', 60, { email: 'same@example.pl' });
      const found = (await store.findConversations('same@example.pl', 10)).map((m) => m.record.id);
      expect(found).toEqual(['newer', 'c-0', 'b-2', 'a-3', 'B-1', 'older']);
    });

    it('erases conversations with their messages and events, keeping what they counted per day', async () => {
      const day1 = Date.UTC(2026, 10, 20, 23, 59);
      const day2 = Date.UTC(2026, 10, 21, 0, 1);
      await seed(store, 'a', day1);
      await seed(store, 'b', day2);
      await seed(store, 'keep', day2);
      await store.commitTurn({ ...turn('a', 1, 'x', day2), session: { ...session(2, 'a'), status: 'completed' }, handoff: waiting(day2) });
      expect((await store.idleConversationsBefore(day2 + 1, 10)).sort()).toEqual(['a', 'b', 'keep']);
      expect(await store.idleConversationsBefore(day2 + 1, 1)).toEqual(['a']);
      expect(await store.idleConversationsBefore(day2, 10)).toEqual([]);
      expect(await store.eraseConversations(['a', 'b', 'missing'])).toBe(2);
      expect(await store.eraseConversations([])).toBe(0);
      for (const id of ['a', 'b']) {
        expect(await store.get(id)).toBeNull();
        expect(await store.listMessages(id, 0)).toEqual([]);
        expect(await store.listEvents(id)).toEqual([]);
      }
      expect(await store.get('keep')).not.toBeNull();
      expect(await store.dailyCounts('f')).toEqual([
        { flowId: 'f', day: '2026-11-20', metric: 'conversations.completed', count: 1 },
        { flowId: 'f', day: '2026-11-20', metric: 'conversations.handedOff', count: 1 },
        { flowId: 'f', day: '2026-11-20', metric: 'conversations.started', count: 1 },
        { flowId: 'f', day: '2026-11-20', metric: 'events.sessionStarted', count: 1 },
        { flowId: 'f', day: '2026-11-21', metric: 'conversations.started', count: 1 },
        { flowId: 'f', day: '2026-11-21', metric: 'events.inputReceived', count: 1 },
        { flowId: 'f', day: '2026-11-21', metric: 'events.sessionStarted', count: 1 },
      ]);
      await store.eraseConversations(['keep']);
      expect((await store.dailyCounts()).find((c) => c.day === '2026-11-21' && c.metric === 'conversations.started')?.count).toBe(2);
      expect(await store.dailyCounts('other')).toEqual([]);
    });
  });

  describe.skipIf(backend.skip)('two instances on one database', () => {
    let other: ConversationStore | null;
    beforeEach(async () => {
      opened = await backend.open();
      store = opened.store;
      other = await opened.another();
    });
    afterEach(async () => {
      await opened.dispose();
    });

    it('applies exactly one of two turns read at the same point, whichever instance commits first', async ({ skip }) => {
      if (!other) return skip();
      await seed(store);
      for (let round = 1; round <= 10; round++) {
        const results = await Promise.all([store.commitTurn(turn('s1', round, `a${round}`)), other.commitTurn(turn('s1', round, `b${round}`))]);
        expect(results.filter((r) => r.ok)).toHaveLength(1);
        expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, reason: 'conflict' }]);
      }
      const messages = await other.listMessages('s1', 0);
      expect(messages.map((m) => m.id)).toEqual(Array.from({ length: 21 }, (_, i) => i + 1));
      expect((await store.get('s1'))?.session.turn).toBe(11);
    });

    it('gives one handed-off conversation to exactly one of two agents claiming through two instances', async ({ skip }) => {
      if (!other) return skip();
      for (let i = 0; i < 10; i++) {
        const id = `h${i}`;
        await seed(store, id);
        await store.commitTurn({ sessionId: id, expectedTurn: 1, session: session(2, id), handoff: waiting(20), messages: [], events: [], at: 20 });
        const [a, b] = await Promise.all([store.claim(id, { id: 'a', name: 'A' }, 21), other.claim(id, { id: 'b', name: 'B' }, 21)]);
        expect([a.ok, b.ok].filter(Boolean)).toHaveLength(1);
        const loser = a.ok ? b : a;
        expect(loser).toMatchObject({ ok: false, reason: 'alreadyClaimed', by: a.ok ? { id: 'a' } : { id: 'b' } });
      }
    });

    it('erases conversations while turns commit on them (through the other instance where there is one), leaving nothing behind', async () => {
      const via = other ?? store;
      const ids = Array.from({ length: 12 }, (_, i) => `e${i}`);
      for (const id of ids) await seed(store, id, Date.UTC(2026, 10, 20, 12));
      const [turns, erased] = await Promise.all([
        Promise.all(ids.map((id) => via.commitTurn(turn(id, 1, 'x', Date.UTC(2026, 10, 20, 13))))),
        store.eraseConversations(ids),
      ]);
      expect(erased).toBe(ids.length);
      // A turn either committed before the erasure took the conversation (and is counted) or found it gone.
      for (const r of turns) expect(r.ok || r.reason === 'notFound').toBe(true);
      for (const id of ids) {
        expect(await via.get(id)).toBeNull();
        expect(await via.listMessages(id, 0)).toEqual([]);
        expect(await via.listEvents(id)).toEqual([]);
      }
      const counts = await via.dailyCounts('f');
      const metric = (name: string) => counts.find((c) => c.metric === name)?.count ?? 0;
      expect(metric('conversations.started')).toBe(ids.length);
      expect(metric('events.inputReceived')).toBe(turns.filter((r) => r.ok).length);
    });

    it('numbers messages written through both instances at once in one gapless sequence', async ({ skip }) => {
      if (!other) return skip();
      await seed(store);
      const writes = Array.from({ length: 30 }, (_, i) =>
        (i % 2 ? store : other!).appendMessages('s1', [{ from: 'agent', kind: 'text', text: `m${i}`, at: 100 + i }, { from: 'system', kind: 'event', text: 'agentJoined', at: 100 + i }], 100 + i),
      );
      const results = await Promise.all(writes);
      const ids = results.flatMap((r) => r!.map((m) => m.id));
      expect(ids.sort((x, y) => x - y)).toEqual(Array.from({ length: 60 }, (_, i) => i + 2));
      // Each write's two messages are adjacent: no other write got an id between them.
      for (const r of results) expect(r![1]!.id - r![0]!.id).toBe(1);
      expect((await other.get('s1'))?.lastMessageId).toBe(61);
    });
  });
});
