import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConversationStore } from '../../../runtime/src/chat/conversationStore';
import { CONVERSATION_STORE_BACKENDS, type OpenedStores } from '../../support/conversationStores';
import { customer, events, handoff, history, MIN, session, T0 } from './support/analyticsHistory';

// What a store answers for analytics, written only through the store's own methods (turns,
// agent messages, handoff changes, erasure): every case runs on each back end.

describe.each(CONVERSATION_STORE_BACKENDS)('analytics facts on $name', (backend) => {
  let opened: OpenedStores;
  let store: ConversationStore;

  describe.skipIf(backend.skip)('contract', () => {
    beforeEach(async () => {
      opened = await backend.open();
      store = opened.store;
      await history(store);
    });
    afterEach(async () => {
      await opened.dispose();
    });

    const window = { flowId: 'f', from: T0, to: T0 + 60 * MIN, activeSince: T0 + 40 * MIN };

    it('sums each 15-minute bucket of starts by outcome, with ratings, FAQ answers and unrecognised messages', async () => {
      const facts = await store.analyticsFacts(window);
      const zero = { contained: 0, handedOff: 0, abandoned: 0, inProgress: 0, offline: 0, customerMessages: 0, unrecognised: 0, faqYes: 0, faqNo: 0, csat: [0, 0, 0, 0, 0], knowledge: { answered: 0, noAnswer: 0, failed: 0, yes: 0, no: 0 }, tieBreaks: { picked: 0, none: 0, failed: 0, agreed: 0 } };
      expect(facts.buckets).toEqual([
        { ...zero, start: T0, started: 2, contained: 1, handedOff: 1, customerMessages: 3, unrecognised: 1, faqYes: 1, csat: [0, 0, 0, 1, 0], knowledge: { answered: 1, noAnswer: 1, failed: 0, yes: 1, no: 0 }, tieBreaks: { picked: 1, none: 0, failed: 1, agreed: 1 } },
        { ...zero, start: T0 + 15 * MIN, started: 1, abandoned: 1, customerMessages: 1 },
        { ...zero, start: T0 + 45 * MIN, started: 1, inProgress: 1 },
      ]);
      expect(facts.goals).toEqual([{ start: T0, nodeId: 'thanks', conversations: 1 }]);
      expect(facts.goalLabels).toEqual(new Map([['thanks', 'Order status given']]));
      // First agent reply and close, from the handoff request.
      expect(facts.handoffs).toEqual([{ queue: 'billing', firstReplyMs: 2 * MIN, closeMs: 6 * MIN }]);
      // Bot reply times of every timed turn, ascending.
      expect(facts.replyMs).toEqual([80, 120]);
    });

    it('narrows to a version and to the window, and counts silence by activeSince', async () => {
      const v2 = await store.analyticsFacts({ ...window, flowVersion: 2 });
      expect(v2.buckets.map((b) => [b.start, b.started])).toEqual([[T0 + 45 * MIN, 1]]);
      expect(v2.goals).toEqual([]);
      expect(v2.replyMs).toEqual([]);
      const late = await store.analyticsFacts({ ...window, from: T0 + 15 * MIN });
      expect(late.buckets.map((b) => b.start)).toEqual([T0 + 15 * MIN, T0 + 45 * MIN]);
      expect(late.handoffs).toEqual([]);
      // Everyone was active after T0: C is in progress, not abandoned.
      const early = await store.analyticsFacts({ ...window, activeSince: T0 });
      expect(early.buckets[1]).toMatchObject({ abandoned: 0, inProgress: 1 });
      expect((await store.analyticsFacts({ ...window, flowId: 'other' })).buckets).toEqual([]);
    });

    it('counts each step and output once per conversation, and where abandoned ones stopped', async () => {
      const paths = await store.analyticsPaths(window);
      expect(paths.started).toBe(4);
      const sorted = <T extends { conversations: number }>(xs: T[]) => [...xs].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
      expect(sorted(paths.entered)).toEqual(sorted([
        { nodeId: 'start', conversations: 4 },
        { nodeId: 'menu', conversations: 3 },
      ]));
      expect(sorted(paths.edges)).toEqual(sorted([
        { source: 'start', sourceHandle: 'next', conversations: 3 },
        { source: 'menu', sourceHandle: 'loop', conversations: 1 },
      ]));
      expect(paths.droppedHere).toEqual([{ nodeId: 'menu', conversations: 1 }]);
      expect((await store.analyticsPaths({ ...window, flowVersion: 2 })).entered).toEqual([{ nodeId: 'start', conversations: 1 }]);
    });

    it('forgets erased conversations, and a new handoff waits for a new first reply', async () => {
      await store.eraseConversations(['A', 'C']);
      const facts = await store.analyticsFacts(window);
      expect(facts.buckets.map((b) => [b.start, b.started])).toEqual([[T0, 1], [T0 + 45 * MIN, 1]]);
      expect(facts.goals).toEqual([]);
      expect(facts.replyMs).toEqual([]);
      const paths = await store.analyticsPaths(window);
      expect(paths.entered).toEqual(expect.arrayContaining([{ nodeId: 'menu', conversations: 1 }, { nodeId: 'start', conversations: 2 }]));
      expect(paths.edges).toEqual([{ source: 'start', sourceHandle: 'next', conversations: 1 }]);
      expect(paths.droppedHere).toEqual([]);

      // B asks again later: the earlier agent replies do not answer the new request.
      await store.commitTurn({
        sessionId: 'B', expectedTurn: 2, session: session('B', 3, 'handedOff'), handoff: handoff(T0 + 30 * MIN), at: T0 + 30 * MIN,
        messages: [customer('me again', T0 + 30 * MIN)], events: events('B', T0 + 30 * MIN, [['handedOff', 'handoff', { queue: 'billing' }]]),
      });
      expect((await store.analyticsFacts(window)).handoffs).toEqual([{ queue: 'billing', firstReplyMs: null, closeMs: null }]);
      await store.appendMessages('B', [{ from: 'agent', kind: 'text', text: 'back', agentName: 'Agent', at: T0 + 31 * MIN }], T0 + 31 * MIN);
      expect((await store.analyticsFacts(window)).handoffs).toEqual([{ queue: 'billing', firstReplyMs: MIN, closeMs: null }]);
    });
  });
});

