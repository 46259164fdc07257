import { z } from 'zod';
import { idSchema, nodeSchemaOf, variableNameSchema } from '../common';

/** A phrase list is capped so one node can never make training slow (1,000 phrases train in < 1 s). */
const phrasesSchema = z.array(z.string().max(500)).max(1000);

export const intentEntrySchema = z.strictObject({
  /** Also the output handle id, so renaming an intent keeps its edge. */
  id: idSchema,
  name: z.string().max(100),
  examples: phrasesSchema,
});
export type IntentEntry = z.infer<typeof intentEntrySchema>;

export const MIN_MODEL_TIME_BUDGET = 1;
export const MAX_MODEL_TIME_BUDGET = 10;
/** Short: the customer waits for the pick before anything else happens. */
export const DEFAULT_MODEL_TIME_BUDGET = 3;

/** 0..1; when absent the threshold calibrated on the node's own phrases is used. */
export const thresholdSchema = z.number().min(0).max(1);

export const intentDataSchema = z.strictObject({
  /** Said before waiting; when absent the node classifies the customer's next message silently. */
  text: z.string().max(5000).optional(),
  intents: z.array(intentEntrySchema).max(100),
  /** "None of these": phrases that must take `fallback`. */
  noneExamples: phrasesSchema.optional(),
  threshold: thresholdSchema.optional(),
  /** Receives the matched intent's name (null on fallback). */
  intentVariable: variableNameSchema.optional(),
  /** Receives the best intent's confidence, 0..1, even on fallback. */
  confidenceVariable: variableNameSchema.optional(),
  /** When no intent clears the threshold, ask the organisation's language model to pick one (or none). */
  askModelWhenUnsure: z.boolean().optional(),
  /** Seconds the model may take before the step gives up and takes `fallback`. */
  modelTimeBudget: z.number().int().min(MIN_MODEL_TIME_BUDGET).max(MAX_MODEL_TIME_BUDGET).optional(),
});
export const intentNodeSchema = nodeSchemaOf('intent', intentDataSchema);
export type IntentNode = z.infer<typeof intentNodeSchema>;
export type IntentData = IntentNode['data'];

export const intentHandles = (data: IntentData): string[] => [...data.intents.map((i) => i.id), 'fallback'];
