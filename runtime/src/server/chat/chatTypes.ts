import type { InputRequest, SessionStatus } from '../../engine/types';
import type { AgentRef, ConversationStore } from '../../chat/conversationStore';
import type { ChatEvents } from '../../chat/chatEvents';
import type { TranscriptMessage } from '../../chat/messages';
import type { TrainedModel } from '../../nlu/model';
import type { FlowDocument } from '../../schema';
import type { PublishedFlowSource } from './flowVersionCache';
import type { HttpStepRunner } from './httpSteps';
import type { KnowledgeStepRunner } from './knowledgeSteps';
import type { IntentPickRunner } from './intentPickSteps';

export type CustomerInput = { text: string } | { optionId: string };

/** Where a transfer sends a conversation. */
export type TransferTarget = { queue: string } | { agent: AgentRef };

export interface ChatView {
  messages: TranscriptMessage[];
  input: InputRequest;
  status: SessionStatus;
}

export interface StartedConversation extends ChatView {
  sessionId: string;
  sessionToken: string;
}

/** An agent acting in the inbox; admins may act on conversations another agent holds. */
export interface AgentActor extends AgentRef {
  canOverride: boolean;
}

export interface ChatServiceDeps {
  store: ConversationStore;
  flows: PublishedFlowSource;
  events: ChatEvents;
  now?: () => number;
  random?: () => number;
  /** A published version's stored intent models; without it the engine trains on first use (tests). */
  models?: (flowId: string, version: number, flow: FlowDocument) => Promise<Record<string, TrainedModel>>;
  /** Carries out HTTP-request steps; without it every request takes the step's `error` branch. */
  http?: HttpStepRunner;
  /** Answers "Answer from knowledge" steps; without it each takes its `error` output. */
  knowledge?: KnowledgeStepRunner;
  /** Lets the model pick for unsure intent steps that ask it; without it each takes its `fallback`. */
  intentPick?: IntentPickRunner;
}
