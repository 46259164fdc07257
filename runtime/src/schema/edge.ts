import { z } from 'zod';
import { idSchema } from './common';

export const flowEdgeSchema = z.strictObject({
  id: idSchema,
  source: idSchema,
  /** The option/branch id or a named output (`next`, `invalid`, ...). Absent for single-output nodes. */
  sourceHandle: z.string().max(200).nullish(),
  target: idSchema,
});
export type FlowEdge = z.infer<typeof flowEdgeSchema>;
