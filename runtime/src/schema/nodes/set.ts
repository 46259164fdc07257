import { z } from 'zod';
import { nodeSchemaOf, variableNameSchema } from '../common';

/**
 * How an assignment's value is read:
 * - `template` (default for strings): `{{name}}` placeholders are filled in, the rest is literal text
 * - `literal`: stored exactly as written (numbers and booleans are always literal)
 * - `math`: arithmetic on numbers and variables, e.g. `{{count}} + 1` or `total * 1.23`;
 *   parsed by a small grammar, never evaluated as JavaScript
 */
export const assignmentModeSchema = z.enum(['template', 'literal', 'math']);
export type AssignmentMode = z.infer<typeof assignmentModeSchema>;

export const assignmentSchema = z.strictObject({
  variable: variableNameSchema,
  value: z.union([z.string().max(2000), z.number(), z.boolean()]),
  mode: assignmentModeSchema.optional(),
});
export type Assignment = z.infer<typeof assignmentSchema>;

export const setDataSchema = z.strictObject({
  assignments: z.array(assignmentSchema).max(50),
});
export const setNodeSchema = nodeSchemaOf('set', setDataSchema);
export type SetNode = z.infer<typeof setNodeSchema>;
export type SetData = SetNode['data'];

export const setHandles = (_data: SetData): string[] => ['next'];
