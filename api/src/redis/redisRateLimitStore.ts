import type { Store } from 'express-rate-limit';
import { RedisStore } from 'rate-limit-redis';
import { withDeadline, type RedisConnection } from './redisConnection';

/**
 * `deps.rateLimitStore` over Redis: every instance counts a key (an IP address, a conversation)
 * in the same counter, so a limit holds for the whole deployment and not per instance.
 * Each limiter gets its own key space, named after it.
 */
export function redisRateLimitStore(redis: RedisConnection): (name: string) => Store {
  return (name) =>
    new RedisStore({
      prefix: `${redis.prefix}ratelimit:${name}:`,
      // Every chat message counts here: see turnCommands.
      sendCommand: (...args: string[]) => withDeadline(redis.turnCommands.sendCommand(args)),
    });
}
