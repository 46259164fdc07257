import {
  ANALYTICS_BUCKET_MS,
  outcomeAt,
  KNOWLEDGE_KEYS,
  noKnowledgeCounts,
  noTieBreakCounts,
  TIE_BREAK_KEYS,
  type AnalyticsFacts,
  type AnalyticsFactsQuery,
  type BucketFacts,
  type ConversationFact,
  type PathFacts,
} from '../../../runtime/src/chat/analyticsFacts';

// How a store without rollups (PostgreSQL) reads analytics from stored conversations and events:
// per conversation, then summed the way runtime/src/chat/analyticsFacts.ts defines. The SQLite
// store keeps the same sums in rollups (sqlite/analyticsRollups.ts); the store contract tests
// hold both to the same results.

const bucketOf = (ms: number) => Math.floor(ms / ANALYTICS_BUCKET_MS) * ANALYTICS_BUCKET_MS;

/** Sums per-conversation facts into the store's answer (all but the reply times and unique visitors); `conversations` in start order. */
export function sumFacts(conversations: readonly ConversationFact[], goalLabels: Map<string, string>, query: AnalyticsFactsQuery): Omit<AnalyticsFacts, 'replyMs' | 'uniqueVisitors' | 'uniqueVisitorsByDay'> {
  const buckets = new Map<number, BucketFacts>();
  const goals = new Map<string, { start: number; nodeId: string; conversations: number }>();
  const handoffs: AnalyticsFacts['handoffs'] = [];
  for (const c of conversations) {
    const start = bucketOf(c.createdAt);
    let b = buckets.get(start);
    if (!b) {
      b = { start, started: 0, contained: 0, handedOff: 0, abandoned: 0, inProgress: 0, offline: 0, customerMessages: 0, unrecognised: 0, faqYes: 0, faqNo: 0, csat: [0, 0, 0, 0, 0], knowledge: noKnowledgeCounts(), tieBreaks: noTieBreakCounts() };
      buckets.set(start, b);
    }
    b.started++;
    b[outcomeAt(c, query.activeSince)]++;
    if (c.offline) b.offline++;
    b.customerMessages += c.customerMessages;
    b.unrecognised += c.unrecognised;
    b.faqYes += c.faqYes;
    b.faqNo += c.faqNo;
    for (const r of c.csat) b.csat[r - 1]!++;
    for (const k of KNOWLEDGE_KEYS) b.knowledge[k] += c.knowledge[k];
    for (const k of TIE_BREAK_KEYS) b.tieBreaks[k] += c.tieBreaks[k];
    for (const nodeId of c.goals) {
      const key = `${start}\u0000${nodeId}`;
      const g = goals.get(key);
      if (g) g.conversations++;
      else goals.set(key, { start, nodeId, conversations: 1 });
    }
    if (c.handoffRequestedAt !== null && c.queue !== null) {
      handoffs.push({
        queue: c.queue,
        firstReplyMs: c.firstAgentReplyAt === null ? null : c.firstAgentReplyAt - c.handoffRequestedAt,
        closeMs: c.handoffClosedAt === null ? null : c.handoffClosedAt - c.handoffRequestedAt,
      });
    }
  }
  return { buckets: [...buckets.values()].sort((a, b) => a.start - b.start), goals: [...goals.values()], goalLabels, handoffs };
}

/** One conversation's path, in the order its steps were entered. */
export interface ConversationPath {
  status: string;
  updatedAt: number;
  handedOff: boolean;
  nodes: string[];
  /** `source\u0000handle` of each step output followed. */
  edges: string[];
}

/** Sums conversation paths into the overlay's traffic: each step and output once per conversation. */
export function sumPaths(paths: readonly ConversationPath[], activeSince: number): PathFacts {
  const entered = new Map<string, number>();
  const dropped = new Map<string, number>();
  const edges = new Map<string, number>();
  for (const p of paths) {
    for (const id of new Set(p.nodes)) entered.set(id, (entered.get(id) ?? 0) + 1);
    for (const key of new Set(p.edges)) edges.set(key, (edges.get(key) ?? 0) + 1);
    const last = p.nodes[p.nodes.length - 1];
    if (last !== undefined && outcomeAt(p, activeSince) === 'abandoned') dropped.set(last, (dropped.get(last) ?? 0) + 1);
  }
  return {
    started: paths.length,
    entered: [...entered].map(([nodeId, conversations]) => ({ nodeId, conversations })),
    edges: [...edges].map(([key, conversations]) => {
      const [source, sourceHandle] = key.split('\u0000') as [string, string];
      return { source, sourceHandle, conversations };
    }),
    droppedHere: [...dropped].map(([nodeId, conversations]) => ({ nodeId, conversations })),
  };
}

/** The event names analytics reads; everything else (nodeEntered, inputReceived...) is skipped in SQL. */
export const COUNTED_EVENTS = ['handedOff', 'handoffOffline', 'goalReached', 'csat', 'faqFeedback', 'fallback', 'knowledgeAnswer', 'knowledgeFeedback', 'intentTieBreak'] as const;

/** An event row as analytics reads it. */
export interface AnalyticsEventRow {
  session_id: string;
  name: string;
  node_id: string | null;
  data: string | null;
}

export function parseData(data: string | null): Record<string, unknown> {
  if (data === null) return {};
  try {
    const value: unknown = JSON.parse(data);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** Folds one counted event into its conversation's facts (the figures' and the conversation list's); goal labels are collected on the side. */
export function applyEvent(
  fact: Pick<ConversationFact, 'handedOff' | 'offline' | 'goals' | 'csat' | 'faqYes' | 'faqNo' | 'unrecognised' | 'knowledge' | 'tieBreaks'>,
  e: AnalyticsEventRow,
  goalLabels: Map<string, string>,
): void {
  const data = parseData(e.data);
  switch (e.name) {
    case 'handedOff':
      fact.handedOff = true;
      return;
    case 'handoffOffline':
      fact.handedOff = true;
      fact.offline = true;
      return;
    case 'goalReached':
      if (e.node_id === null) return;
      if (!fact.goals.includes(e.node_id)) fact.goals.push(e.node_id);
      if (typeof data.label === 'string') goalLabels.set(e.node_id, data.label);
      return;
    case 'csat':
      if (typeof data.rating === 'number' && Number.isInteger(data.rating) && data.rating >= 1 && data.rating <= 5) fact.csat.push(data.rating);
      return;
    case 'faqFeedback':
      if (data.helpful === true || data.helpful === 'yes') fact.faqYes++;
      else if (data.helpful === false || data.helpful === 'no') fact.faqNo++;
      return;
    case 'fallback':
      if (typeof data.text === 'string') fact.unrecognised++;
      return;
    case 'knowledgeAnswer':
      if (data.outcome === 'answered') fact.knowledge.answered++;
      else if (data.outcome === 'noAnswer') fact.knowledge.noAnswer++;
      else if (data.outcome === 'error') fact.knowledge.failed++;
      return;
    case 'knowledgeFeedback':
      if (data.helpful === true) fact.knowledge.yes++;
      else if (data.helpful === false) fact.knowledge.no++;
      return;
    case 'intentTieBreak':
      if (data.outcome === 'picked') {
        fact.tieBreaks.picked++;
        if (typeof data.modelPick === 'string' && data.modelPick === data.classifierGuess) fact.tieBreaks.agreed++;
      } else if (data.outcome === 'none') fact.tieBreaks.none++;
      else if (data.outcome === 'failed') fact.tieBreaks.failed++;
      return;
  }
}
