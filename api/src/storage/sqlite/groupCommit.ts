import type Database from 'better-sqlite3';

interface Pending<T, R> {
  item: T;
  resolve: (result: R) => void;
  reject: (err: unknown) => void;
}

/**
 * Group commit: writes submitted during one turn of the event loop share one transaction, so
 * under load the fixed cost of a commit (the WAL append, the lock) is paid once for many chat
 * turns instead of once each. Nothing is acknowledged before its transaction has committed, so
 * durability is exactly that of one transaction per write. A lone write waits only for the
 * current event-loop iteration to end.
 */
export class GroupCommit<T, R> {
  private pending: Pending<T, R>[] = [];
  private scheduled: NodeJS.Immediate | null = null;
  private readonly many: (items: T[]) => R[];
  private readonly one: (item: T) => R;

  constructor(
    db: Database.Database,
    write: (item: T) => R,
    /** Runs synchronously right after the commit, before any other code can touch the data. */
    private readonly afterCommit: (item: T, result: R) => void = () => {},
  ) {
    this.many = db.transaction((items: T[]) => items.map(write));
    this.one = db.transaction(write);
  }

  submit(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.pending.push({ item, resolve, reject });
      this.scheduled ??= setImmediate(() => this.flush());
    });
  }

  /** Commits whatever is waiting now (also called before the database closes). */
  flush(): void {
    if (this.scheduled) clearImmediate(this.scheduled);
    this.scheduled = null;
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return;
    let results: R[];
    try {
      results = this.many(batch.map((p) => p.item));
    } catch {
      // The whole batch rolled back; one bad write must not fail the others, so each gets its own.
      for (const p of batch) this.commitAlone(p);
      return;
    }
    batch.forEach((p, i) => this.settle(p, results[i]!));
  }

  private commitAlone(p: Pending<T, R>): void {
    let result: R;
    try {
      result = this.one(p.item);
    } catch (err) {
      p.reject(err);
      return;
    }
    this.settle(p, result);
  }

  private settle(p: Pending<T, R>, result: R): void {
    try {
      this.afterCommit(p.item, result);
    } finally {
      p.resolve(result);
    }
  }
}
