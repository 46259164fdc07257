import type { Request, RequestHandler } from 'express';
import { isOwnOrigin, originAllowed } from '../chat/originPolicy';
import { HttpError } from '../http/errors';

/**
 * CORS for the widget's settings. Unlike the chat calls, the refusal itself is readable by the
 * foreign page (it carries the CORS header): the widget can then say "not available on this
 * website" instead of a vague network error. A refusal tells nothing the embed code did not.
 */
export function settingsCors(publicUrl: string | null, resolve: (req: Request) => Promise<string[] | null>): RequestHandler {
  return async (req, res, next) => {
    try {
      const origin = req.headers.origin;
      if (origin === undefined || isOwnOrigin(origin, req.headers.host, publicUrl)) return next();
      res.vary('Origin');
      res.set('Access-Control-Allow-Origin', origin);
      const allowed = await resolve(req);
      if (allowed !== null && !originAllowed(origin, allowed)) {
        return next(new HttpError(403, 'origin_not_allowed', `This chat may not be embedded on ${origin}`));
      }
      next();
    } catch (err) {
      next(err);
    }
  };
}
