import { z } from 'zod';

export const idSchema = z.string().min(1, 'must not be empty').max(200);

/** Variable names are plain identifiers so that `{{name}}` templates stay unambiguous. */
export const variableNameSchema = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must start with a letter or _ and contain only letters, digits and _')
  .max(64);

export const positionSchema = z.strictObject({ x: z.number(), y: z.number() });
export type Position = z.infer<typeof positionSchema>;

/** A value a flow variable may hold. Dates are ISO `YYYY-MM-DD` strings. */
export const variableValueSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export type VariableValue = z.infer<typeof variableValueSchema>;

export const variableTypeSchema = z.enum(['string', 'number', 'boolean', 'date']);
export type VariableType = z.infer<typeof variableTypeSchema>;

export const variableDefinitionSchema = z.strictObject({
  name: variableNameSchema,
  type: variableTypeSchema,
  default: variableValueSchema.optional(),
  description: z.string().max(500).optional(),
});
export type VariableDefinition = z.infer<typeof variableDefinitionSchema>;

/** Builds the React-Flow-shaped node schema `{id, type, position, data}` for one kind. */
export function nodeSchemaOf<K extends string, D extends z.ZodType>(type: K, data: D) {
  return z.strictObject({ id: idSchema, type: z.literal(type), position: positionSchema, data });
}
