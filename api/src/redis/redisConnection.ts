import { randomUUID } from 'node:crypto';
import { createClient } from 'redis';
import type { Logger } from 'pino';

export type RedisClient = ReturnType<typeof createClient>;

/**
 * One instance's link to the Redis that several instances share: a command connection (counters,
 * presence, publishing) and a subscriber connection (a connection in subscribe mode can do
 * nothing else). Every key and channel name starts with `prefix`.
 */
export interface RedisConnection {
  readonly commands: RedisClient;
  /**
   * The command connection without node-redis's own per-command timeout, which costs each
   * command an AbortSignal.timeout that fires (building a DOMException) 5 s later whether or not
   * the reply came: a measurable share of a chat turn's CPU. For the commands every chat turn
   * sends (its rate-limit count, its events), each bounded with `withDeadline` instead.
   */
  readonly turnCommands: RedisClient;
  readonly subscriber: RedisClient;
  readonly prefix: string;
  /** Tells this instance's own publications apart from the other instances'. */
  readonly instanceId: string;
  /** True when Redis answers a PING within the timeout (`GET /readyz`). */
  ping(timeoutMs?: number): Promise<boolean>;
  /**
   * Runs `listener` each time the subscriber connection comes back after losing Redis: events
   * published meanwhile by other instances never arrived here.
   */
  onReconnect(listener: () => void): void;
  close(): Promise<void>;
}

/** How long a command waits for Redis before failing, as node-redis's own default. */
export const COMMAND_DEADLINE_MS = 5_000;

/** `command`, failing after `ms` if Redis has not answered (a timer cleared on the answer, which never fires then). */
export function withDeadline<T>(command: Promise<T>, ms = COMMAND_DEADLINE_MS): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Redis did not answer within ${String(ms)} ms`)), ms);
    command.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (err: unknown) => {
        clearTimeout(timer);
        reject(err instanceof Error ? err : new Error(String(err)));
      },
    );
  });
}

// Retry quickly at first, then every few seconds for as long as Redis is away.
const reconnectDelay = (retries: number) => Math.min(100 * 2 ** retries, 5_000);
// One line per outage, not one per retry.
const ERROR_LOG_INTERVAL_MS = 30_000;

function logged(client: RedisClient, logger: Logger, role: string, onBack: () => void): RedisClient {
  let lastErrorLog = 0;
  let lost = false;
  client.on('error', (err: unknown) => {
    const now = Date.now();
    if (now - lastErrorLog < ERROR_LOG_INTERVAL_MS) return;
    lastErrorLog = now;
    logger.error({ err, connection: role }, 'Redis connection failed; retrying');
  });
  client.on('reconnecting', () => {
    lost = true;
  });
  client.on('ready', () => {
    if (!lost) return;
    lost = false;
    lastErrorLog = 0;
    logger.info({ connection: role }, 'Redis connection restored');
    onBack();
  });
  return client;
}

/**
 * Connects both connections before the server starts serving: a wrong REDIS_URL stops the start
 * with its reason instead of leaving every instance on its own. After that a lost Redis is
 * retried for ever; commands fail at once meanwhile (no queue that grows for the whole outage).
 */
export async function openRedis(url: string, options: { prefix: string; logger: Logger; connectTimeoutMs?: number }): Promise<RedisConnection> {
  const { logger, prefix } = options;
  const instanceId = randomUUID();
  const reconnectListeners: (() => void)[] = [];
  const socket = { connectTimeout: options.connectTimeoutMs ?? 5_000, reconnectStrategy: reconnectDelay };
  // Named, so `CLIENT LIST` on the Redis server shows which instance holds which connection.
  const commands = logged(createClient({ url, disableOfflineQueue: true, socket, name: `switchboard-commands-${instanceId}` }), logger, 'commands', () => undefined);
  // Subscriptions made while Redis is away wait for it, and node-redis subscribes again after a reconnect.
  const subscriber = logged(createClient({ url, socket, name: `switchboard-subscriber-${instanceId}` }), logger, 'subscriber', () => {
    for (const listener of reconnectListeners) {
      try {
        listener();
      } catch (err) {
        logger.error({ err }, 'handling a Redis reconnect failed');
      }
    }
  });
  const first = (client: RedisClient) =>
    new Promise<void>((resolve, reject) => {
      // The first failure ends the start; later ones are retried by the reconnect strategy.
      const fail = (err: unknown) => reject(new Error(`Cannot reach Redis at REDIS_URL: ${(err as Error)?.message ?? String(err)}`));
      client.once('error', fail);
      client.connect().then(
        () => {
          client.off('error', fail);
          resolve();
        },
        fail,
      );
    });
  try {
    await first(commands);
    await first(subscriber);
  } catch (err) {
    commands.destroy();
    subscriber.destroy();
    throw err;
  }
  return {
    commands,
    turnCommands: commands.withCommandOptions({ timeout: 0 }),
    subscriber,
    prefix,
    instanceId,
    async ping(timeoutMs = 1_000) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      try {
        const timeout = new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error('timeout')), timeoutMs);
        });
        return (await Promise.race([commands.ping(), timeout])) === 'PONG';
      } catch {
        return false;
      } finally {
        clearTimeout(timer);
      }
    },
    onReconnect(listener) {
      reconnectListeners.push(listener);
    },
    async close() {
      for (const client of [subscriber, commands]) {
        if (client.isOpen) await client.close().catch(() => client.destroy());
      }
    },
  };
}
