import { z } from 'zod';
import { nodeSchemaOf } from '../common';

export const startDataSchema = z.strictObject({
  /** Shown on the canvas only; the customer never sees it. */
  label: z.string().max(200).optional(),
});
export const startNodeSchema = nodeSchemaOf('start', startDataSchema);
export type StartNode = z.infer<typeof startNodeSchema>;
export type StartData = StartNode['data'];

export const startHandles = (_data: StartData): string[] => ['next'];
