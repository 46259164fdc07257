import { rateLimit, type Store } from 'express-rate-limit';
import type { Request } from 'express';
import { HttpError } from '../http/errors';

export interface ChatLimits {
  /** New conversations one IP address may start per minute. */
  sessionsPerIpPerMinute: number;
  /** Messages one conversation may send per minute (HTTP and socket together). */
  messagesPerSessionPerMinute: number;
}

// Generous for a person typing or clicking, tight for a script hammering one conversation.
export const DEFAULT_CHAT_LIMITS: ChatLimits = { sessionsPerIpPerMinute: 30, messagesPerSessionPerMinute: 60 };

function limiter(name: string, limit: number, key: ((req: Request) => string) | undefined, store?: (name: string) => Store) {
  return rateLimit({
    windowMs: 60_000,
    limit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    ...(key ? { keyGenerator: key } : {}),
    ...(store ? { store: store(name) } : {}),
    handler: (_req, _res, next) => next(new HttpError(429, 'rate_limited', 'Too many requests; wait a moment and try again')),
  });
}

export function sessionCreationLimiter(limits: ChatLimits, store?: (name: string) => Store) {
  return limiter('chat-sessions', limits.sessionsPerIpPerMinute, undefined, store);
}

export function sessionMessageLimiter(limits: ChatLimits, store?: (name: string) => Store) {
  return limiter('chat-messages', limits.messagesPerSessionPerMinute, (req) => `session:${String(req.params.id)}`, store);
}

/**
 * The socket's counterpart of the per-session HTTP limit: a fixed one-minute window per
 * conversation, kept in this process because a socket stays on one instance.
 */
export class SocketMessageLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  allow(sessionId: string): boolean {
    const t = this.now();
    const w = this.windows.get(sessionId);
    if (!w || t - w.start >= 60_000) {
      this.windows.set(sessionId, { start: t, count: 1 });
      if (this.windows.size > 10_000) this.prune(t);
      return true;
    }
    w.count += 1;
    return w.count <= this.perMinute;
  }

  private prune(t: number): void {
    for (const [key, w] of this.windows) if (t - w.start >= 60_000) this.windows.delete(key);
  }
}
