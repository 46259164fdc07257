/**
 * Starts the bench's HAProxy in front of the instances named in argv and then waits forever, so
 * that haproxy.test.ts can kill this process (SIGKILL: no exit hook runs) and check that HAProxy
 * goes with it. Prints `{"pid":…,"port":…}` once HAProxy is up.
 */
import { Haproxy } from '../../../bench/support/proxy/haproxy';

Haproxy.start(process.argv.slice(2), 1000).then(
  (proxy) => {
    process.stdout.write(`${JSON.stringify({ pid: proxy.pid, port: proxy.port })}\n`);
    setInterval(() => {}, 60_000);
  },
  (err: unknown) => {
    process.stderr.write(`${String(err)}\n`);
    process.exit(1);
  },
);
