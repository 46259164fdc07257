import type { VariableValue } from '../schema/common';
import type { InputKind } from '../schema/nodes/question';
import type { HandoffPriority } from '../schema/nodes/handoff';
import type { MessageLink } from '../schema/nodes/message';
import type { TrainedModel } from '../nlu/model';
import type { PreparedRequest } from '../http/types';

/** Injected so that the engine stays pure and tests are repeatable. */
export interface EngineContext {
  /** Epoch milliseconds. */
  now: () => number;
  /** Uniform in [0, 1). */
  random: () => number;
  /**
   * Whether any agent can take a handoff to this queue right now. A snapshot the host reads
   * before the turn; absent means "yes" (e.g. in the editor preview, where the previewer answers).
   */
  agentsAvailable?: (queue: string) => boolean;
  /**
   * Trained intent models by node id, plus `__global` for the flow's global intents; built by
   * `buildFlowModels`. When present the engine never trains (a node missing here has no usable
   * model and always falls back); when absent (editor preview, tests) models are trained lazily
   * once per flow object.
   */
  models?: Readonly<Record<string, TrainedModel>>;
  /** The secrets that exist, to mark references to missing ones on an HTTP request; absent = unknown. */
  secretNames?: ReadonlySet<string>;
}

/**
 * What a waiting session waits for beyond its node's main question: a node that asks twice
 * (an FAQ's "did that help?", a rating's comment) or the host's answer to an HTTP request.
 */
export type SessionWait =
  | { kind: 'http' }
  /** The host is retrieving passages and asking the language model (an "Answer from knowledge" step). */
  | { kind: 'knowledge' }
  /** "Did that help?" after a knowledge answer. */
  | { kind: 'knowledgeHelpful' }
  /** The host is asking the language model to pick among an intent step's intents; the classifier's view is kept for the event. */
  | { kind: 'intentPick'; text: string; guess: string | null; score: number }
  | { kind: 'faqHelpful'; itemId: string }
  | { kind: 'csatComment'; rating: number };

export type SessionStatus = 'active' | 'waiting' | 'handedOff' | 'completed' | 'expired';

/**
 * Plain JSON: it survives `JSON.parse(JSON.stringify(session))` unchanged. Treat it as a value:
 * a step's result shares unchanged `variables` and `retries` objects with the session passed in.
 */
export interface Session {
  id: string;
  flowId: string;
  /** The published version this conversation runs on; null for a draft (editor preview). */
  flowVersion: number | null;
  status: SessionStatus;
  /** The node the conversation stands on (waiting at, handed off at); null once completed. */
  nodeId: string | null;
  variables: Record<string, VariableValue>;
  /** Rejected answers per question, choice or rating node id since it was last entered. */
  retries: Record<string, number>;
  /** Increases by one on every `start`/`step` call. */
  turn: number;
  startedAt: number;
  lastActivityAt: number;
  /** Present only while the node at `nodeId` waits for something other than its first answer. */
  wait?: SessionWait;
  /** Goal node ids this conversation has reached, so each counts once; absent until the first. */
  goalsReached?: string[];
}

export type EngineInput =
  | { type: 'text'; text: string }
  | { type: 'option'; optionId: string }
  /** The agent gave the conversation back to the bot: continue at the handoff's `resolved`. */
  | { type: 'handoffReturned' }
  /** The host found nobody to take a parked handoff: continue at `offline`. */
  | { type: 'handoffUnavailable' }
  /** The agent closed the conversation. */
  | { type: 'close' }
  /**
   * The host's outcome of an `http` effect. `errorKind` is a short code (`status`, `timeout`,
   * `invalidJson`, `refused`, ...), never the server's detail, which belongs in the host's log.
   */
  | { type: 'httpResult'; nodeId: string; ok: boolean; status?: number; json?: unknown; errorKind?: string }
  /**
   * The host's outcome of a `knowledge` effect: the checked answer with the sources it cites, no
   * answer in the passages, or an error whose `reason` is a short code (`timeout`, `budgetSpent`, ...).
   */
  | { type: 'knowledgeResult'; nodeId: string; outcome: KnowledgeOutcomeKind; text?: string; sources?: MessageLink[]; reason?: string }
  /**
   * The host's outcome of an `intentPick` effect: the intent id the model picked, or null for
   * none; `reason` (a short code: `timeout`, `notAnIntent`, `notConfigured`, ...) when it failed.
   */
  | { type: 'intentPickResult'; nodeId: string; pick: string | null; reason?: string };

export type KnowledgeOutcomeKind = 'answered' | 'noAnswer' | 'error';

/** What the customer is expected to do next. */
export type InputRequest =
  | { type: 'choice'; nodeId: string; options: { id: string; label: string }[]; allowText: boolean }
  | {
      type: 'text';
      nodeId: string;
      inputKind: InputKind;
      placeholder?: string;
      pattern?: string;
      minLength?: number;
      maxLength?: number;
      /** Number questions only, present when refused, so the widget can offer a keyboard without the minus sign or the decimal separator. */
      allowNegative?: false;
      allowDecimals?: false;
    }
  /** Stars in the widget; typed "4", "4/5" or "★★★★" are accepted too. Comment asked next when `allowComment`. */
  | { type: 'rating'; nodeId: string; scale: 5; allowComment: boolean }
  | { type: 'none' };

// Option ids of the choices the engine offers on its own (not a flow's options); the widget
// sends them back as `optionId`, so they are part of the input protocol above.
/** "Did that help?" after an FAQ answer. */
export const HELPFUL_YES = 'yes';
export const HELPFUL_NO = 'no';
/** Skips the optional comment after a satisfaction rating. */
export const SKIP_COMMENT = 'skip';

/** What the customer sees. */
export type Output =
  | { type: 'text'; nodeId: string; text: string }
  | { type: 'image'; nodeId: string; url: string; alt: string }
  | { type: 'links'; nodeId: string; links: MessageLink[] };

export type EngineEventName =
  | 'sessionStarted'
  | 'nodeEntered'
  | 'inputReceived'
  | 'validationFailed'
  | 'fallback'
  | 'handedOff'
  | 'handoffOffline'
  | 'handoffReturned'
  | 'completed'
  | 'expired'
  | 'recovered'
  | 'error'
  | 'intentMatched'
  | 'globalIntent'
  | 'faqAnswered'
  | 'faqFeedback'
  | 'csat'
  | 'httpResult'
  /** An "Answer from knowledge" step's outcome: `{outcome, reason?, passages?, sources?}`. */
  | 'knowledgeAnswer'
  /** The reply to "Did that help?" after a knowledge answer: `{helpful}`. */
  | 'knowledgeFeedback'
  /** An unsure intent step asked the model: `{classifierGuess, classifierScore, modelPick, outcome: picked|none|failed, reason?}`. */
  | 'intentTieBreak'
  /** Retries ran out at a question or choice whose exit leads nowhere; `{action}` says what followed. */
  | 'gaveUp'
  /** The conversation reached a goal node for the first time; `{label}` is the goal's label then. */
  | 'goalReached';

export interface EngineEvent {
  name: EngineEventName;
  at: number;
  nodeId?: string;
  /**
   * Small JSON details, e.g. `{reason}` or `{optionId}`; never functions. `nodeEntered` has
   * `{kind}`, plus `{fromNodeId, viaHandle}` when the node was reached by an edge (not by a jump or a start).
   */
  data?: Record<string, VariableValue>;
}

/** Side effects the host carries out; the engine itself performs none. */
export type Effect =
  | {
      type: 'handoff';
      nodeId: string;
      queue: string;
      priority: HandoffPriority;
      /** The node's agent note with templates filled in. */
      note: string;
    }
  /** A customer message during handoff, for the agent rather than the bot. */
  | { type: 'forwardToAgent'; text: string }
  | { type: 'event'; event: EngineEvent }
  /**
   * Send a request and step the session with `httpResult`. Variables are filled; secrets are
   * still `{{secret.NAME}}` placeholders for the host to fill right before sending.
   */
  | { type: 'http'; nodeId: string; request: PreparedRequest }
  /** Retrieve passages for `question` and ask the language model; step the session with `knowledgeResult`. */
  | { type: 'knowledge'; nodeId: string; request: KnowledgeStepRequest }
  /** Ask the language model which of an unsure intent step's intents the message means, if any; step with `intentPickResult`. */
  | { type: 'intentPick'; nodeId: string; request: IntentPickRequest };

/** What an unsure intent step asks the host; the text is as typed (the host masks it). */
export interface IntentPickRequest {
  text: string;
  /** The closed set to pick from, with a few example phrases each. */
  intents: { id: string; name: string; examples: string[] }[];
  /** How long the model may take; past it the pick is none. */
  timeoutMs: number;
}

/** What an "Answer from knowledge" step asks the host; the question is as typed (the host masks it). */
export interface KnowledgeStepRequest {
  question: string;
  /** The flow's language: the answer is written in it. */
  locale: string;
  tone?: string;
  sourceIds?: string[];
  maxPassages: number;
  providerId?: string;
}

export interface StepResult {
  session: Session;
  outputs: Output[];
  /** What is expected next; `{type: 'none'}` when handed off, completed or expired. */
  input: InputRequest;
  effects: Effect[];
}

/** How many automatic nodes one turn may run before it is cut short. */
export const MAX_AUTOMATIC_STEPS = 100;
