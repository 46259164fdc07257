import type { Logger } from 'pino';
import type { Config } from '../config';

/**
 * Says at start-up whether this server may run beside others. PostgreSQL alone shares the data
 * but not live events, rate-limit counters or agent presence: a second instance would miss the
 * first one's chat messages, so the operator is told plainly to run one.
 */
export function logInstanceMode(config: Config, logger: Logger): void {
  if (config.databaseUrl && !config.redisUrl) {
    logger.warn(
      'DATABASE_URL is set without REDIS_URL: run this server as a single instance. Live chat events, rate limits, agent presence and cache invalidation stay inside this process; set REDIS_URL to run several instances (README: Deployment: several instances).',
    );
  } else if (config.redisUrl) {
    logger.info({ redisPrefix: config.redisPrefix }, 'REDIS_URL is set: live events, rate limits, presence and cache invalidation are shared between instances');
  }
}
