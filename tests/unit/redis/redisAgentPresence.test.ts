import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../../api/src/logger';
import { openRedis, type RedisConnection } from '../../../api/src/redis/redisConnection';
import { RedisAgentPresence } from '../../../api/src/redis/redisAgentPresence';
import { runRedisTests, TEST_REDIS_URL, uniqueRedisPrefix } from '../../support/redis';

const logger = createLogger('silent');
const opened: RedisConnection[] = [];
const trackers: RedisAgentPresence[] = [];
afterEach(async () => {
  for (const t of trackers.splice(0)) t.stop();
  for (const c of opened.splice(0)) await c.close();
});

const GRACE_MS = 500;
const TTL_MS = 400;

/** One instance's tracker; every markAway it makes lands in `away`. */
async function instance(prefix: string, away: { agentId: string; since: number; by: string }[], name: string) {
  const redis = await openRedis(TEST_REDIS_URL, { prefix, logger });
  opened.push(redis);
  const tracker = new RedisAgentPresence(
    redis,
    {
      markAway: async (agentId, since) => {
        away.push({ agentId, since, by: name });
        return true;
      },
      now: Date.now,
      graceMs: GRACE_MS,
    },
    logger,
    { ttlMs: TTL_MS, heartbeatMs: 100, sweepMs: 50 },
  );
  trackers.push(tracker);
  return tracker;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(check: () => boolean, what: string): Promise<void> {
  const end = Date.now() + 5_000;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

describe.skipIf(!runRedisTests)('RedisAgentPresence', () => {
  it('keeps an agent online while another instance still holds an inbox of theirs', async () => {
    const prefix = uniqueRedisPrefix();
    const away: { agentId: string; since: number; by: string }[] = [];
    const a = await instance(prefix, away, 'a');
    const b = await instance(prefix, away, 'b');
    a.connected('anna');
    b.connected('anna');
    await sleep(50);
    a.disconnected('anna');
    // Well past the grace period and the entry's lifetime: B renews it.
    await sleep(GRACE_MS + TTL_MS + 300);
    expect(away).toEqual([]);

    const left = Date.now();
    b.disconnected('anna');
    await until(() => away.length > 0, 'anna marked away');
    await sleep(200);
    // Both instances sweep; exactly one marks her away, with the time she left.
    expect(away).toHaveLength(1);
    expect(away[0]!.agentId).toBe('anna');
    expect(Math.abs(away[0]!.since - left)).toBeLessThan(100);
  });

  it('lets an agent who reconnects to another instance within the grace period stay online', async () => {
    const prefix = uniqueRedisPrefix();
    const away: { agentId: string; since: number; by: string }[] = [];
    const a = await instance(prefix, away, 'a');
    const b = await instance(prefix, away, 'b');
    a.connected('ben');
    await sleep(50);
    a.disconnected('ben');
    await sleep(GRACE_MS / 2);
    b.connected('ben');
    await sleep(GRACE_MS + TTL_MS);
    expect(away).toEqual([]);
  });

  it('marks away the agents of an instance that stopped renewing (a crash), once its entries expire', async () => {
    const prefix = uniqueRedisPrefix();
    const away: { agentId: string; since: number; by: string }[] = [];
    const a = await instance(prefix, away, 'a');
    await instance(prefix, away, 'b');
    a.connected('cleo');
    await sleep(50);
    const crashedAt = Date.now();
    // Gone without a word: no disconnect reaches Redis, the renewals just stop.
    a.stop();
    await sleep(100);
    expect(away).toEqual([]);
    await until(() => away.length > 0, 'cleo marked away');
    // Not before her entry ran out and the grace period passed.
    expect(Date.now() - crashedAt).toBeGreaterThanOrEqual(TTL_MS - 100 + GRACE_MS);
    await sleep(200);
    expect(away.map((x) => [x.agentId, x.by])).toEqual([['cleo', 'b']]);
    // "Since" is when A's last word ran out: its last renewal (at most 100 ms before) plus the TTL.
    expect(away[0]!.since).toBeGreaterThanOrEqual(crashedAt + TTL_MS - 150);
    expect(away[0]!.since).toBeLessThanOrEqual(crashedAt + TTL_MS + 50);
  });
});
