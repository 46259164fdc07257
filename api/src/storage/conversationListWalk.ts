import type { ConversationListPage, ConversationListQuery, ConversationListRow, ConversationPathStep } from '../../../runtime/src/chat/conversationList';
import { noKnowledgeCounts, noTieBreakCounts, type ConversationFact } from '../../../runtime/src/chat/analyticsFacts';
import { applyEvent, parseData, type AnalyticsEventRow } from './analyticsEvents';

// The analytics page's conversation list, shared by the SQLite and PostgreSQL stores so that both
// walk, fold events and stop exactly alike; each store only reads slices and their events.

/** A conversation row as both stores read it for the list. */
export interface ListedConversation {
  id: string;
  flow_version: number;
  created_at: number;
  updated_at: number;
  status: string;
  queue: string | null;
  handoff_requested_at: number | null;
  /** Messages of the bot, the customer and agents: no system notices, no internal notes. */
  messages: number;
  customer_messages: number;
}

export interface SliceRequest {
  flowId: string;
  from: number;
  /** Conversations started before this instant... */
  below: number;
  /** ...or at `afterAt` with an id below `afterId` (null: no cursor). */
  afterAt: number | null;
  afterId: string | null;
  flowVersion: number | null;
  limit: number;
}

export interface ListReads {
  /** Conversations of the request, newest first (created_at, then id, descending). */
  slice(request: SliceRequest): Promise<ListedConversation[]>;
  /** The counted events (analyticsEvents' COUNTED_EVENTS) of these conversations, oldest first. */
  events(flowId: string, slice: readonly ListedConversation[]): Promise<Iterable<AnalyticsEventRow>>;
}

/** Slices are read newest first: the first as big as a page, later ones up to this. */
const MAX_SLICE = 500;

/** Walks one flow's conversations newest first until a page is full, the window ends, or `maxScanned` were looked at. */
export async function walkConversationList(query: ConversationListQuery, reads: ListReads): Promise<ConversationListPage> {
  const rows: ConversationListRow[] = [];
  let after = query.after ?? null;
  let scanned = 0;
  let size = Math.min(query.limit, MAX_SLICE);
  for (;;) {
    const want = Math.min(size, query.maxScanned - scanned);
    size = MAX_SLICE;
    const slice = await reads.slice({
      flowId: query.flowId,
      from: query.from,
      // Inclusive of the cursor's instant: ties on created_at are split by id.
      below: after ? Math.min(query.to, after.createdAt + 1) : query.to,
      afterAt: after?.createdAt ?? null,
      afterId: after?.id ?? null,
      flowVersion: query.flowVersion ?? null,
      limit: want,
    });
    for (const row of listRows(slice, await reads.events(query.flowId, slice))) {
      scanned++;
      after = { createdAt: row.createdAt, id: row.id };
      if (query.accept(row)) rows.push(row);
      if (rows.length === query.limit) return { rows, resumeAfter: after };
    }
    if (slice.length < want) return { rows, resumeAfter: null };
    if (scanned >= query.maxScanned) return { rows, resumeAfter: after };
  }
}

/** A slice's rows with their counted events folded in as the figures fold them, in the slice's order. */
function listRows(slice: readonly ListedConversation[], events: Iterable<AnalyticsEventRow>): ConversationListRow[] {
  const byId = new Map<string, ConversationListRow & Pick<ConversationFact, 'faqYes' | 'faqNo' | 'knowledge' | 'tieBreaks'>>();
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
      knowledge: noKnowledgeCounts(),
      tieBreaks: noTieBreakCounts(),
    });
  }
  for (const e of events) {
    const row = byId.get(e.session_id);
    if (row) applyEvent(row, e, row.goalLabels);
  }
  return [...byId.values()].map(({ faqYes: _yes, faqNo: _no, knowledge: _knowledge, tieBreaks: _tieBreaks, ...listed }) => listed);
}

/** A `nodeEntered` event row as both stores read it for a path. */
export interface EnteredRow {
  node_id: string | null;
  data: string | null;
  at: number;
}

/** `nodeEntered` rows, oldest first, as path steps: the node, when, and the step and output it came through. */
export function pathSteps(rows: readonly EnteredRow[]): ConversationPathStep[] {
  const steps: ConversationPathStep[] = [];
  for (const r of rows) {
    if (r.node_id === null) continue;
    const data = parseData(r.data);
    const from = typeof data.fromNodeId === 'string' && typeof data.viaHandle === 'string' ? { nodeId: data.fromNodeId, handle: data.viaHandle } : null;
    steps.push({ nodeId: r.node_id, at: r.at, from });
  }
  return steps;
}
