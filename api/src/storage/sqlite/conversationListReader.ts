import type Database from 'better-sqlite3';
import type { ConversationListPage, ConversationListQuery, ConversationPathStep } from '../../../../runtime/src/chat/conversationList';
import { COUNTED_EVENTS, type AnalyticsEventRow } from '../analyticsEvents';
import { pathSteps, walkConversationList, type EnteredRow, type ListedConversation } from '../conversationListWalk';

/** Lifetimes closer than this are read with one events query: a few extra rows cost less than another query. */
const MERGE_GAP_MS = 15 * 60_000;

/**
 * The analytics page's conversation list and one conversation's path, all index-backed:
 * conversations through conversations_flow (flow_id, created_at) newest first; their counted
 * events through events_flow_name (flow_id, name, at) limited to their lifetimes. A conversation's
 * events are written in its turns, each stamped with the turn's time, and every turn also sets
 * updated_at to that time, so its events lie within [created_at, updated_at]. A slice of
 * conversations merges its lifetimes into a few time ranges and reads each range's counted events
 * once; a range holds only the events of the flow's conversations that ran at those times.
 * (Events have no index by session on purpose: see migration 1.)
 */
export class ConversationListReader {
  private readonly stmt;

  constructor(db: Database.Database) {
    const names = COUNTED_EVENTS.map((n) => `'${n}'`).join(', ');
    this.stmt = {
      slice: db.prepare(`SELECT c.id, c.flow_version, c.created_at, c.updated_at, c.status, c.queue, c.handoff_requested_at,
          (SELECT COUNT(*) FROM messages m WHERE m.session_id = c.id AND m.sender != 'system' AND m.kind != 'note') AS messages,
          (SELECT COUNT(*) FROM messages m WHERE m.session_id = c.id AND m.sender = 'customer') AS customer_messages
        FROM conversations c
        WHERE c.flow_id = @flowId AND c.created_at >= @from AND c.created_at < @below
          AND (@afterId IS NULL OR c.created_at < @afterAt OR c.id < @afterId)
          AND (@flowVersion IS NULL OR c.flow_version = @flowVersion)
        ORDER BY c.created_at DESC, c.id DESC
        LIMIT @limit`),
      counted: db.prepare(`SELECT session_id, name, node_id, data FROM events
        WHERE flow_id = @flowId AND name IN (${names}) AND at >= @from AND at <= @to
        ORDER BY at, id`),
      entered: db.prepare(`SELECT node_id, data, at FROM events
        WHERE flow_id = @flowId AND name = 'nodeEntered' AND at >= @createdAt AND at <= @updatedAt AND session_id = @id
        ORDER BY at, id`),
      conversation: db.prepare('SELECT flow_id, created_at, updated_at FROM conversations WHERE id = ?'),
    };
  }

  list(query: ConversationListQuery): Promise<ConversationListPage> {
    return walkConversationList(query, {
      slice: async (request) => this.stmt.slice.all(request) as ListedConversation[],
      events: async (flowId, slice) => {
        const events: AnalyticsEventRow[] = [];
        for (const [from, to] of mergedLifetimes(slice)) {
          for (const e of this.stmt.counted.iterate({ flowId, from, to }) as Iterable<AnalyticsEventRow>) events.push(e);
        }
        return events;
      },
    });
  }

  /** The nodes one conversation entered, in order; null when it does not exist. */
  path(sessionId: string): { flowId: string; steps: ConversationPathStep[] } | null {
    const c = this.stmt.conversation.get(sessionId) as { flow_id: string; created_at: number; updated_at: number } | undefined;
    if (!c) return null;
    const rows = this.stmt.entered.all({ flowId: c.flow_id, createdAt: c.created_at, updatedAt: c.updated_at, id: sessionId }) as EnteredRow[];
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
