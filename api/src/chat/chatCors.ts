import type { Request, RequestHandler } from 'express';
import { HttpError } from '../http/errors';
import { isOwnOrigin, originAllowed } from './originPolicy';

/**
 * CORS for the widget, per flow: a browser on an allowed site gets the headers (and its
 * preflight a 204); any other foreign site is refused outright with 403, so a refused widget
 * cannot even create sessions with a simple request. `resolve` returns null for an unknown
 * flow or session, which the route itself then answers with 404.
 */
export function chatCors(publicUrl: string | null, resolve: (req: Request) => Promise<string[] | null>): RequestHandler {
  return async (req, res, next) => {
    const origin = req.headers.origin;
    if (origin === undefined || isOwnOrigin(origin, req.headers.host, publicUrl)) return next();
    res.vary('Origin');
    const allowed = await resolve(req);
    if (allowed === null) return next();
    if (!originAllowed(origin, allowed)) {
      return next(new HttpError(403, 'origin_not_allowed', `This chat may not be embedded on ${origin}`));
    }
    res.set('Access-Control-Allow-Origin', origin);
    res.set('Access-Control-Expose-Headers', 'Retry-After, RateLimit, RateLimit-Policy');
    if (req.method === 'OPTIONS') {
      res.set('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
      res.set('Access-Control-Allow-Headers', 'Authorization, Content-Type');
      res.set('Access-Control-Max-Age', '600');
      res.status(204).end();
      return;
    }
    next();
  };
}
