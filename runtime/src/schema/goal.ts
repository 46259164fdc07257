import { z } from 'zod';

/**
 * Marks a node as a goal (a conversion: "Order status given", "Booking requested"). It sits in
 * every kind's data through `nodeSchemaOf`, so no kind repeats it: reaching any node can be what
 * a business counts as success. The engine records reaching it once per conversation.
 */
export const goalSchema = z.strictObject({
  label: z.string().trim().min(1, 'must not be empty').max(100),
});
export type Goal = z.infer<typeof goalSchema>;
