import type { KnowledgeStepRequest } from '../../engine/types';
import type { MessageLink } from '../../schema/nodes/message';

/** What the host learned from one "Answer from knowledge" step; reasons are codes, details stay in the log. */
export type KnowledgeStepOutcome =
  | { outcome: 'answered'; text: string; sources: MessageLink[] }
  | { outcome: 'noAnswer'; reason: string }
  | { outcome: 'error'; reason: string };

export interface KnowledgeStepMeta {
  flowId: string;
  flowVersion: number;
  sessionId: string;
  nodeId: string;
  /** The customer-visible answer so far, while it streams; null withdraws it. */
  onDraft?: (text: string | null) => void;
}

/** Retrieves, asks the model and checks the answer; must not throw (a failure is an `error` outcome). */
export type KnowledgeStepRunner = (request: KnowledgeStepRequest, meta: KnowledgeStepMeta) => Promise<KnowledgeStepOutcome>;
