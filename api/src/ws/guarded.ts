import type { Logger } from 'pino';

/**
 * Runs a network-driven callback so that nothing it throws or rejects with escapes into the
 * event loop: an exception out of a socket listener (or an unhandled rejection) ends the whole
 * process, so one malformed frame or upgrade from a stranger would stop every conversation.
 */
export function guarded<A extends unknown[]>(
  logger: Logger,
  what: string,
  fn: (...args: A) => unknown,
  onError?: (...args: A) => void,
): (...args: A) => void {
  const fail = (args: A, err: unknown) => {
    try {
      logger.error({ err }, what);
      onError?.(...args);
    } catch {
      // The fallback itself failed (e.g. the socket is already gone); nothing more to do.
    }
  };
  return (...args: A) => {
    try {
      const result = fn(...args);
      if (result instanceof Promise) result.catch((err: unknown) => fail(args, err));
    } catch (err) {
      fail(args, err);
    }
  };
}
