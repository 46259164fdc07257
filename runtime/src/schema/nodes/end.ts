import { z } from 'zod';
import { nodeSchemaOf } from '../common';

export const endDataSchema = z.strictObject({
  text: z.string().max(5000).optional(),
});
export const endNodeSchema = nodeSchemaOf('end', endDataSchema);
export type EndNode = z.infer<typeof endNodeSchema>;
export type EndData = EndNode['data'];

export const endHandles = (_data: EndData): string[] => [];
