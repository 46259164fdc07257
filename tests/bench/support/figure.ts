export interface Figure {
  turnsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  /** Round trips that completed with a success, as the load client counted them. */
  completed: number;
  /**
   * CPU time of this whole process (server, SQLite, load client; all threads) per completed
   * round trip. Unlike throughput it hardly moves when other work on the machine takes the
   * cores away, so on a shared machine its ratio is the steadier comparison.
   */
  cpuMicros: number;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
