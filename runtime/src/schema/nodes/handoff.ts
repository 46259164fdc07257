import { z } from 'zod';
import { nodeSchemaOf } from '../common';

export const handoffPrioritySchema = z.enum(['low', 'normal', 'high', 'urgent']);
export type HandoffPriority = z.infer<typeof handoffPrioritySchema>;

export const handoffDataSchema = z.strictObject({
  /** Said to the customer when the conversation is handed to an agent. */
  text: z.string().max(5000),
  /** The department queue, e.g. "billing". */
  queue: z.string().min(1, 'must not be empty').max(100),
  priority: handoffPrioritySchema.optional(),
  /** A note for the agent; may use `{{variable}}` templates. */
  note: z.string().max(2000).optional(),
});
export const handoffNodeSchema = nodeSchemaOf('handoff', handoffDataSchema);
export type HandoffNode = z.infer<typeof handoffNodeSchema>;
export type HandoffData = HandoffNode['data'];

export const handoffHandles = (_data: HandoffData): string[] => ['resolved', 'offline'];
