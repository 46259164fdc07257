import { sql } from 'kysely';
import type { ConversationListPage, ConversationListQuery, ConversationPathStep } from '../../../../runtime/src/chat/conversationList';
import { COUNTED_EVENTS, type AnalyticsEventRow } from '../analyticsEvents';
import { pathSteps, walkConversationList, type EnteredRow, type ListedConversation, type SliceRequest } from '../conversationListWalk';
import type { PostgresDatabase } from './database';

/**
 * The SQLite ConversationListReader's reads on PostgreSQL, walked by the same code: conversations
 * through conversations_flow (flow_id, created_at) newest first, ids in byte order (COLLATE "C")
 * as SQLite orders them; a slice's counted events and one conversation's `nodeEntered` events
 * through events_session, kept to each conversation's lifetime [created_at, updated_at] as SQLite
 * reads them.
 */
export class PostgresConversationListReader {
  constructor(private readonly db: PostgresDatabase) {}

  list(query: ConversationListQuery): Promise<ConversationListPage> {
    return walkConversationList(query, { slice: (r) => this.slice(r), events: (_flowId, slice) => this.counted(slice) });
  }

  private async slice(r: SliceRequest): Promise<ListedConversation[]> {
    const cursor = r.afterId === null ? sql`TRUE` : sql`(c.created_at < ${r.afterAt} OR c.id COLLATE "C" < ${r.afterId})`;
    const version = r.flowVersion === null ? sql`TRUE` : sql`c.flow_version = ${r.flowVersion}`;
    const result = await sql<ListedConversation>`SELECT c.id, c.flow_version, c.created_at, c.updated_at, c.status, c.queue, c.handoff_requested_at,
        (SELECT COUNT(*) FROM messages m WHERE m.session_id = c.id AND m.sender <> 'system' AND m.kind <> 'note') AS messages,
        (SELECT COUNT(*) FROM messages m WHERE m.session_id = c.id AND m.sender = 'customer') AS customer_messages
      FROM conversations c
      WHERE c.flow_id = ${r.flowId} AND c.created_at >= ${r.from} AND c.created_at < ${r.below} AND ${cursor} AND ${version}
      ORDER BY c.created_at DESC, c.id COLLATE "C" DESC
      LIMIT ${r.limit}`.execute(this.db);
    return result.rows;
  }

  private async counted(slice: readonly ListedConversation[]): Promise<AnalyticsEventRow[]> {
    if (slice.length === 0) return [];
    const result = await sql<AnalyticsEventRow>`SELECT e.session_id, e.name, e.node_id, e.data FROM events e
      JOIN conversations c ON c.id = e.session_id
      WHERE e.session_id = ANY(${slice.map((r) => r.id)}::text[]) AND e.name = ANY(${[...COUNTED_EVENTS]}::text[])
        AND e.at >= c.created_at AND e.at <= c.updated_at
      ORDER BY e.at, e.id`.execute(this.db);
    return result.rows;
  }

  async path(sessionId: string): Promise<{ flowId: string; steps: ConversationPathStep[] } | null> {
    const c = await sql<{ flow_id: string }>`SELECT flow_id FROM conversations WHERE id = ${sessionId}`.execute(this.db);
    const flowId = c.rows[0]?.flow_id;
    if (flowId === undefined) return null;
    const rows = await sql<EnteredRow>`SELECT e.node_id, e.data, e.at FROM events e JOIN conversations c ON c.id = e.session_id
      WHERE e.session_id = ${sessionId} AND e.name = 'nodeEntered' AND e.at >= c.created_at AND e.at <= c.updated_at
      ORDER BY e.at, e.id`.execute(this.db);
    return { flowId, steps: pathSteps(rows.rows) };
  }
}
