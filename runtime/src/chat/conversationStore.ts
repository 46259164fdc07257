import type { AnalyticsFacts, AnalyticsFactsQuery, PathFacts } from './analyticsFacts';
import type { ConversationListPage, ConversationListQuery, ConversationPathStep } from './conversationList';
import type { HandoffPriority } from '../schema/nodes/handoff';
import type { VariableValue } from '../schema/common';
import type { EngineEventName, Session, SessionStatus } from '../engine/types';
import type { NewMessage, StoredMessage } from './messages';

/** Where a conversation stands in the human-handoff queue; null when it never reached one. */
export type HandoffStatus = 'waiting' | 'active' | 'closed';
/** How a handoff ended: the agent gave it back to the bot, or closed the conversation. */
export type HandoffResolution = 'returned' | 'closed' | 'unavailable';

export interface AgentRef {
  id: string;
  name: string;
}

export interface HandoffState {
  status: HandoffStatus;
  queue: string;
  priority: HandoffPriority;
  note: string;
  requestedAt: number;
  assignedAgent: AgentRef | null;
  claimedAt: number | null;
  closedAt: number | null;
  resolution: HandoffResolution | null;
}

export interface ConversationRecord {
  id: string;
  flowId: string;
  flowVersion: number;
  /** sha256 of the session token; the token itself is never stored. */
  tokenHash: Buffer;
  /** The engine session, exactly as the engine returned it. */
  session: Session;
  handoff: HandoffState | null;
  origin: string | null;
  /** Id of the newest message, 0 when there is none. */
  lastMessageId: number;
  createdAt: number;
  updatedAt: number;
}

export interface EventRecord {
  flowId: string;
  flowVersion: number;
  sessionId: string;
  name: EngineEventName;
  nodeId: string | null;
  data: Record<string, VariableValue> | null;
  at: number;
}

export interface FlowEventQuery {
  flowId: string;
  name: EngineEventName;
  /** Only this published version. */
  flowVersion?: number;
  /** Only events strictly before this instant (epoch ms), to page back. */
  before?: number;
  limit: number;
}

export interface NewConversation {
  id: string;
  flowId: string;
  flowVersion: number;
  tokenHash: Buffer;
  session: Session;
  handoff: HandoffState | null;
  origin: string | null;
  /**
   * The widget's anonymous visitor id (kept in the visitor's browser), for counting unique
   * visitors; never shown to agents, and erased with the conversation. Absent: none sent.
   */
  visitorId?: string | null;
  at: number;
}

/**
 * One chat turn, written atomically: the session moves on only if nobody else moved it since it
 * was read (`expectedTurn`), so two hosts never both apply a turn to the same conversation.
 */
export interface TurnWrite {
  sessionId: string;
  expectedTurn: number;
  session: Session;
  /** Replaces the handoff state when present; `undefined` leaves it as it is. */
  handoff?: HandoffState | null;
  messages: NewMessage[];
  events: EventRecord[];
  at: number;
  /**
   * For a turn that answers a customer's message while the bot holds the conversation: server
   * time from the message arriving to the reply being ready to save (engine step, HTTP requests,
   * model calls), in milliseconds. Kept for analytics (bot reply time).
   */
  replyMs?: number;
}

export type TurnResult = { ok: true; messages: StoredMessage[] } | { ok: false; reason: 'conflict' | 'notFound' };

export type ClaimResult =
  | { ok: true; conversation: ConversationRecord }
  | { ok: false; reason: 'alreadyClaimed'; by: AgentRef }
  | { ok: false; reason: 'notWaiting' | 'notFound' };

export type AgentStatus = 'online' | 'away';

export interface AgentAvailability {
  agentId: string;
  name: string;
  status: AgentStatus;
  updatedAt: number;
}

export interface HandoffListQuery {
  status: HandoffStatus;
  queue?: string;
  limit?: number;
}

/** A history search; every filter is optional and they combine with AND. */
export interface ConversationSearch {
  /** Matched as a substring of any message text (internal notes included), case-insensitively for ASCII. */
  text?: string;
  flowId?: string;
  /** Conversations started at or after this time (epoch ms). */
  from?: number;
  /** Conversations started before this time (epoch ms). */
  to?: number;
  status?: SessionStatus;
  limit: number;
  /** Continue after this conversation (newest first). */
  after?: { createdAt: number; id: string };
}

export interface ConversationSearchHit {
  record: ConversationRecord;
  /** The first message text that matched `text`, or the customer's last words without one. */
  excerpt: string | null;
}

/** A conversation found for a privacy request, and how: its id, a captured variable, or the customer's own words. */
export interface ConversationMatch {
  record: ConversationRecord;
  matchedBy: 'id' | 'variable' | 'message';
}

/**
 * What deleted conversations counted, per flow and UTC day (`2026-12-06`): metrics
 * `conversations.started`, `conversations.completed`, `conversations.handedOff` and
 * `events.<name>` for each engine event.
 */
export interface DailyCount {
  flowId: string;
  day: string;
  metric: string;
  count: number;
}

/**
 * A person's decision on an unrecognised message (README: Not understood), by flow and the
 * message's normalised text, so every wording that normalises alike leaves the review list.
 */
export interface ReviewMark {
  flowId: string;
  /** The message as `normalize` folds it: lowercase, no diacritics, punctuation or extra spaces. */
  key: string;
  action: 'dismissed' | 'added';
  /**
   * For `added`: the newest published version when the phrase went into the draft. Fallbacks on
   * that version or older stay hidden; on a later one the bot still did not understand, so they show.
   */
  beforeVersion: number;
  /** Where it was added, in words (`intent "Returns" in step understand`); null when dismissed. */
  target: string | null;
  by: string | null;
  at: number;
}

/** Which handoff a reassignment expects to replace, so it never overwrites a concurrent claim. */
export interface HandoffExpectation {
  status: HandoffStatus;
  agentId: string | null;
}

/**
 * Conversations, their transcripts and analytics events. Async everywhere so that a PostgreSQL
 * implementation can replace the embedded SQLite one without touching callers.
 */
export interface ConversationStore {
  create(conversation: NewConversation, messages: NewMessage[], events: EventRecord[]): Promise<StoredMessage[]>;
  get(id: string): Promise<ConversationRecord | null>;
  commitTurn(turn: TurnWrite): Promise<TurnResult>;
  /** Appends messages that do not move the engine (agent replies, system notices). */
  appendMessages(sessionId: string, messages: NewMessage[], at: number): Promise<StoredMessage[] | null>;
  /** Messages with id > `afterId`, oldest first. */
  listMessages(sessionId: string, afterId: number, limit?: number): Promise<StoredMessage[]>;
  listEvents(sessionId: string): Promise<EventRecord[]>;
  /** One flow's events of the given name, newest first, e.g. every fallback for the review of unrecognised messages. */
  listFlowEvents(query: FlowEventQuery): Promise<EventRecord[]>;
  listHandoffs(query: HandoffListQuery): Promise<ConversationRecord[]>;
  /**
   * Assigns a waiting conversation to an agent in one conditional update, so that of two
   * agents claiming at once exactly one wins.
   */
  claim(sessionId: string, agent: AgentRef, at: number): Promise<ClaimResult>;
  /**
   * Replaces the handoff state (a transfer) only if it still is what the caller read;
   * null when it moved in between or the conversation does not exist.
   */
  reassign(sessionId: string, expected: HandoffExpectation, handoff: HandoffState, at: number): Promise<ConversationRecord | null>;
  /** Newest first. */
  searchConversations(query: ConversationSearch): Promise<ConversationSearchHit[]>;
  /** Each flow that has conversations, with the newest version they ran on. */
  listConversationFlows(): Promise<{ flowId: string; flowVersion: number }[]>;
  /**
   * Conversations still running per pinned version: not completed or expired, and either handed
   * off or active since `activeSince` (older ones will expire on their next message).
   */
  countRunningByVersion(flowId: string, activeSince: number): Promise<Record<number, number>>;
  /** Every queue a conversation was ever handed to. */
  listQueues(): Promise<string[]>;
  listAgents(): Promise<AgentAvailability[]>;
  setAvailability(agent: AgentRef, status: AgentStatus, at: number): Promise<void>;
  getAvailability(agentId: string): Promise<AgentAvailability | null>;
  /**
   * Agents online now; or, given a record this store's `get` just returned, as many as were
   * online when it was read, if the store read both together (a turn then needs no second read).
   */
  countOnlineAgents(readWith?: ConversationRecord): Promise<number>;
  /** Personal-data requests: one conversation by id, or every one whose variables or customer messages hold `query`. */
  findConversations(query: string, limit: number): Promise<ConversationMatch[]>;
  /**
   * Deletes conversations with their messages and events, keeping their counts in the daily
   * aggregates. Returns how many existed.
   */
  eraseConversations(ids: readonly string[]): Promise<number>;
  /** Ids of the conversations nobody touched since `cutoff` (epoch ms), oldest first. */
  idleConversationsBefore(cutoff: number, limit: number): Promise<string[]>;
  /** The aggregates that outlive deleted conversations, for one flow or all. */
  dailyCounts(flowId?: string): Promise<DailyCount[]>;
  /** What analytics counts for one flow's conversations started in a window; reads only. */
  analyticsFacts(query: AnalyticsFactsQuery): Promise<AnalyticsFacts>;
  /** The paths through the flow of the same conversations, for the canvas overlay; reads only. */
  analyticsPaths(query: AnalyticsFactsQuery): Promise<PathFacts>;
  /** The review marks of one flow. */
  listReviewMarks(flowId: string): Promise<ReviewMark[]>;
  /** Adds marks, replacing any with the same flow and key. */
  putReviewMarks(marks: readonly ReviewMark[]): Promise<void>;
  /** Removes marks (an undo); returns how many existed. */
  deleteReviewMarks(flowId: string, keys: readonly string[]): Promise<number>;
  /**
   * Removes every mark of a deleted flow, so a new flow given the same id starts its review list
   * clean; returns how many there were.
   */
  deleteFlowReviewMarks(flowId: string): Promise<number>;
  /** The analytics page's list: a flow's conversations in a window, newest first, filtered by `accept`; reads only. */
  listAnalyticsConversations(query: ConversationListQuery): Promise<ConversationListPage>;
  /** The nodes one conversation entered, in order, with its flow; null when it does not exist. */
  conversationPath(sessionId: string): Promise<{ flowId: string; steps: ConversationPathStep[] } | null>;
  close(): Promise<void>;
}
