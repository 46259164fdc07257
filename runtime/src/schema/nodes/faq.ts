import { z } from 'zod';
import { idSchema, nodeSchemaOf } from '../common';
import { thresholdSchema } from './intent';

export const faqItemSchema = z.strictObject({
  id: idSchema,
  question: z.string().max(500),
  /** Other ways customers ask the same question. */
  variants: z.array(z.string().max(500)).max(200).optional(),
  /** May use `{{variable}}` templates. */
  answer: z.string().max(5000),
});
export type FaqItem = z.infer<typeof faqItemSchema>;

export const faqDataSchema = z.strictObject({
  /** Said before waiting; when absent the node answers the customer's next message. */
  text: z.string().max(5000).optional(),
  items: z.array(faqItemSchema).max(500),
  /** 0..1; when absent the threshold calibrated on the questions is used. */
  threshold: thresholdSchema.optional(),
  /** After answering, ask a yes/no "Did that help?" and record the reply. */
  askHelpful: z.boolean().optional(),
  /** Defaults to the flow language's wording in engine/answers/feedbackTexts.ts. */
  helpfulText: z.string().max(500).optional(),
});
export const faqNodeSchema = nodeSchemaOf('faq', faqDataSchema);
export type FaqNode = z.infer<typeof faqNodeSchema>;
export type FaqData = FaqNode['data'];

export const faqHandles = (_data: FaqData): string[] => ['answered', 'fallback'];
