import { z } from 'zod';
import { nodeSchemaOf, variableNameSchema } from '../common';

export const inputKindSchema = z.enum(['text', 'number', 'digits', 'orderNumber', 'postcodePl', 'email', 'phone', 'date', 'yesNo']);
export type InputKind = z.infer<typeof inputKindSchema>;

export const DEFAULT_MAX_RETRIES = 2;

export const questionDataSchema = z.strictObject({
  text: z.string().max(5000),
  variable: variableNameSchema,
  inputKind: inputKindSchema,
  /** A regular expression the whole answer must match (text answers). */
  pattern: z.string().max(500).optional(),
  minLength: z.number().int().min(0).optional(),
  maxLength: z.number().int().min(1).optional(),
  /** Number answers: whether "-3" is accepted. Absent means yes (how numbers were always read). */
  allowNegative: z.boolean().optional(),
  /** Number answers: whether "12,5" is accepted. Absent means yes (how numbers were always read). */
  allowDecimals: z.boolean().optional(),
  /** Said when an answer is rejected; a generic per-kind text is used when absent. */
  retryText: z.string().max(2000).optional(),
  /** How many rejected answers are re-asked before `invalid` is taken. */
  maxRetries: z.number().int().min(0).max(10).optional(),
  /** Shown in the input box as a hint. */
  placeholder: z.string().max(200).optional(),
});
export const questionNodeSchema = nodeSchemaOf('question', questionDataSchema);
export type QuestionNode = z.infer<typeof questionNodeSchema>;
export type QuestionData = QuestionNode['data'];

export const questionHandles = (_data: QuestionData): string[] => ['next', 'invalid'];
