import { z } from 'zod';
import { idSchema, nodeSchemaOf } from '../common';

export const jumpDataSchema = z.strictObject({
  /** The id of the node to continue at. */
  target: idSchema,
});
export const jumpNodeSchema = nodeSchemaOf('jump', jumpDataSchema);
export type JumpNode = z.infer<typeof jumpNodeSchema>;
export type JumpData = JumpNode['data'];

export const jumpHandles = (_data: JumpData): string[] => [];
