import { z } from 'zod';
import { idSchema } from '../../../runtime/src/schema';
import { parseInput } from '../http/validate';

export const flowIdParams = z.object({ id: idSchema });
export const versionParams = z.object({ id: idSchema, n: z.coerce.number().int().min(1, 'must be a version number') });
export const resourceIdParams = z.object({ id: z.string().min(1).max(200) });

export function flowIdOf(params: unknown): string {
  return parseInput(flowIdParams, params, 'params').id;
}
