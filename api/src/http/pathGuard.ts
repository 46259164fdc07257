import type { RequestHandler } from 'express';
import { HttpError } from './errors';

// Every name a plain object answers for without owning it (`__proto__`, `constructor`,
// `toString`, ...), plus `prototype`. An id with one of these names used to read or write
// Object.prototype in a store, so no API path segment may be one.
const RESERVED = new Set([...Object.getOwnPropertyNames(Object.prototype), 'prototype']);

export function isReservedName(name: string): boolean {
  return RESERVED.has(name);
}

/**
 * Refuses, before any router sees them, API paths with a malformed percent-escape (Express
 * would fail to decode the parameter later) or with a segment naming a prototype member.
 */
export const apiPathGuard: RequestHandler = (req, _res, next) => {
  for (const raw of req.path.split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      next(new HttpError(400, 'invalid_request', 'The address contains a malformed percent-escape', [{ path: 'params', message: `cannot decode “${raw.slice(0, 60)}”` }]));
      return;
    }
    if (isReservedName(segment)) {
      next(
        new HttpError(400, 'invalid_request', `“${segment}” cannot be used as an id`, [
          { path: 'params', message: `“${segment}” is a name reserved by JavaScript and cannot be an id` },
        ]),
      );
      return;
    }
  }
  next();
};
