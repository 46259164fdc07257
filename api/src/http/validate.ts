import type { z } from 'zod';
import { zodIssues } from '../../../runtime/src/schema';
import { badRequest, type ErrorDetail } from './errors';

function prefixed(details: ErrorDetail[], prefix: string): ErrorDetail[] {
  if (!prefix) return details;
  return details.map((d) => ({ ...d, path: d.path ? `${prefix}.${d.path}` : prefix }));
}

/** Parses untrusted input or throws a 400 whose details point at each bad field. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, prefix = ''): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw badRequest('invalid_request', 'The request is not valid', prefixed(zodIssues(result.error), prefix));
  }
  return result.data;
}
