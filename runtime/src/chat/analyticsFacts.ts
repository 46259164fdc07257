/**
 * The raw facts analytics are computed from: one row per conversation that started in a window,
 * with what its events and messages say about it. The store gathers them with reads only (a chat
 * turn never writes anything for analytics); api/src/analytics turns them into figures.
 */
export interface AnalyticsFactsQuery {
  flowId: string;
  /** Conversations whose start (created_at, epoch ms) is in [from, to). */
  from: number;
  to: number;
  /** Only conversations pinned to this published version; absent = every version. */
  flowVersion?: number;
}

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
  /** Had a `handedOff` or `handoffOffline` event. */
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
}

export interface AnalyticsFacts {
  conversations: ConversationFact[];
  /** The latest label each goal node had when reached, by node id. */
  goalLabels: Map<string, string>;
}

/** One conversation's path through the flow, for the canvas overlay. */
export interface ConversationPath {
  status: string;
  updatedAt: number;
  handedOff: boolean;
  /** Node ids in the order entered (`nodeEntered` events), repeats included. */
  nodes: string[];
  /** `source\u0000handle` of each edge followed (from `nodeEntered`'s `fromNodeId`/`viaHandle`). */
  edges: string[];
}
