export interface BackoffOptions {
  baseMs?: number;
  maxMs?: number;
  /** Uniform in [0, 1); injected so tests are repeatable. */
  random?: () => number;
}

/**
 * Delay before reconnect attempt `attempt` (0-based): doubling from `baseMs` up to `maxMs`,
 * with half of it jittered so a server restart is not met by every widget at the same instant.
 */
export function backoffDelay(attempt: number, options: BackoffOptions = {}): number {
  const base = options.baseMs ?? 1000;
  const max = options.maxMs ?? 30_000;
  const random = options.random ?? Math.random;
  const ceiling = Math.min(max, base * 2 ** Math.max(0, attempt));
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}
