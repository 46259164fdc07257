import { sql } from 'kysely';
import { noKnowledgeCounts, noTieBreakCounts, type AnalyticsFacts, type AnalyticsFactsQuery, type ConversationFact, type PathFacts } from '../../../../runtime/src/chat/analyticsFacts';
import {
  applyEvent,
  COUNTED_EVENTS,
  parseData,
  sumFacts,
  sumPaths,
  type AnalyticsEventRow,
  type ConversationPath,
} from '../analyticsEvents';
import type { PostgresDatabase } from './database';

interface ConversationRow {
  id: string;
  flow_version: number;
  created_at: number;
  updated_at: number;
  status: string;
  queue: string | null;
  handoff_requested_at: number | null;
  handoff_closed_at: number | null;
  first_agent_reply_at: number | null;
  customer_messages: number;
}

/**
 * The SQLite AnalyticsReader's reads on PostgreSQL, with the same results: conversations through
 * conversations_flow (flow_id, created_at), their messages through the messages primary key, and
 * the counted events through events_flow_name (flow_id, name, at) from the window's start on,
 * matched to the window's conversations here. Events come back grouped by name in
 * COUNTED_EVENTS order, each name oldest first, as SQLite reads them one name at a time.
 */
export class PostgresAnalyticsReader {
  constructor(private readonly db: PostgresDatabase) {}

  private versionFilter(column: string, flowVersion: number | undefined) {
    return flowVersion === undefined ? sql`TRUE` : sql`${sql.ref(column)} = ${flowVersion}`;
  }

  private async events(query: AnalyticsFactsQuery, names: readonly string[]): Promise<AnalyticsEventRow[]> {
    const result = await sql<AnalyticsEventRow>`SELECT session_id, name, node_id, data FROM events
      WHERE flow_id = ${query.flowId} AND name = ANY(${[...names]}::text[]) AND at >= ${query.from}
        AND ${this.versionFilter('flow_version', query.flowVersion)}
      ORDER BY array_position(${[...names]}::text[], name), at, id`.execute(this.db);
    return result.rows;
  }

  async read(query: AnalyticsFactsQuery): Promise<AnalyticsFacts> {
    const conversations = await sql<ConversationRow>`SELECT c.id, c.flow_version, c.created_at, c.updated_at, c.status, c.queue,
        c.handoff_requested_at, c.handoff_closed_at,
        (SELECT MIN(m.at) FROM messages m WHERE m.session_id = c.id AND m.sender = 'agent'
          AND c.handoff_requested_at IS NOT NULL AND m.at >= c.handoff_requested_at) AS first_agent_reply_at,
        (SELECT COUNT(*) FROM messages m WHERE m.session_id = c.id AND m.sender = 'customer') AS customer_messages
      FROM conversations c
      WHERE c.flow_id = ${query.flowId} AND c.created_at >= ${query.from} AND c.created_at < ${query.to}
        AND ${this.versionFilter('c.flow_version', query.flowVersion)}
      ORDER BY c.created_at, c.id`.execute(this.db);
    const byId = new Map<string, ConversationFact>();
    for (const r of conversations.rows) {
      byId.set(r.id, {
        id: r.id,
        flowVersion: r.flow_version,
        createdAt: r.created_at,
        updatedAt: r.updated_at,
        status: r.status,
        queue: r.queue,
        handoffRequestedAt: r.handoff_requested_at,
        handoffClosedAt: r.handoff_closed_at,
        firstAgentReplyAt: r.first_agent_reply_at,
        customerMessages: r.customer_messages,
        // A handoff recorded on the row counts even if its event was lost to an older version.
        handedOff: r.handoff_requested_at !== null,
        offline: false,
        goals: [],
        csat: [],
        faqYes: 0,
        faqNo: 0,
        unrecognised: 0,
        knowledge: noKnowledgeCounts(),
        tieBreaks: noTieBreakCounts(),
      });
    }
    const goalLabels = new Map<string, string>();
    for (const e of await this.events(query, COUNTED_EVENTS)) {
      const fact = byId.get(e.session_id);
      if (fact) applyEvent(fact, e, goalLabels);
    }
    const replies = await sql<{ ms: number }>`SELECT unnest(reply_ms) AS ms FROM conversations
      WHERE flow_id = ${query.flowId} AND created_at >= ${query.from} AND created_at < ${query.to}
        AND ${this.versionFilter('flow_version', query.flowVersion)}
      ORDER BY 1`.execute(this.db);
    const visitors = await sql<{ n: number }>`SELECT COUNT(DISTINCT visitor_id)::int AS n FROM conversations
      WHERE flow_id = ${query.flowId} AND created_at >= ${query.from} AND created_at < ${query.to}
        AND ${this.versionFilter('flow_version', query.flowVersion)}`.execute(this.db);
    const starts = query.dayStarts ?? [];
    const byDay =
      starts.length < 2
        ? []
        : (
            await sql<{ n: number }>`SELECT (SELECT COUNT(DISTINCT visitor_id)::int FROM conversations
              WHERE flow_id = ${query.flowId} AND created_at >= GREATEST(d.lo, ${query.from}::bigint) AND created_at < LEAST(d.hi, ${query.to}::bigint)
                AND ${this.versionFilter('flow_version', query.flowVersion)}) AS n
            FROM unnest(${starts.slice(0, -1).map(String)}::bigint[], ${starts.slice(1).map(String)}::bigint[]) WITH ORDINALITY AS d(lo, hi, i)
            ORDER BY d.i`.execute(this.db)
          ).rows.map((r) => r.n);
    return {
      ...sumFacts([...byId.values()], goalLabels, query),
      replyMs: replies.rows.map((r) => r.ms),
      uniqueVisitors: visitors.rows[0]?.n ?? 0,
      uniqueVisitorsByDay: byDay,
    };
  }

  /** Each window conversation's entered nodes and followed edges, in order. */
  async paths(query: AnalyticsFactsQuery): Promise<PathFacts> {
    const rows = await sql<{ id: string; status: string; updated_at: number; handoff_requested_at: number | null }>`
      SELECT id, status, updated_at, handoff_requested_at FROM conversations
      WHERE flow_id = ${query.flowId} AND created_at >= ${query.from} AND created_at < ${query.to}
        AND ${this.versionFilter('flow_version', query.flowVersion)}
      ORDER BY created_at, id`.execute(this.db);
    const byId = new Map<string, ConversationPath>();
    for (const r of rows.rows) {
      byId.set(r.id, { status: r.status, updatedAt: r.updated_at, handedOff: r.handoff_requested_at !== null, nodes: [], edges: [] });
    }
    for (const e of await this.events(query, ['handedOff', 'handoffOffline', 'nodeEntered'])) {
      const path = byId.get(e.session_id);
      if (!path) continue;
      if (e.name !== 'nodeEntered') {
        path.handedOff = true;
        continue;
      }
      if (e.node_id === null) continue;
      path.nodes.push(e.node_id);
      const data = parseData(e.data);
      if (typeof data.fromNodeId === 'string' && typeof data.viaHandle === 'string') path.edges.push(`${data.fromNodeId}\u0000${data.viaHandle}`);
    }
    return sumPaths([...byId.values()], query.activeSince);
  }
}
