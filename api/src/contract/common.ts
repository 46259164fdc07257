import { z } from 'zod';
import { ROLES } from '../storage/userStore';

// Schemas several resources share. `.meta({id})` names them in the OpenAPI components.

export const errorDetailSchema = z.object({ path: z.string(), message: z.string() });
export const errorSchema = z
  .object({ error: z.object({ code: z.string(), message: z.string(), details: z.array(errorDetailSchema) }) })
  .meta({ id: 'Error', description: 'Every failure: a machine-readable code, a sentence, and the fields at fault' });

/** An error body with more fields beside `error` (a conflict's `current`, a refusal's `problems`). */
export const errorWith = <S extends z.ZodRawShape>(shape: S) => errorSchema.extend(shape);

export const roleSchema = z.enum(ROLES);
export const actorSchema = z.object({ id: z.string(), name: z.string() }).meta({ id: 'Actor', description: 'Who did it' });

/** Path ids the routers accept without further checks (users, tokens). */
export const resourceIdSchema = z.string().min(1).max(200);
