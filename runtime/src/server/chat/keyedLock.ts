/**
 * Runs tasks for the same key one after another. Turns of one conversation must not interleave:
 * each reads the session, steps the engine and writes it back.
 */
export class KeyedLock {
  private readonly tails = new Map<string, Promise<void>>();
  private readonly idleWaiters: (() => void)[] = [];

  async run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key);
    let release!: () => void;
    const mine = new Promise<void>((resolve) => {
      release = resolve;
    });
    const tail = previous ? previous.then(() => mine) : mine;
    this.tails.set(key, tail);
    if (previous) await previous;
    try {
      return await task();
    } finally {
      release();
      if (this.tails.get(key) === tail) this.tails.delete(key);
      if (this.tails.size === 0) for (const resolve of this.idleWaiters.splice(0)) resolve();
    }
  }

  /** Resolves once no task is running or waiting under any key (a graceful shutdown waits for it). */
  idle(): Promise<void> {
    if (this.tails.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }
}
