import type { Store } from 'express-rate-limit';
import type { Logger } from 'pino';
import type { ChatModuleOptions } from '../chat/chatModule';
import type { ReadinessCheck } from '../health/readiness';
import type { RedisConnection } from '../redis/redisConnection';
import { RedisChatEvents } from '../redis/redisChatEvents';
import { RedisAgentPresence, type RedisAgentPresenceOptions } from '../redis/redisAgentPresence';
import { redisRateLimitStore } from '../redis/redisRateLimitStore';
import { RedisFlowChanges } from '../redis/redisFlowChanges';
import { LocalFlowChanges, type FlowChanges } from './flowChanges';

/** What must cross instances, over Redis when there is one, else inside this process. */
export interface InstanceLinks {
  /** `deps.rateLimitStore`; absent keeps express-rate-limit's in-memory counters. */
  rateLimitStore?: (name: string) => Store;
  /** Live events and agent presence for the chat module; empty keeps its in-process defaults. */
  chat: Pick<ChatModuleOptions, 'events' | 'presence'>;
  flowChanges: FlowChanges;
  /** What `/readyz` asks besides the database. */
  checks: ReadinessCheck[];
  /** Resolves once this instance listens for the others' announcements. */
  ready: Promise<void>;
}

export function instanceLinks(redis: RedisConnection | null, logger: Logger, presence: RedisAgentPresenceOptions = {}): InstanceLinks {
  if (!redis) return { chat: {}, flowChanges: new LocalFlowChanges(), checks: [], ready: Promise.resolve() };
  const flowChanges = new RedisFlowChanges(redis, logger);
  return {
    rateLimitStore: redisRateLimitStore(redis),
    chat: {
      events: new RedisChatEvents(redis, logger),
      presence: (deps) => new RedisAgentPresence(redis, deps, logger, presence),
    },
    flowChanges,
    checks: [{ name: 'redis', check: () => redis.ping() }],
    ready: flowChanges.ready,
  };
}
