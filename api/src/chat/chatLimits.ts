import { MemoryStore, rateLimit, type Store } from 'express-rate-limit';
import type { Request, RequestHandler } from 'express';
import { HttpError } from '../http/errors';
import { bearerOf } from '../auth/resolvePrincipal';

export interface ChatLimits {
  /** New conversations one IP address may start per minute. */
  sessionsPerIpPerMinute: number;
  /** Messages one conversation may send per minute (HTTP and socket together). */
  messagesPerSessionPerMinute: number;
}

// Generous for a person typing or clicking, tight for a script hammering one conversation.
export const DEFAULT_CHAT_LIMITS: ChatLimits = { sessionsPerIpPerMinute: 30, messagesPerSessionPerMinute: 60 };

/**
 * Logs a failing counter store (a shared Redis that is away) once per interval rather than once
 * per request, which during an outage would be every chat message.
 */
export function storeErrorLog(log: (err: unknown) => void, intervalMs = 30_000): (err: unknown) => void {
  let last = -Infinity;
  return (err) => {
    const now = Date.now();
    if (now - last < intervalMs) return;
    last = now;
    log(err);
  };
}

function limiter(
  name: string,
  limit: number,
  key: ((req: Request) => string) | undefined,
  store?: (name: string) => Store,
  skip?: (req: Request) => Promise<boolean>,
  onStoreError?: (err: unknown) => void,
) {
  return rateLimit({
    ...(onStoreError ? { logger: { error: onStoreError, warn: onStoreError } } : {}),
    windowMs: 60_000,
    limit,
    ...(skip ? { skip } : {}),
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    // A shared counter store that is away (Redis) must not stop customers chatting: count nothing meanwhile.
    passOnStoreError: true,
    ...(key ? { keyGenerator: key } : {}),
    ...(store ? { store: store(name) } : {}),
    handler: (_req, _res, next) => next(new HttpError(429, 'rate_limited', 'Too many requests; wait a moment and try again')),
  });
}

export function sessionCreationLimiter(limits: ChatLimits, store?: (name: string) => Store, onStoreError?: (err: unknown) => void) {
  return limiter('chat-sessions', limits.sessionsPerIpPerMinute, undefined, store, undefined, onStoreError);
}

/**
 * The per-conversation message limit, one counter for HTTP and the socket: the POST route's
 * middleware and the socket's check increment the same store under the same key, so switching
 * channels does not double the allowance.
 */
export class ConversationMessageLimit {
  private readonly store: Store;
  /** For `POST /api/chat/sessions/:id/messages`; answers 429 with the standard RateLimit headers. */
  readonly middleware: RequestHandler;

  /**
   * @param authentic whether the request carries the conversation's own token. Requests that do
   * not are refused by the route (401) without counting, so someone who learnt a session id
   * cannot use up that customer's allowance with bogus tokens.
   */
  constructor(
    private readonly limits: ChatLimits,
    storeFor?: (name: string) => Store,
    authentic?: (sessionId: string, token: string) => Promise<boolean>,
    /** Also given to the other chat limiters, so an outage is logged in one place. */
    readonly onStoreError?: (err: unknown) => void,
  ) {
    this.store = storeFor?.('chat-messages') ?? new MemoryStore();
    const skip = authentic
      ? async (req: Request) => !(await authentic(String(req.params.id), bearerOf(req.headers.authorization) ?? ''))
      : undefined;
    // rateLimit initialises the store (the window length), so it is created here, before any use.
    this.middleware = limiter('chat-messages', limits.messagesPerSessionPerMinute, (req) => messageKey(String(req.params.id)), () => this.store, skip, onStoreError);
  }

  /** Counts one socket message; false once the conversation is over its limit for this minute. */
  async allow(sessionId: string): Promise<boolean> {
    try {
      const { totalHits } = await this.store.increment(messageKey(sessionId));
      return totalHits <= this.limits.messagesPerSessionPerMinute;
    } catch (err) {
      // As the HTTP limiter does (passOnStoreError): without its counter store the message goes through.
      this.onStoreError?.(err);
      return true;
    }
  }
}

function messageKey(sessionId: string): string {
  return `session:${sessionId}`;
}
