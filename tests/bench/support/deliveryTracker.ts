import { setTimeout as sleep } from 'node:timers/promises';
import { percentile } from './figure';

export interface DeliveryFigure {
  delivered: number;
  p50: number;
  p99: number;
  max: number;
  /** Sent but never seen by the other side within the deadline. */
  lost: number;
  /** The send itself was refused (HTTP error, error frame). */
  failed: number;
}

/**
 * Matches each message seen by a receiver to the moment it was sent, by its unique text, on the
 * one clock of this process. Warm-up traffic is delivered and forgotten, never recorded.
 */
export class DeliveryTracker<K extends string> {
  recording = false;
  private readonly inFlight = new Map<string, { kind: K; at: number; recorded: boolean }>();
  private readonly latencies = new Map<K, number[]>();
  private readonly lostBy = new Map<K, number>();
  private readonly failedBy = new Map<K, number>();

  constructor(readonly kinds: readonly K[]) {
    for (const k of kinds) {
      this.latencies.set(k, []);
      this.lostBy.set(k, 0);
      this.failedBy.set(k, 0);
    }
  }

  sent(text: string, kind: K): void {
    this.inFlight.set(text, { kind, at: performance.now(), recorded: this.recording });
  }

  /** Texts that were never sent (a duplicate delivery, someone else's message) are ignored. */
  received(text: string): void {
    const entry = this.inFlight.get(text);
    if (!entry) return;
    this.inFlight.delete(text);
    if (entry.recorded) this.latencies.get(entry.kind)!.push(performance.now() - entry.at);
  }

  /** The sender was refused (an HTTP error): the message is not waited for. */
  failed(text: string): void {
    const entry = this.inFlight.get(text);
    if (!entry) return;
    this.inFlight.delete(text);
    if (entry.recorded) this.failedBy.set(entry.kind, this.failedBy.get(entry.kind)! + 1);
  }

  /** Waits for what is in flight; whatever is still missing after `deadlineMs` is lost. */
  async drain(deadlineMs: number): Promise<void> {
    const until = performance.now() + deadlineMs;
    while (this.inFlight.size > 0 && performance.now() < until) await sleep(20);
    for (const entry of this.inFlight.values()) if (entry.recorded) this.lostBy.set(entry.kind, this.lostBy.get(entry.kind)! + 1);
    this.inFlight.clear();
  }

  figure(kind: K): DeliveryFigure {
    const sorted = [...this.latencies.get(kind)!].sort((a, b) => a - b);
    return {
      delivered: sorted.length,
      p50: percentile(sorted, 50),
      p99: percentile(sorted, 99),
      max: sorted.at(-1) ?? NaN,
      lost: this.lostBy.get(kind)!,
      failed: this.failedBy.get(kind)!,
    };
  }
}
