import type { RequestHandler } from 'express';
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

/**
 * Replaces `req.body` with its parsed value. Express 5 makes `req.query` read-only, so params
 * and query are parsed inside handlers with `parseInput` instead of being rewritten here.
 */
export function validateBody<S extends z.ZodType>(schema: S): RequestHandler {
  return (req, _res, next) => {
    req.body = parseInput(schema, req.body ?? {});
    next();
  };
}

export function validateParams<S extends z.ZodType>(schema: S): RequestHandler {
  return (req, _res, next) => {
    parseInput(schema, req.params, 'params');
    next();
  };
}

export function validateQuery<S extends z.ZodType>(schema: S): RequestHandler {
  return (req, _res, next) => {
    parseInput(schema, req.query, 'query');
    next();
  };
}
