/**
 * The facts analytics are computed from, already summed by the store: per 15-minute bucket of
 * conversation starts, so that api/src/analytics can place buckets on the local days of any time
 * zone (every zone's midnight falls on a bucket boundary) without the store knowing about zones.
 * Stores keep rollups written in the same transaction as the rows they summarise, so a read is a
 * range of small rows, never a pass over the events, and a chat turn never waits for one.
 *
 * Outcomes, one per conversation, so the four add up to the conversations started:
 * - handedOff: it asked for a human at least once (a `handedOff` or `handoffOffline` event, or a
 *   handoff on record), whatever happened after, including an agent returning it to the bot;
 * - contained: no handoff, and it ended (status completed) or expired;
 * - abandoned: no handoff, no end, and no activity since before `activeSince`;
 * - inProgress: no handoff, no end, active since `activeSince`.
 */
export const ANALYTICS_BUCKET_MS = 15 * 60_000;

export type Outcome = 'contained' | 'handedOff' | 'abandoned' | 'inProgress';

/** The outcome rule above for one conversation. */
export function outcomeAt(c: Pick<ConversationFact, 'handedOff' | 'status' | 'updatedAt'>, activeSince: number): Outcome {
  if (c.handedOff) return 'handedOff';
  if (c.status === 'completed' || c.status === 'expired') return 'contained';
  return c.updatedAt < activeSince ? 'abandoned' : 'inProgress';
}

/** One flow's conversations that started in a window. */
export interface AnalyticsWindow {
  flowId: string;
  /** Conversations whose start (created_at, epoch ms) is in [from, to). */
  from: number;
  to: number;
  /** Only conversations pinned to this published version; absent = every version. */
  flowVersion?: number;
}

export interface AnalyticsFactsQuery extends AnalyticsWindow {
  /** Now minus the flow's idle timeout: an open conversation last active before this is abandoned. */
  activeSince: number;
  /**
   * The instants the window's local days begin, then the end of the last one, ascending: unique
   * visitors are counted per day as well (a distinct count does not add up from smaller ranges).
   */
  dayStarts?: readonly number[];
}

/** What one conversation's rows say about it (the conversation list shows these). */
export interface ConversationFact {
  id: string;
  flowVersion: number;
  createdAt: number;
  /** Last activity of any kind (a message, a turn, a handoff change). */
  updatedAt: number;
  status: string;
  /** The queue of its (last) handoff; null if never handed to one. */
  queue: string | null;
  handoffRequestedAt: number | null;
  handoffClosedAt: number | null;
  /** The first message by an agent at or after the handoff request. */
  firstAgentReplyAt: number | null;
  customerMessages: number;
  /** A handoff on record, or a `handedOff` / `handoffOffline` event. */
  handedOff: boolean;
  /** Had a `handoffOffline` event: nobody could take it and the flow's offline branch ran. */
  offline: boolean;
  /** Goal node ids reached (`goalReached` events), each once. */
  goals: string[];
  /** Ratings of its `csat` events, 1–5. */
  csat: number[];
  /** Answers to "did that help?" after FAQ answers. */
  faqYes: number;
  faqNo: number;
  /** Its `fallback` events that carry the typed text: messages the bot did not understand. */
  unrecognised: number;
  knowledge: KnowledgeCounts;
  tieBreaks: TieBreakCounts;
}

/**
 * Answer-from-knowledge steps: `knowledgeAnswer` events by outcome (answered, noAnswer, error),
 * and the answers to their "did that help?" follow-up (`knowledgeFeedback`).
 */
export interface KnowledgeCounts {
  answered: number;
  noAnswer: number;
  failed: number;
  yes: number;
  no: number;
}

export const noKnowledgeCounts = (): KnowledgeCounts => ({ answered: 0, noAnswer: 0, failed: 0, yes: 0, no: 0 });
export const KNOWLEDGE_KEYS = ['answered', 'noAnswer', 'failed', 'yes', 'no'] as const;

/**
 * Unsure intent steps that asked the language model (`intentTieBreak` events) by outcome: it
 * picked an intent, said none, or failed (timeout, provider error, spent budget, no model);
 * `agreed` counts the picks that were the classifier's own best guess.
 */
export interface TieBreakCounts {
  picked: number;
  none: number;
  failed: number;
  agreed: number;
}

export const noTieBreakCounts = (): TieBreakCounts => ({ picked: 0, none: 0, failed: 0, agreed: 0 });
export const TIE_BREAK_KEYS = ['picked', 'none', 'failed', 'agreed'] as const;

/** The conversations that started in one bucket, summed. */
export interface BucketFacts {
  /** The bucket's first instant, epoch ms (a multiple of ANALYTICS_BUCKET_MS). */
  start: number;
  started: number;
  contained: number;
  handedOff: number;
  abandoned: number;
  inProgress: number;
  /** Of those handed off: a `handoffOffline` event (nobody could take it; the offline branch ran). */
  offline: number;
  customerMessages: number;
  /** `fallback` events that carry the typed text: messages the bot did not understand. */
  unrecognised: number;
  /** Answers to "did that help?" after FAQ answers. */
  faqYes: number;
  faqNo: number;
  /** How many `csat` ratings of 1, 2, 3, 4, 5. */
  csat: [number, number, number, number, number];
  knowledge: KnowledgeCounts;
  tieBreaks: TieBreakCounts;
}

/** Conversations of one bucket that reached a goal node (`goalReached`), each counted once. */
export interface GoalBucketFacts {
  start: number;
  nodeId: string;
  conversations: number;
}

/** One handed-off conversation's agent times, from its (latest) handoff request. */
export interface HandoffFacts {
  queue: string;
  /** To the first agent message at or after the request; null before one. */
  firstReplyMs: number | null;
  /** To the agent closing it or returning it to the bot; null while open. */
  closeMs: number | null;
}

export interface AnalyticsFacts {
  /** Buckets with at least one conversation, oldest first. */
  buckets: BucketFacts[];
  goals: GoalBucketFacts[];
  /** The latest label each goal node had when reached, by node id. */
  goalLabels: Map<string, string>;
  handoffs: HandoffFacts[];
  /** Every bot reply time (TurnWrite.replyMs) of the window's conversations, in milliseconds, ascending. */
  replyMs: number[];
  /** Distinct visitor ids (NewConversation.visitorId) among the window's conversations; those without one are not counted. */
  uniqueVisitors: number;
  /** The same per day of `dayStarts` (empty without it); each day's range is clipped to the window. */
  uniqueVisitorsByDay: number[];
}

/** The window's traffic through the flow, for the canvas overlay. */
export interface PathFacts {
  started: number;
  /** Conversations that entered each step at least once (`nodeEntered` events). */
  entered: { nodeId: string; conversations: number }[];
  /** Conversations that followed each step output at least once (`nodeEntered`'s `fromNodeId`/`viaHandle`). */
  edges: { source: string; sourceHandle: string; conversations: number }[];
  /** Abandoned conversations by the step they entered last. */
  droppedHere: { nodeId: string; conversations: number }[];
}
