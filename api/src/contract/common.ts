import { z } from 'zod';
import { ROLES } from '../storage/userStore';

// Schemas several resources share, and the registry that names schemas in the OpenAPI document.

/**
 * Names and descriptions for the OpenAPI document. A registry of the API's own, not zod's global
 * one, so naming a runtime schema here (FlowNode) changes nothing for the runtime's JSON Schema.
 */
export const apiRegistry = z.registry<{ id?: string; description?: string }>();

/** Listed under `components.schemas` by `id`, and referred to from every route that uses it. */
export function named<S extends z.ZodType>(id: string, schema: S, description?: string): S {
  apiRegistry.add(schema, { id, ...(description ? { description } : {}) });
  return schema;
}

/** A copy of `schema` with a description: copied, because shared schemas (idSchema) mean different things in different places. */
export function described<S extends z.ZodType>(schema: S, description: string): S {
  const copy = schema.clone() as S;
  apiRegistry.add(copy, { description });
  return copy;
}

export const errorDetailSchema = z.object({ path: z.string(), message: z.string() });
export const errorSchema = named(
  'Error',
  // Loose: some errors carry more beside `error` (a conflict's `current`, a refusal's `problems`).
  z.looseObject({ error: z.object({ code: z.string(), message: z.string(), details: z.array(errorDetailSchema) }) }),
  'Every failure: a machine-readable code, a sentence, and the fields at fault',
);

/** An error body with more fields beside `error` (a conflict's `current`, a refusal's `problems`). */
export const errorWith = <S extends z.ZodRawShape>(shape: S) => errorSchema.extend(shape);

export const roleSchema = z.enum(ROLES);
export const actorSchema = named('Actor', z.object({ id: z.string(), name: z.string() }), 'Who did it');

/** Path ids the routers accept without further checks (users, tokens). */
export const resourceIdSchema = z.string().min(1).max(200);
