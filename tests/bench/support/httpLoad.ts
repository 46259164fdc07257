import autocannon from 'autocannon';
import type { Figure } from './figure';

export interface HttpRequestSpec {
  method: 'POST' | 'GET';
  path: string;
  headers: Record<string, string>;
  body?: string;
}

/**
 * autocannon with one fixed request per connection: connection i always sends `request(i)`, so
 * each of the N connections drives its own conversation and no two requests ever wait on the
 * same conversation's lock. (A `setupRequest` with a context does not do this: autocannon
 * resets the context after every request of a one-request list.)
 */
export async function httpLoad(url: string, connections: number, seconds: number, request: (i: number) => HttpRequestSpec): Promise<Figure> {
  let next = 0;
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    setupClient: (client) => {
      client.setRequests([request(next++ % connections)]);
    },
  });
  const non2xx = Object.entries(result.statusCodeStats ?? {})
    .filter(([code]) => !code.startsWith('2'))
    .reduce((sum, [, stat]) => sum + (stat.count ?? 0), 0);
  return {
    // Completed requests over the measured time: autocannon's per-second average is skewed by
    // its partial first and last seconds in short runs.
    turnsPerSecond: result['2xx'] / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + non2xx,
    completed: result['2xx'],
    cpuMicros: NaN,
  };
}
