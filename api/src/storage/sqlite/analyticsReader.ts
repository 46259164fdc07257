import type Database from 'better-sqlite3';
import type { AnalyticsFacts, AnalyticsFactsQuery, ConversationFact, ConversationPath } from '../../../../runtime/src/chat/analyticsFacts';
import { applyEvent, COUNTED_EVENTS, parseData, type AnalyticsEventRow as EventRow } from '../analyticsEvents';

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
 * Reads the facts for one flow and window. Conversations come through conversations_flow
 * (flow_id, created_at); their messages through the messages primary key (session_id, id).
 * Events have no index by session (each one would cost every chat turn a write), so each counted
 * name is read through events_flow_name (flow_id, name, at) from the window's start on (a
 * conversation's events never precede its start) and matched to the window's conversations.
 */
export class AnalyticsReader {
  private readonly stmt;

  constructor(db: Database.Database) {
    this.stmt = {
      conversations: db.prepare(`SELECT c.id, c.flow_version, c.created_at, c.updated_at, c.status, c.queue,
          c.handoff_requested_at, c.handoff_closed_at,
          (SELECT MIN(m.at) FROM messages m WHERE m.session_id = c.id AND m.sender = 'agent'
            AND c.handoff_requested_at IS NOT NULL AND m.at >= c.handoff_requested_at) AS first_agent_reply_at,
          (SELECT COUNT(*) FROM messages m WHERE m.session_id = c.id AND m.sender = 'customer') AS customer_messages
        FROM conversations c
        WHERE c.flow_id = @flowId AND c.created_at >= @from AND c.created_at < @to
          AND (@flowVersion IS NULL OR c.flow_version = @flowVersion)`),
      pathConversations: db.prepare(`SELECT id, status, updated_at, handoff_requested_at FROM conversations
        WHERE flow_id = @flowId AND created_at >= @from AND created_at < @to
          AND (@flowVersion IS NULL OR flow_version = @flowVersion)`),
      events: db.prepare(`SELECT session_id, name, node_id, data FROM events
        WHERE flow_id = @flowId AND name = @name AND at >= @from
          AND (@flowVersion IS NULL OR flow_version = @flowVersion)
        ORDER BY at, id`),
    };
  }

  read(query: AnalyticsFactsQuery): AnalyticsFacts {
    const rows = this.stmt.conversations.all({
      flowId: query.flowId,
      from: query.from,
      to: query.to,
      flowVersion: query.flowVersion ?? null,
    }) as ConversationRow[];
    const byId = new Map<string, ConversationFact>();
    for (const r of rows) {
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
      });
    }
    const goalLabels = new Map<string, string>();
    for (const name of COUNTED_EVENTS) {
      const events = this.stmt.events.iterate({ flowId: query.flowId, name, from: query.from, flowVersion: query.flowVersion ?? null }) as Iterable<EventRow>;
      for (const e of events) {
        const fact = byId.get(e.session_id);
        if (!fact) continue;
        applyEvent(fact, e, goalLabels);
      }
    }
    return { conversations: [...byId.values()], goalLabels };
  }

  /** Each window conversation's entered nodes and followed edges, in order. */
  paths(query: AnalyticsFactsQuery): ConversationPath[] {
    const params = { flowId: query.flowId, from: query.from, to: query.to, flowVersion: query.flowVersion ?? null };
    const byId = new Map<string, ConversationPath>();
    for (const r of this.stmt.pathConversations.iterate(params) as Iterable<{ id: string; status: string; updated_at: number; handoff_requested_at: number | null }>) {
      byId.set(r.id, { status: r.status, updatedAt: r.updated_at, handedOff: r.handoff_requested_at !== null, nodes: [], edges: [] });
    }
    const eventsNamed = (name: string) =>
      this.stmt.events.iterate({ flowId: query.flowId, name, from: query.from, flowVersion: query.flowVersion ?? null }) as Iterable<EventRow>;
    for (const name of ['handedOff', 'handoffOffline'] as const) {
      for (const e of eventsNamed(name)) {
        const path = byId.get(e.session_id);
        if (path) path.handedOff = true;
      }
    }
    for (const e of eventsNamed('nodeEntered')) {
      const path = byId.get(e.session_id);
      if (!path || e.node_id === null) continue;
      path.nodes.push(e.node_id);
      const data = parseData(e.data);
      if (typeof data.fromNodeId === 'string' && typeof data.viaHandle === 'string') path.edges.push(`${data.fromNodeId}\u0000${data.viaHandle}`);
    }
    return [...byId.values()];
  }
}
