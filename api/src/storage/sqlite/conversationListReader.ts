import type { ReadRunner, ReadStatement } from './readWorker';
import type { ConversationListPage, ConversationListQuery, ConversationPathStep } from '../../../../runtime/src/chat/conversationList';
import { COUNTED_EVENTS, type AnalyticsEventRow } from '../analyticsEvents';
import { pathSteps, walkConversationList, type EnteredRow, type ListedConversation } from '../conversationListWalk';

/** Lifetimes closer than this are read with one events query: a few extra rows cost less than another query. */
const MERGE_GAP_MS = 15 * 60_000;

const COUNTED_NAMES = COUNTED_EVENTS.map((n) => `'${n}'`).join(', ');

/** The statements ConversationListReader runs, for the read worker (readWorker.ts) to prepare. */
export const CONVERSATION_LIST_STATEMENTS = {
  listSlice: {
    sql: `SELECT c.id, c.flow_version, c.created_at, c.updated_at, c.status, c.queue, c.handoff_requested_at,
        (SELECT COUNT(*) FROM messages m WHERE m.session_id = c.id AND m.sender != 'system' AND m.kind != 'note') AS messages,
        (SELECT COUNT(*) FROM messages m WHERE m.session_id = c.id AND m.sender = 'customer') AS customer_messages
      FROM conversations c
      WHERE c.flow_id = @flowId AND c.created_at >= @from AND c.created_at < @below
        AND (@afterId IS NULL OR c.created_at < @afterAt OR c.id < @afterId)
        AND (@flowVersion IS NULL OR c.flow_version = @flowVersion)
      ORDER BY c.created_at DESC, c.id DESC
      LIMIT @limit`,
  },
  listCounted: {
    sql: `SELECT session_id, name, node_id, data FROM events
      WHERE flow_id = @flowId AND name IN (${COUNTED_NAMES}) AND at >= @from AND at <= @to
      ORDER BY at, id`,
  },
  pathEntered: {
    sql: `SELECT node_id, data, at FROM events
      WHERE flow_id = @flowId AND name = 'nodeEntered' AND at >= @createdAt AND at <= @updatedAt AND session_id = @id
      ORDER BY at, id`,
  },
  pathConversation: { sql: 'SELECT flow_id, created_at, updated_at FROM conversations WHERE id = ?', get: true },
} satisfies Record<string, ReadStatement>;

/**
 * The analytics page's conversation list and one conversation's path, all index-backed:
 * conversations through conversations_flow (flow_id, created_at) newest first; their counted
 * events through events_flow_name (flow_id, name, at) limited to their lifetimes. A conversation's
 * events are written in its turns, each stamped with the turn's time, and every turn also sets
 * updated_at to that time, so its events lie within [created_at, updated_at]. A slice of
 * conversations merges its lifetimes into a few time ranges and reads each range's counted events
 * once; a range holds only the events of the flow's conversations that ran at those times.
 * (Events have no index by session on purpose: see migration 1.) The statements run in the read
 * worker; the walk and the folding of events into rows happen here.
 */
export class ConversationListReader {
  constructor(private readonly reads: ReadRunner) {}

  list(query: ConversationListQuery): Promise<ConversationListPage> {
    return walkConversationList(query, {
      slice: async (request) => (await this.reads.run([{ statement: 'listSlice', params: { ...request } }]))[0] as ListedConversation[],
      events: async (flowId, slice) => {
        // Every range in one call, so one snapshot.
        const ranges = mergedLifetimes(slice).map(([from, to]) => ({ statement: 'listCounted', params: { flowId, from, to } }));
        if (ranges.length === 0) return [];
        return ((await this.reads.run(ranges)) as AnalyticsEventRow[][]).flat();
      },
    });
  }

  /** The nodes one conversation entered, in order; null when it does not exist. */
  async path(sessionId: string): Promise<{ flowId: string; steps: ConversationPathStep[] } | null> {
    const [c] = (await this.reads.run([{ statement: 'pathConversation', params: [sessionId] }])) as [
      { flow_id: string; created_at: number; updated_at: number } | undefined,
    ];
    if (!c) return null;
    const [rows] = (await this.reads.run([
      { statement: 'pathEntered', params: { flowId: c.flow_id, createdAt: c.created_at, updatedAt: c.updated_at, id: sessionId } },
    ])) as [EnteredRow[]];
    return { flowId: c.flow_id, steps: pathSteps(rows) };
  }
}

/** The slice's [created_at, updated_at] ranges, sorted and merged where they overlap or nearly touch. */
function mergedLifetimes(slice: readonly ListedConversation[]): [number, number][] {
  const spans = slice.map((r): [number, number] => [r.created_at, Math.max(r.created_at, r.updated_at)]).sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [from, to] of spans) {
    const last = merged.at(-1);
    if (last && from <= last[1] + MERGE_GAP_MS) last[1] = Math.max(last[1], to);
    else merged.push([from, to]);
  }
  return merged;
}
