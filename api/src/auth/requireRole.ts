import type { RequestHandler } from 'express';
import type { Role } from '../storage/userStore';
import { forbidden, HttpError, unauthenticated } from '../http/errors';
import { safeEqual } from './secrets';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
export const CSRF_HEADER = 'x-csrf-token';

/**
 * Refuses requests without an account (401), cookie-authenticated changes without the CSRF
 * token (403 `csrf`), and roles not listed (403 `forbidden`). Admins pass every role check.
 * API tokens skip CSRF: a browser never attaches them on its own.
 */
export function requireRole(...roles: Role[]): RequestHandler {
  return (req, _res, next) => {
    const principal = req.principal;
    if (!principal) return next(unauthenticated());
    if (principal.kind === 'user' && !SAFE_METHODS.has(req.method)) {
      const sent = req.get(CSRF_HEADER);
      if (!sent || !safeEqual(sent, principal.csrfToken)) {
        return next(new HttpError(403, 'csrf', 'Missing or wrong X-CSRF-Token header; reload the page and try again'));
      }
    }
    if (principal.role !== 'admin' && !roles.includes(principal.role)) return next(forbidden());
    next();
  };
}

/** Any signed-in account. */
export const requireAccount = (): RequestHandler => requireRole('admin', 'editor', 'agent');
