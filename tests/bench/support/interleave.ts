import type { Figure } from './figure';

/**
 * Alternates the measurement and its baseline in short rounds: on a shared machine the load
 * drifts within seconds, and back-to-back blocks would hand one side a quiet moment and the
 * other a busy one. Throughput is averaged over rounds, p50 is the median round's, and p99 the
 * worst round's, so no bad round is hidden.
 */
export async function interleave(rounds: number, measure: () => Promise<Figure>, baseline: () => Promise<Figure>) {
  const a: Figure[] = [];
  const b: Figure[] = [];
  for (let i = 0; i < rounds; i++) {
    a.push(await withCpu(measure));
    b.push(await withCpu(baseline));
  }
  return { measured: combine(a), baseline: combine(b) };
}

async function withCpu(run: () => Promise<Figure>): Promise<Figure> {
  const before = process.cpuUsage();
  const figure = await run();
  const used = process.cpuUsage(before);
  return { ...figure, cpuMicros: (used.user + used.system) / Math.max(1, figure.completed) };
}

function combine(figures: Figure[]): Figure {
  const completed = figures.reduce((s, f) => s + f.completed, 0);
  const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)] ?? NaN;
  return {
    turnsPerSecond: figures.reduce((s, f) => s + f.turnsPerSecond, 0) / figures.length,
    p50: median(figures.map((f) => f.p50)),
    p99: Math.max(...figures.map((f) => f.p99)),
    errors: figures.reduce((s, f) => s + f.errors, 0),
    completed,
    cpuMicros: figures.reduce((s, f) => s + f.cpuMicros * f.completed, 0) / Math.max(1, completed),
  };
}
