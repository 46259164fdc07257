import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../../api/src/logger';
import { openRedis, type RedisConnection } from '../../../api/src/redis/redisConnection';
import { RedisChatEvents } from '../../../api/src/redis/redisChatEvents';
import type { CustomerEvent, InboxEvent } from '../../../runtime/src/chat/chatEvents';
import { runRedisTests, TEST_REDIS_URL, uniqueRedisPrefix } from '../../support/redis';

const logger = createLogger('silent');
const opened: RedisConnection[] = [];
afterEach(async () => {
  for (const c of opened.splice(0)) await c.close();
});

async function connect(prefix: string): Promise<RedisConnection> {
  const c = await openRedis(TEST_REDIS_URL, { prefix, logger });
  opened.push(c);
  return c;
}

const typing = (on: boolean): CustomerEvent => ({ type: 'typing', from: 'agent', typing: on });

async function until(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 2_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

async function subscribers(c: RedisConnection, channel: string): Promise<number> {
  const reply = (await c.commands.sendCommand(['PUBSUB', 'NUMSUB', channel])) as [string, number];
  return Number(reply[1]);
}

describe.skipIf(!runRedisTests)('RedisChatEvents', () => {
  it('delivers a customer event to listeners on another instance, in order, and once on its own', async () => {
    const prefix = uniqueRedisPrefix();
    const [ca, cb] = [await connect(prefix), await connect(prefix)];
    const a = new RedisChatEvents(ca, logger);
    const b = new RedisChatEvents(cb, logger);
    const onA: CustomerEvent[] = [];
    const onB: CustomerEvent[] = [];
    a.subscribeCustomer('s1', (e) => onA.push(e));
    b.subscribeCustomer('s1', (e) => onB.push(e));
    await until(async () => (await subscribers(ca, `${prefix}events:customer:s1`)) === 2, 'both subscriptions');

    a.publishCustomer('s1', typing(true));
    a.publishCustomer('s1', typing(false));
    b.publishCustomer('s2', typing(true));
    await until(() => onB.length === 2, 'delivery to B');
    // A got its own events at once, not again through Redis.
    await new Promise((r) => setTimeout(r, 50));
    expect(onA).toEqual([typing(true), typing(false)]);
    expect(onB).toEqual([typing(true), typing(false)]);
  });

  it('sends a run of events to one channel in one message, keeping the order of all events', async () => {
    const prefix = uniqueRedisPrefix();
    const [ca, cb, watcher] = [await connect(prefix), await connect(prefix), await connect(prefix)];
    const a = new RedisChatEvents(ca, logger);
    const b = new RedisChatEvents(cb, logger);
    const raw: string[] = [];
    await watcher.subscriber.subscribe(`${prefix}events:customer:s1`, (message) => raw.push(message));
    const got: (CustomerEvent | InboxEvent)[] = [];
    b.subscribeCustomer('s1', (e) => got.push(e));
    b.subscribeInbox((e) => got.push(e));
    await until(async () => (await subscribers(ca, `${prefix}events:customer:s1`)) === 2, 'both subscriptions');
    await until(async () => (await subscribers(ca, `${prefix}events:inbox`)) === 1, 'inbox subscription');

    const inbox: InboxEvent = { type: 'typing', sessionId: 's1', assignedAgentId: null, typing: true };
    a.publishCustomer('s1', typing(true));
    a.publishCustomer('s1', typing(false));
    a.publishCustomer('s1', typing(true));
    a.publishInbox(inbox);
    a.publishCustomer('s1', typing(false));
    await until(() => got.length === 5, 'delivery to B');
    expect(got).toEqual([typing(true), typing(false), typing(true), inbox, typing(false)]);
    await until(() => raw.length === 2, 'two messages on the channel');
    expect(raw.map((m) => (JSON.parse(m) as { events?: unknown[] }).events?.length ?? 1)).toEqual([3, 1]);

    // Another instance's envelope whose events are not a list is ignored; the next one still arrives.
    await ca.commands.publish(`${prefix}events:customer:s1`, JSON.stringify({ from: 'other', events: 'x' }));
    await ca.commands.publish(`${prefix}events:customer:s1`, 'null');
    await ca.commands.publish(`${prefix}events:customer:s1`, JSON.stringify({ from: 'other', event: typing(true) }));
    await until(() => got.length === 6, 'the next event');
    expect(got[5]).toEqual(typing(true));
  });

  it('subscribes to a conversation’s channel on the first listener and leaves it after the last', async () => {
    const prefix = uniqueRedisPrefix();
    const c = await connect(prefix);
    const events = new RedisChatEvents(c, logger);
    const channel = `${prefix}events:customer:s1`;
    const off1 = events.subscribeCustomer('s1', () => undefined);
    const off2 = events.subscribeCustomer('s1', () => undefined);
    await until(async () => (await subscribers(c, channel)) === 1, 'one subscription for two listeners');
    off1();
    off1();
    await new Promise((r) => setTimeout(r, 50));
    expect(await subscribers(c, channel)).toBe(1);
    off2();
    await until(async () => (await subscribers(c, channel)) === 0, 'unsubscribed');
  });

  it('carries inbox events; a throwing listener or a malformed message stops nothing', async () => {
    const prefix = uniqueRedisPrefix();
    const [ca, cb] = [await connect(prefix), await connect(prefix)];
    const a = new RedisChatEvents(ca, logger);
    const b = new RedisChatEvents(cb, logger);
    const got: InboxEvent[] = [];
    b.subscribeInbox(() => {
      throw new Error('a dead socket');
    });
    b.subscribeInbox((e) => got.push(e));
    await until(async () => (await subscribers(ca, `${prefix}events:inbox`)) === 1, 'inbox subscription');
    await ca.commands.publish(`${prefix}events:inbox`, 'not json');
    const event: InboxEvent = { type: 'typing', sessionId: 's1', assignedAgentId: null, typing: true };
    a.publishInbox(event);
    await until(() => got.length === 1, 'inbox delivery');
    expect(got).toEqual([event]);
  });

  it('keeps delivering to this instance’s listeners while Redis is unreachable', async () => {
    const c = await connect(uniqueRedisPrefix());
    const events = new RedisChatEvents(c, logger);
    const got: CustomerEvent[] = [];
    events.subscribeCustomer('s1', (e) => got.push(e));
    // Closing the command connection makes every publish fail, as an outage does.
    await c.commands.close();
    events.publishCustomer('s1', typing(true));
    events.publishCustomer('s1', typing(false));
    await new Promise((r) => setTimeout(r, 20));
    expect(got).toEqual([typing(true), typing(false)]);
  });
});
