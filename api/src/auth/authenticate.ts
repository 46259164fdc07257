import type { RequestHandler } from 'express';
import type { AppDeps } from '../deps';
import { resolvePrincipal } from './resolvePrincipal';
import { SESSION_TTL_MS, setSessionCookie } from './sessionCookie';

// Sliding expiry is refreshed at most hourly, so a busy editor does not rewrite accounts.json per request.
const EXTEND_AFTER_MS = 60 * 60 * 1000;

/** Sets `req.principal` when the request carries valid credentials; never refuses on its own. */
export function authenticate(deps: AppDeps): RequestHandler {
  return async (req, res, next) => {
    const { principal, session, sessionId } = await resolvePrincipal(deps, {
      authorization: req.headers.authorization,
      cookie: req.headers.cookie,
    });
    if (principal) req.principal = principal;
    if (session) {
      const now = deps.clock();
      const expiresAt = Date.parse(session.expiresAt);
      if (expiresAt - now < SESSION_TTL_MS - EXTEND_AFTER_MS) {
        const next = now + SESSION_TTL_MS;
        await deps.stores.authSessions.extend(session.idHash, new Date(next).toISOString());
        if (sessionId) setSessionCookie(req, res, deps.config, sessionId, next, now);
      }
    }
    next();
  };
}
