import { randomBytes } from 'node:crypto';
import { createClient } from 'redis';

/** Redis for tests: the machine's server (see .ci/run). Keys and channels get a fresh prefix per call. */
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export async function redisAvailable(): Promise<boolean> {
  const client = createClient({ url: TEST_REDIS_URL, socket: { connectTimeout: 2_000, reconnectStrategy: false } });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    if (client.isOpen) await client.quit().catch(() => undefined);
  }
}

/** As for PostgreSQL: required under CI, skipped elsewhere only when no server answers. */
export const runRedisTests = process.env.CI === 'true' || (await redisAvailable());
if (!runRedisTests) process.stderr.write('Redis is not reachable at 127.0.0.1:6379: skipping the Redis back end (CI runs it)\n');

/** A prefix no other test uses, so parallel test files never share keys or channels. */
export function uniqueRedisPrefix(name = 'sbtest'): string {
  return `${name}:${process.pid}:${randomBytes(4).toString('hex')}:`;
}
