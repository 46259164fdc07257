import type { RequestHandler } from 'express';
import { rateLimit, ipKeyGenerator } from 'express-rate-limit';
import type { AppDeps } from '../deps';
import { errorBody } from '../http/errors';

const WINDOW_MS = 15 * 60 * 1000;
/** Failed attempts allowed per IP and email in a window. */
export const LOGIN_ATTEMPTS_PER_ACCOUNT = 10;
/** Failed attempts allowed per IP across all emails, against password spraying. */
export const LOGIN_ATTEMPTS_PER_IP = 50;
/**
 * Failed attempts allowed per email across every IP, against guessing one account's password
 * from many addresses. The price: someone who knows an email can hold its owner out for the
 * rest of the window; an admin can still sign in with another account and help.
 */
export const LOGIN_ATTEMPTS_PER_EMAIL = 30;

function emailOf(body: unknown): string {
  const email = (body as { email?: unknown } | undefined)?.email;
  return typeof email === 'string' ? email.trim().toLowerCase().slice(0, 320) : '';
}

function limiter(deps: AppDeps, name: string, limit: number, key: (req: Parameters<RequestHandler>[0]) => string) {
  const store = deps.rateLimitStore?.(name);
  return rateLimit({
    windowMs: WINDOW_MS,
    limit,
    // Only failures count: a user who signs in often is never locked out by their own successes.
    skipSuccessfulRequests: true,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: (req) => key(req),
    ...(store ? { store } : {}),
    handler: (_req, res, _next, options) => {
      res
        .status(options.statusCode)
        .json(errorBody('rate_limited', 'Too many sign-in attempts. Wait a few minutes and try again.'));
    },
  });
}

/** Needs the parsed JSON body (for the email), so it runs after the body parser. */
export function loginRateLimit(deps: AppDeps): RequestHandler[] {
  const ip = (req: Parameters<RequestHandler>[0]) => ipKeyGenerator(req.ip ?? 'unknown');
  return [
    limiter(deps, 'login-ip', LOGIN_ATTEMPTS_PER_IP, ip),
    limiter(deps, 'login-account', LOGIN_ATTEMPTS_PER_ACCOUNT, (req) => `${ip(req)}|${emailOf(req.body)}`),
    limiter(deps, 'login-email', LOGIN_ATTEMPTS_PER_EMAIL, (req) => `email|${emailOf(req.body)}`),
  ];
}
