import { z } from 'zod';
import { nodeSchemaOf } from '../common';

export const satisfactionDataSchema = z.strictObject({
  /** The rating question, e.g. "How did we do?". */
  text: z.string().max(5000),
  /** After the rating, ask for an optional comment as a second turn. */
  askComment: z.boolean().optional(),
  /** Defaults to the flow language's wording in engine/answers/feedbackTexts.ts. */
  commentText: z.string().max(2000).optional(),
});
export const satisfactionNodeSchema = nodeSchemaOf('satisfaction', satisfactionDataSchema);
export type SatisfactionNode = z.infer<typeof satisfactionNodeSchema>;
export type SatisfactionData = SatisfactionNode['data'];

export const satisfactionHandles = (_data: SatisfactionData): string[] => ['next'];

/**
 * The node also stores its answer in these variables (declared or not), so a later condition can
 * route unhappy customers, e.g. `csatRating lte 2` to a handoff. Analytics read the `csat` event.
 */
export const CSAT_RATING_VARIABLE = 'csatRating';
export const CSAT_COMMENT_VARIABLE = 'csatComment';
