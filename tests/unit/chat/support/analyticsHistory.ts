import type { ConversationStore, EventRecord, HandoffState } from '../../../../runtime/src/chat/conversationStore';
import type { EngineEventName, Session } from '../../../../runtime/src/engine/types';
import type { NewMessage } from '../../../../runtime/src/chat/messages';

// A small history for the analytics store tests, written only through the store's own methods.

export const T0 = Date.UTC(2026, 10, 21, 10, 0); // a bucket boundary
export const MIN = 60_000;

export const session = (id: string, turn: number, status: Session['status'] = 'waiting'): Session => ({
  id, flowId: 'f', flowVersion: 1, status, nodeId: 'menu', variables: {}, retries: {}, turn, startedAt: 0, lastActivityAt: 0,
});

type Ev = [name: EngineEventName, nodeId: string | null, data?: EventRecord['data']];
export const events = (id: string, at: number, list: Ev[], version = 1): EventRecord[] =>
  list.map(([name, nodeId, data]) => ({ flowId: 'f', flowVersion: version, sessionId: id, name, nodeId, data: data ?? null, at }));
const entered = (nodeId: string, from?: [string, string]): Ev => ['nodeEntered', nodeId, from ? { kind: 'x', fromNodeId: from[0], viaHandle: from[1] } : { kind: 'x' }];
export const customer = (text: string, at: number): NewMessage => ({ from: 'customer', kind: 'text', text, at });

export const handoff = (requestedAt: number, extra: Partial<HandoffState> = {}): HandoffState => ({
  status: 'waiting', queue: 'billing', priority: 'normal', note: '', requestedAt, assignedAgent: null, claimedAt: null, closedAt: null, resolution: null, ...extra,
});

async function start(store: ConversationStore, id: string, at: number, list: Ev[] = [entered('start')], version = 1) {
  await store.create(
    { id, flowId: 'f', flowVersion: version, tokenHash: Buffer.alloc(32, 1), session: { ...session(id, 1), flowVersion: version }, handoff: null, origin: null, at },
    [{ from: 'bot', kind: 'text', text: 'hi', at }],
    events(id, at, [['sessionStarted', null], ...list], version),
  );
}

/** A: contained, with a goal, a rating, FAQ feedback, knowledge answers, model tie-breaks and an unrecognised message. B: handed off, answered, closed. C: abandoned at the menu. D: in progress. */
export async function history(store: ConversationStore) {
  await start(store, 'A', T0);
  await store.commitTurn({
    sessionId: 'A', expectedTurn: 1, session: session('A', 2, 'completed'), at: T0 + MIN, replyMs: 120,
    messages: [customer('where is it', T0 + MIN), customer('order 12', T0 + MIN)],
    events: events('A', T0 + MIN, [
      ['fallback', 'faq', { text: 'where is it', reason: 'lowConfidence' }],
      entered('menu', ['start', 'next']),
      ['faqFeedback', 'faq', { itemId: 'i', helpful: true }],
      ['goalReached', 'thanks', { label: 'Order status given' }],
      ['goalReached', 'thanks', { label: 'Order status given' }],
      ['csat', 'rate', { rating: 4 }],
      ['knowledgeAnswer', 'kb', { outcome: 'answered', sources: 2 }],
      ['knowledgeFeedback', 'kb', { helpful: true }],
      ['knowledgeAnswer', 'kb', { outcome: 'noAnswer' }],
      ['intentTieBreak', 'intent', { classifierGuess: 'track', classifierScore: 0.3, modelPick: 'track', outcome: 'picked' }],
      ['intentTieBreak', 'intent', { classifierGuess: 'track', classifierScore: 0.2, modelPick: null, outcome: 'failed', reason: 'timeout' }],
    ]),
  });
  await start(store, 'B', T0 + 2 * MIN);
  await store.commitTurn({
    sessionId: 'B', expectedTurn: 1, session: session('B', 2, 'handedOff'), handoff: handoff(T0 + 3 * MIN), at: T0 + 3 * MIN,
    messages: [customer('a human please', T0 + 3 * MIN)],
    events: events('B', T0 + 3 * MIN, [entered('menu', ['start', 'next']), ['handedOff', 'handoff', { queue: 'billing' }]]),
  });
  await store.claim('B', { id: 'ag', name: 'Agent' }, T0 + 4 * MIN);
  await store.appendMessages('B', [{ from: 'agent', kind: 'text', text: 'hello', agentName: 'Agent', at: T0 + 5 * MIN }], T0 + 5 * MIN);
  await store.appendMessages('B', [{ from: 'agent', kind: 'text', text: 'again', agentName: 'Agent', at: T0 + 6 * MIN }], T0 + 6 * MIN);
  const active = handoff(T0 + 3 * MIN, { status: 'active', assignedAgent: { id: 'ag', name: 'Agent' }, claimedAt: T0 + 4 * MIN });
  await store.reassign('B', { status: 'active', agentId: 'ag' }, { ...active, status: 'closed', closedAt: T0 + 9 * MIN, resolution: 'closed' }, T0 + 9 * MIN);
  await start(store, 'C', T0 + 20 * MIN);
  await store.commitTurn({
    sessionId: 'C', expectedTurn: 1, session: session('C', 2), at: T0 + 21 * MIN, messages: [customer('menu', T0 + 21 * MIN)], replyMs: 80,
    events: events('C', T0 + 21 * MIN, [entered('menu', ['start', 'next']), entered('menu', ['menu', 'loop'])]),
  });
  await start(store, 'D', T0 + 50 * MIN, [entered('start')], 2);
}

