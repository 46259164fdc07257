import { HttpError } from '../http/errors';
import { scryptHasher, type PasswordHasher } from './password';

/** One hash at a time: scrypt runs on libuv's thread pool (4 threads), which file reads share. */
export const HASH_CONCURRENCY = 1;
/** Beyond this many waiting, a sign-in is refused at once rather than queued for seconds. */
export const HASH_QUEUE_LIMIT = 16;

export class HashQueueFullError extends HttpError {
  constructor() {
    super(503, 'busy', 'The server is busy checking other sign-ins; try again in a few seconds');
    this.name = 'HashQueueFullError';
  }
}

/**
 * Password hashing through a small queue. Each scrypt hash takes a pool thread for ~100 ms at
 * 128 MiB; forty wrong passwords at once used to fill every pool thread, so serving widget.js
 * (a file read on the same pool) waited seconds. With at most HASH_CONCURRENCY hashes running,
 * the other pool threads stay free for file I/O, and a burst past the queue is told to retry.
 */
export function queuedHasher(inner: PasswordHasher, options: { concurrency?: number; limit?: number } = {}): PasswordHasher {
  const concurrency = options.concurrency ?? HASH_CONCURRENCY;
  const limit = options.limit ?? HASH_QUEUE_LIMIT;
  let running = 0;
  const waiting: (() => void)[] = [];

  async function run<T>(job: () => Promise<T>): Promise<T> {
    if (running >= concurrency) {
      if (waiting.length >= limit) throw new HashQueueFullError();
      await new Promise<void>((resolve) => waiting.push(resolve));
    } else {
      running++;
    }
    try {
      return await job();
    } finally {
      // Hand the slot straight to the next waiter, so `running` never dips and lets a newcomer jump the queue.
      const next = waiting.shift();
      if (next) next();
      else running--;
    }
  }

  return {
    hash: (password) => run(() => inner.hash(password)),
    verify: (password, encoded) => run(() => inner.verify(password, encoded)),
  };
}

let fallback: PasswordHasher | null = null;

/** The app's hasher, or one shared queued scrypt hasher when none was given (routes share its queue). */
export function passwordsOf(deps: { passwords?: PasswordHasher | undefined }): PasswordHasher {
  return deps.passwords ?? (fallback ??= queuedHasher(scryptHasher()));
}
