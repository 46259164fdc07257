import type { Request, Response } from 'express';
import type { Config } from '../config';

export const SESSION_COOKIE = 'sb_session';
export const SESSION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

function secure(req: Request, config: Config): boolean {
  return config.cookieSecure === 'auto' ? req.secure : config.cookieSecure;
}

export function setSessionCookie(req: Request, res: Response, config: Config, id: string, expiresAt: number, now: number) {
  res.cookie(SESSION_COOKIE, id, {
    httpOnly: true,
    sameSite: 'lax',
    secure: secure(req, config),
    path: '/',
    maxAge: Math.max(0, expiresAt - now),
  });
}

export function clearSessionCookie(req: Request, res: Response, config: Config) {
  res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure: secure(req, config), path: '/' });
}
