import type Database from 'better-sqlite3';
import type { ConversationListPage, ConversationListQuery, ConversationListRow, ConversationPathStep } from '../../../../runtime/src/chat/conversationList';
import { applyEvent, COUNTED_EVENTS, parseData, type AnalyticsEventRow } from '../analyticsEvents';

interface ListedRow {
  id: string;
  flow_version: number;
  created_at: number;
  updated_at: number;
  status: string;
  queue: string | null;
  handoff_requested_at: number | null;
  messages: number;
  customer_messages: number;
}

/** Conversations are read in slices, newest first: the first as big as a page, later ones up to this. */
const MAX_SLICE = 500;
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

  list(query: ConversationListQuery): ConversationListPage {
    const rows: ConversationListRow[] = [];
    let after = query.after ?? null;
    let scanned = 0;
    let size = Math.min(query.limit, MAX_SLICE);
    for (;;) {
      const want = Math.min(size, query.maxScanned - scanned);
      size = MAX_SLICE;
      const slice = this.stmt.slice.all({
        flowId: query.flowId,
        from: query.from,
        // Inclusive of the cursor's instant: ties on created_at are split by id.
        below: after ? Math.min(query.to, after.createdAt + 1) : query.to,
        afterAt: after?.createdAt ?? null,
        afterId: after?.id ?? null,
        flowVersion: query.flowVersion ?? null,
        limit: want,
      }) as ListedRow[];
      for (const row of this.rowsOf(query.flowId, slice)) {
        scanned++;
        after = { createdAt: row.createdAt, id: row.id };
        if (query.accept(row)) rows.push(row);
        if (rows.length === query.limit) return { rows, resumeAfter: after };
      }
      if (slice.length < want) return { rows, resumeAfter: null };
      if (scanned >= query.maxScanned) return { rows, resumeAfter: after };
    }
  }

  /** A slice's rows with their counted events applied, in the slice's order. */
  private rowsOf(flowId: string, slice: readonly ListedRow[]): ConversationListRow[] {
    const byId = new Map<string, ConversationListRow & { faqYes: number; faqNo: number }>();
    for (const r of slice) {
      byId.set(r.id, {
        id: r.id,
        flowVersion: r.flow_version,
        createdAt: r.created_at,
        updatedAt: r.updated_at,
        status: r.status,
        queue: r.queue,
        // A handoff recorded on the row counts even without its event, as in the figures.
        handedOff: r.handoff_requested_at !== null,
        offline: false,
        goals: [],
        csat: [],
        unrecognised: 0,
        customerMessages: r.customer_messages,
        messages: r.messages,
        goalLabels: new Map(),
        faqYes: 0,
        faqNo: 0,
      });
    }
    for (const [from, to] of mergedLifetimes(slice)) {
      for (const e of this.stmt.counted.iterate({ flowId, from, to }) as Iterable<AnalyticsEventRow>) {
        const row = byId.get(e.session_id);
        if (row) applyEvent(row, e, row.goalLabels);
      }
    }
    return [...byId.values()].map(({ faqYes: _yes, faqNo: _no, ...listed }) => listed);
  }

  /** The nodes one conversation entered, in order; null when it does not exist. */
  path(sessionId: string): { flowId: string; steps: ConversationPathStep[] } | null {
    const c = this.stmt.conversation.get(sessionId) as { flow_id: string; created_at: number; updated_at: number } | undefined;
    if (!c) return null;
    const rows = this.stmt.entered.all({ flowId: c.flow_id, createdAt: c.created_at, updatedAt: c.updated_at, id: sessionId }) as {
      node_id: string | null;
      data: string | null;
      at: number;
    }[];
    const steps: ConversationPathStep[] = [];
    for (const r of rows) {
      if (r.node_id === null) continue;
      const data = parseData(r.data);
      const from = typeof data.fromNodeId === 'string' && typeof data.viaHandle === 'string' ? { nodeId: data.fromNodeId, handle: data.viaHandle } : null;
      steps.push({ nodeId: r.node_id, at: r.at, from });
    }
    return { flowId: c.flow_id, steps };
  }
}

/** The slice's [created_at, updated_at] ranges, sorted and merged where they overlap or nearly touch. */
function mergedLifetimes(slice: readonly ListedRow[]): [number, number][] {
  const spans = slice.map((r): [number, number] => [r.created_at, Math.max(r.created_at, r.updated_at)]).sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [from, to] of spans) {
    const last = merged.at(-1);
    if (last && from <= last[1] + MERGE_GAP_MS) last[1] = Math.max(last[1], to);
    else merged.push([from, to]);
  }
  return merged;
}
