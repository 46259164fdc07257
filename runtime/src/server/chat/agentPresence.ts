/** Agents are marked away this long after their last inbox connection went. */
export const AWAY_GRACE_MS = 30_000;

export interface AgentPresenceDeps {
  /** Marks the agent away unless they chose a status after `since`. */
  markAway(agentId: string, since: number): Promise<unknown>;
  now: () => number;
  graceMs?: number;
  onError?: (err: unknown) => void;
}

/** What the inbox socket tells about agents' connections; in process or shared between instances. */
export interface AgentConnections {
  connected(agentId: string): void;
  disconnected(agentId: string): void;
  /** Drops pending timers and ignores later disconnects (shutdown). */
  stop(): void;
}

/**
 * Counts each agent's open inbox connections. When the last one closes and none comes back
 * within the grace period (a reload, a flaky network), the agent is marked away, so handoffs
 * take the `offline` branch instead of waiting for someone who closed the tab.
 */
export class AgentPresence implements AgentConnections {
  private readonly connections = new Map<string, number>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly graceMs: number;
  private stopped = false;

  constructor(private readonly deps: AgentPresenceDeps) {
    this.graceMs = deps.graceMs ?? AWAY_GRACE_MS;
  }

  connected(agentId: string): void {
    this.connections.set(agentId, (this.connections.get(agentId) ?? 0) + 1);
    this.cancel(agentId);
  }

  disconnected(agentId: string): void {
    const left = (this.connections.get(agentId) ?? 1) - 1;
    if (left > 0) {
      this.connections.set(agentId, left);
      return;
    }
    this.connections.delete(agentId);
    this.cancel(agentId);
    // Sockets closed by a shutdown are not agents leaving.
    if (this.stopped) return;
    const since = this.deps.now();
    const timer = setTimeout(() => {
      this.timers.delete(agentId);
      this.deps.markAway(agentId, since).catch((err: unknown) => this.deps.onError?.(err));
    }, this.graceMs);
    // A pending grace period must not keep a stopping server alive.
    (timer as { unref?: () => void }).unref?.();
    this.timers.set(agentId, timer);
  }

  isConnected(agentId: string): boolean {
    return (this.connections.get(agentId) ?? 0) > 0;
  }

  /** Drops pending timers and ignores later disconnects (shutdown). */
  stop(): void {
    this.stopped = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  private cancel(agentId: string): void {
    const timer = this.timers.get(agentId);
    if (timer === undefined) return;
    clearTimeout(timer);
    this.timers.delete(agentId);
  }
}
