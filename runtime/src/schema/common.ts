import { z } from 'zod';
import { goalSchema } from './goal';

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

/**
 * Builds the React-Flow-shaped node schema `{id, type, position, data}` for one kind. The fields
 * every kind shares (the optional `goal`) are added to the kind's data here, once.
 */
export function nodeSchemaOf<K extends string, Shape extends z.ZodRawShape>(
  type: K,
  data: z.ZodObject<Shape, z.core.$strict>,
) {
  return z.strictObject({
    id: idSchema,
    type: z.literal(type),
    position: positionSchema,
    data: z.strictObject({ ...data.shape, goal: goalSchema.optional() }),
  });
}
