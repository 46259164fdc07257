import type { AnalyticsWindow, ConversationFact } from './analyticsFacts';

/**
 * The analytics page's list of conversations: one flow's conversations that started in a window,
 * newest first, each with what its counted events and messages say about it. The store reads
 * them page by page (keyset on start time and id) and applies `accept` to each, so a filter never
 * needs every event of the window at once.
 */
export interface ConversationListQuery extends AnalyticsWindow {
  /** At most this many rows. */
  limit: number;
  /** Continue after this conversation (older ones follow). */
  after?: { createdAt: number; id: string };
  /**
   * Which rows to keep; the caller owns the definitions (outcome, goals, ratings), so the store
   * only gathers facts. Rows walked and dropped count toward `maxScanned`.
   */
  accept(row: ConversationListRow): boolean;
  /**
   * Stop after looking at this many conversations even if fewer than `limit` were kept, so one
   * request never walks a whole history for a filter that matches nothing; `scanLimitReached`
   * then says where to continue from.
   */
  maxScanned: number;
}

/** One listed conversation: the facts the figures count (see analyticsFacts), plus its size. */
export type ConversationListRow = Pick<
  ConversationFact,
  'id' | 'flowVersion' | 'createdAt' | 'updatedAt' | 'status' | 'queue' | 'handedOff' | 'offline' | 'goals' | 'csat' | 'unrecognised' | 'customerMessages'
> & {
  /** Messages the customer could see: the bot's, the customer's and agents' (no notices, no internal notes). */
  messages: number;
  /** The label each reached goal had when reached, by node id. */
  goalLabels: Map<string, string>;
};

export interface ConversationListPage {
  rows: ConversationListRow[];
  /**
   * The last conversation looked at, when the walk stopped before the window's end (a full page,
   * or `maxScanned` reached): pass it back as `after`. Null when nothing older is left.
   */
  resumeAfter: { createdAt: number; id: string } | null;
}

/** One step of a conversation's path: the node it entered and when, in order. */
export interface ConversationPathStep {
  nodeId: string;
  at: number;
  /** The node and output it came from, when the engine followed a connection. */
  from: { nodeId: string; handle: string } | null;
}
