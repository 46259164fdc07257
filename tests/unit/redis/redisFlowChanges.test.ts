import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../../api/src/logger';
import { openRedis, type RedisConnection } from '../../../api/src/redis/redisConnection';
import { RedisFlowChanges } from '../../../api/src/redis/redisFlowChanges';
import type { FlowChangeNotice } from '../../../api/src/scaleOut/flowChanges';
import { runRedisTests, TEST_REDIS_URL, uniqueRedisPrefix } from '../../support/redis';

const logger = createLogger('silent');
const opened: RedisConnection[] = [];
afterEach(async () => {
  for (const c of opened.splice(0)) await c.close();
});

async function changes(prefix: string) {
  const redis = await openRedis(TEST_REDIS_URL, { prefix, logger });
  opened.push(redis);
  const bus = new RedisFlowChanges(redis, logger);
  await bus.ready;
  const heard: FlowChangeNotice[] = [];
  bus.subscribe((n) => heard.push(n));
  return { redis, bus, heard };
}

async function until(check: () => boolean, what: string): Promise<void> {
  const end = Date.now() + 2_000;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe.skipIf(!runRedisTests)('RedisFlowChanges', () => {
  it('tells every instance (itself at once, once) and ignores what is not a notice', async () => {
    const prefix = uniqueRedisPrefix();
    const a = await changes(prefix);
    const b = await changes(prefix);
    const other = await changes(uniqueRedisPrefix());
    a.bus.subscribe(() => {
      throw new Error('a broken listener');
    });
    await b.redis.commands.publish(`${prefix}invalidate:flows`, '{"flowId":"x"}');
    a.bus.announce({ flowId: 'f1', change: 'published' });
    a.bus.announce({ flowId: 'f1', change: 'deleted' });
    expect(a.heard).toEqual([
      { flowId: 'f1', change: 'published' },
      { flowId: 'f1', change: 'deleted' },
    ]);
    await until(() => b.heard.length === 2, 'B to hear both');
    expect(b.heard).toEqual(a.heard);
    await new Promise((r) => setTimeout(r, 50));
    expect(a.heard).toHaveLength(2);
    // Another deployment's prefix hears nothing.
    expect(other.heard).toEqual([]);
  });
});
