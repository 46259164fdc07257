import type { Logger } from 'pino';
import { AWAY_GRACE_MS, type AgentConnections, type AgentPresenceDeps } from '../../../runtime/src/server/chat/agentPresence';
import type { RedisConnection } from './redisConnection';

export interface RedisAgentPresenceOptions {
  /** How long an instance's word that an agent is connected lasts without being renewed. */
  ttlMs?: number;
  /** How often this instance renews its agents' entries (well under `ttlMs`). */
  heartbeatMs?: number;
  /** How often this instance looks for agents gone longer than the grace period. */
  sweepMs?: number;
}

// KEYS: the agent's instance set, the agents set. ARGV: instance, now, agent id.
// Removes this instance's entry; when no instance holds the agent any more, they are gone since now.
const LEAVE = `
redis.call('ZREM', KEYS[1], ARGV[1])
if redis.call('ZCOUNT', KEYS[1], ARGV[2], '+inf') == 0 then redis.call('ZADD', KEYS[2], ARGV[2], ARGV[3]) end
return 0`;

// KEYS: the agents set. ARGV: cutoff (now - grace), now, prefix of agents' instance sets.
// Each agent gone since before the cutoff and held by no live instance is removed and returned
// with the time they went, once, to whichever instance sweeps first. An agent still held somewhere
// gets their latest expiry back.
const SWEEP = `
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'WITHSCORES', 'LIMIT', 0, 100)
local gone = {}
for i = 1, #due, 2 do
  local id = due[i]
  local key = ARGV[3] .. id
  redis.call('ZREMRANGEBYSCORE', key, '-inf', ARGV[2])
  local top = redis.call('ZRANGE', key, -1, -1, 'WITHSCORES')
  if #top == 0 then
    redis.call('ZREM', KEYS[1], id)
    table.insert(gone, id)
    table.insert(gone, due[i + 1])
  else
    redis.call('ZADD', KEYS[1], top[2], id)
  end
end
return gone`;

/**
 * Agent presence for several instances. Each instance keeps, per agent it holds inbox sockets
 * for, an entry in Redis that expires unless renewed (`ttlMs`); an agent counts as connected
 * while any instance's entry lives. When the last one goes (the agent closed the inbox, or the
 * instance holding them crashed and stopped renewing), the agent is marked away after the grace
 * period, by exactly one instance. Reconnecting to another instance within the grace period
 * (a shutdown's 1012, a reload behind the load balancer) keeps them online.
 *
 * Redis keys: `<prefix>presence:agents` (agent -> when they may be gone) and
 * `<prefix>presence:agent:<id>` (instance -> until when it holds the agent).
 */
export class RedisAgentPresence implements AgentConnections {
  private readonly local = new Map<string, number>();
  private readonly graceMs: number;
  private readonly ttlMs: number;
  private readonly timers: ReturnType<typeof setInterval>[];
  private stopped = false;
  private readonly agentsKey: string;
  private readonly agentPrefix: string;

  constructor(
    private readonly redis: RedisConnection,
    private readonly deps: AgentPresenceDeps,
    private readonly logger: Logger,
    options: RedisAgentPresenceOptions = {},
  ) {
    this.graceMs = deps.graceMs ?? AWAY_GRACE_MS;
    this.ttlMs = options.ttlMs ?? 30_000;
    this.agentsKey = `${redis.prefix}presence:agents`;
    this.agentPrefix = `${redis.prefix}presence:agent:`;
    const heartbeat = setInterval(() => this.renewAll(), options.heartbeatMs ?? Math.floor(this.ttlMs / 3));
    const sweep = setInterval(() => void this.sweep(), options.sweepMs ?? 5_000);
    this.timers = [heartbeat, sweep];
    for (const timer of this.timers) timer.unref();
  }

  connected(agentId: string): void {
    const count = (this.local.get(agentId) ?? 0) + 1;
    this.local.set(agentId, count);
    if (count === 1) this.renew(agentId);
  }

  disconnected(agentId: string): void {
    const left = (this.local.get(agentId) ?? 1) - 1;
    if (left > 0) {
      this.local.set(agentId, left);
      return;
    }
    this.local.delete(agentId);
    if (this.stopped) return;
    const now = String(this.deps.now());
    this.run('leaving', () =>
      this.redis.commands.eval(LEAVE, { keys: [this.agentPrefix + agentId, this.agentsKey], arguments: [this.redis.instanceId, now, agentId] }),
    );
  }

  /**
   * Stops renewing and sweeping. Entries this instance still holds are not removed: they expire,
   * so agents who do not reconnect elsewhere are marked away, as after a crash.
   */
  stop(): void {
    this.stopped = true;
    for (const timer of this.timers) clearInterval(timer);
  }

  /** Looks for agents gone longer than the grace period and marks them away (also run by a timer). */
  async sweep(): Promise<void> {
    if (this.stopped) return;
    const now = this.deps.now();
    let reply: unknown;
    try {
      reply = await this.redis.commands.eval(SWEEP, { keys: [this.agentsKey], arguments: [String(now - this.graceMs), String(now), this.agentPrefix] });
    } catch (err) {
      this.logger.error({ err }, 'Looking for agents who left (Redis) failed');
      return;
    }
    const gone = Array.isArray(reply) ? reply.map(String) : [];
    for (let i = 0; i + 1 < gone.length; i += 2) {
      const agentId = gone[i]!;
      const since = Number(gone[i + 1]);
      this.deps.markAway(agentId, since).catch((err: unknown) => this.deps.onError?.(err));
    }
  }

  private renewAll(): void {
    if (this.stopped) return;
    for (const agentId of this.local.keys()) this.renew(agentId);
  }

  private renew(agentId: string): void {
    const until = this.deps.now() + this.ttlMs;
    const key = this.agentPrefix + agentId;
    this.run('renewing', () =>
      this.redis.commands
        .multi()
        .zAdd(key, { score: until, value: this.redis.instanceId })
        // A key nobody renews any more disappears on its own.
        .pExpire(key, this.ttlMs * 4)
        .zAdd(this.agentsKey, { score: until, value: agentId }, { GT: true })
        .exec(),
    );
  }

  private run(what: string, command: () => Promise<unknown>): void {
    Promise.resolve()
      .then(command)
      .catch((err: unknown) => this.logger.error({ err }, `${what} an agent's presence in Redis failed`));
  }
}
