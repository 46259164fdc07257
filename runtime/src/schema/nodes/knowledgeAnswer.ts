import { z } from 'zod';
import { nodeSchemaOf, variableNameSchema } from '../common';

export const DEFAULT_MAX_PASSAGES = 4;

/**
 * "Answer from knowledge": the organisation's language model answers the customer's question
 * from passages retrieved out of the knowledge sources, citing them. The host does the retrieval
 * and the model call (see runtime/src/server/chat/knowledgeSteps.ts); the engine only asks.
 */
export const knowledgeAnswerDataSchema = z.strictObject({
  /**
   * The question, a template such as `{{question}}`. When absent: the customer's message that led
   * here in this turn (e.g. through an intent step's `fallback`), or else their next message.
   */
  question: z.string().max(2000).optional(),
  /** Said before waiting for the question, when the step waits for one. */
  text: z.string().max(5000).optional(),
  /** How staff want the answer to sound ("friendly, brief, informal"); the flow's language is always used. */
  tone: z.string().max(500).optional(),
  /** Only these knowledge sources; every source when absent. */
  sourceIds: z.array(z.string().min(1).max(100)).max(50).optional(),
  /** How many passages are retrieved and quoted to the model; 4 when absent. */
  maxPassages: z.number().int().min(1).max(10).optional(),
  /** Which configured provider answers; the organisation's default when absent. */
  providerId: z.string().max(16).optional(),
  /** Receives the answer's text on `answered`. */
  answerVariable: variableNameSchema.optional(),
  /** After answering, ask a yes/no "Did that help?" and record the reply. */
  askHelpful: z.boolean().optional(),
  /** Defaults to the flow language's wording in engine/answers/feedbackTexts.ts. */
  helpfulText: z.string().max(500).optional(),
});
export const knowledgeAnswerNodeSchema = nodeSchemaOf('knowledgeAnswer', knowledgeAnswerDataSchema);
export type KnowledgeAnswerNode = z.infer<typeof knowledgeAnswerNodeSchema>;
export type KnowledgeAnswerData = KnowledgeAnswerNode['data'];

export const knowledgeAnswerHandles = (_data: KnowledgeAnswerData): string[] => ['answered', 'noAnswer', 'error'];
