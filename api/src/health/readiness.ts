/** One dependency `GET /readyz` asks: PostgreSQL, Redis. */
export interface ReadinessCheck {
  name: string;
  /** True when the dependency answered in time; never throws. */
  check(): Promise<boolean>;
}

export interface ReadinessReport {
  ready: boolean;
  shuttingDown: boolean;
  checks: Record<string, boolean>;
}

/**
 * Whether this instance should get traffic: every shared dependency answers and it is not
 * shutting down. A load balancer polls `GET /readyz` and stops sending here once it says no.
 */
export class Readiness {
  private draining = false;

  constructor(private readonly checks: ReadinessCheck[] = []) {}

  /** From now on `/readyz` answers 503, whatever the checks say (SIGTERM). */
  startDraining(): void {
    this.draining = true;
  }

  get shuttingDown(): boolean {
    return this.draining;
  }

  async report(): Promise<ReadinessReport> {
    const results = await Promise.all(this.checks.map(async (c) => [c.name, await c.check().catch(() => false)] as const));
    const checks = Object.fromEntries(results);
    return { ready: !this.draining && results.every(([, ok]) => ok), shuttingDown: this.draining, checks };
  }
}
