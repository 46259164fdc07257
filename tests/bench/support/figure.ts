export interface Figure {
  turnsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  /** Round trips that completed with a success, as the load client counted them. */
  completed: number;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
