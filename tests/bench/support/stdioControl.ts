/**
 * The stdio side of a bench's server process (JsonLineChild, support/capacity/child.ts, is the
 * other side): one JSON line each way. It prints `{"ready":true,"port":…}` once listening, then
 * answers, line by line on stdin:
 * - `cpu`: `{"cpuMicros":…}`, its CPU so far (user + system, all threads);
 * - `lag-on` / `lag-off`: starts / pauses recording its event-loop delay (no answer), so a bench
 *   that alternates rounds records only the rounds this process serves;
 * - `lag`: `{"p50":…,"p99":…}`, the recorded event-loop delay in ms;
 * - `stop`: closes the server and exits. So does the end of stdin (the bench went away).
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createInterface } from 'node:readline';

export interface Running {
  port: number;
  close(): Promise<void>;
}

function reply(line: object): void {
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

export async function controlOverStdio(running: Running): Promise<never> {
  const lag = monitorEventLoopDelay({ resolution: 10 });
  reply({ ready: true, port: running.port });
  for await (const line of createInterface({ input: process.stdin })) {
    if (line === 'cpu') {
      const u = process.cpuUsage();
      reply({ cpuMicros: u.user + u.system });
    } else if (line === 'lag-on') lag.enable();
    else if (line === 'lag-off') lag.disable();
    else if (line === 'lag') reply({ p50: lag.percentile(50) / 1e6, p99: lag.percentile(99) / 1e6 });
    else if (line === 'stop') break;
  }
  await running.close();
  process.exit(0);
}

/** The entry point of a server process: a start failure is printed and ends it with 1. */
export function runControlled(start: () => Promise<Running>): void {
  start()
    .then(controlOverStdio)
    .catch((err: unknown) => {
      process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
      process.exit(1);
    });
}
