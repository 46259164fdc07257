/**
 * Capacity: how many widget conversations one deployment holds, measured from outside. For each
 * step (back end × number of conversations) a fresh server runs in its own process (a fresh
 * DATA_DIR, or a fresh PostgreSQL database and Redis prefix), and a load client in another
 * process opens every conversation's socket and sends one message about every 10 s per
 * conversation (see support/capacity/client.ts). Same-run baseline: the same client, with the
 * same number of sockets and the same schedule, against a bare `ws` echo server, right before.
 *
 * Back ends: `embedded` (one instance, DATA_DIR: lowdb + SQLite), `postgres` (one instance,
 * DATABASE_URL + REDIS_URL), `two` (two instances on PostgreSQL + Redis behind a real HAProxy,
 * started with README's configuration: round robin, no sticky sessions; its baseline is two echo
 * servers behind the same proxy), `two-direct` (the same two instances without the proxy: the
 * client spreads the conversations over them round-robin itself, for machines whose open-files
 * limit cannot hold two descriptors per socket in the proxy). HAProxy's CPU is counted apart
 * from the servers', so CPU per turn compares across back ends. Without /usr/sbin/haproxy
 * (`BENCH_HAPROXY` names another) the `two` steps are skipped.
 *
 * A step "holds" when no reply is lost, no socket drops, no turn fails and p99 < 100 ms.
 *
 *   npm run bench -- capacity [--conversations 2000,5000,10000] [--backends embedded,postgres,two]   (two-direct on request)
 *                             [--duration 60] [--warmup 10] [--interval 10]   (seconds)
 *                             [--cpu-prof DIR]   (V8 CPU profiles of every chat server, DIR/<back end>-<n>-<instance>/)
 *                             [--idle]   (open every socket, send nothing: the servers' CPU per second per socket)
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createTestDatabase, TEST_SECRET_KEY } from '../support/postgres';
import { TEST_REDIS_URL, uniqueRedisPrefix } from '../support/redis';
import { JsonLineChild, openFilesHardLimit } from './support/capacity/child';
import type { ClientParams, ClientResult } from './support/capacity/client';
import { Haproxy, haproxyMissing } from './support/proxy/haproxy';
import { HAPROXY_MAXCONN, haproxyFilesFor } from './support/proxy/haproxyConfig';

const BACKENDS = ['embedded', 'postgres', 'two', 'two-direct'] as const;
type Backend = (typeof BACKENDS)[number];
/** `two-direct` is the fallback where the proxy cannot hold the sockets; it runs only when named. */
const DEFAULT_BACKENDS: Backend[] = ['embedded', 'postgres', 'two'];
const TARGET_P99_MS = 100;
/** Files a process needs besides its sockets (database, log, pool, Node's own). */
const FD_HEADROOM = 300;

const SERVER = path.join(import.meta.dirname, 'support/capacity/server.ts');
const CLIENT = path.join(import.meta.dirname, 'support/capacity/client.ts');
const FLOW_ID = 'bench-capacity';

const { values: opts } = parseArgs({
  options: {
    conversations: { type: 'string', default: process.env.BENCH_CONVERSATIONS ?? '2000,5000,10000,15000' },
    backends: { type: 'string', default: process.env.BENCH_BACKENDS ?? DEFAULT_BACKENDS.join(',') },
    duration: { type: 'string', default: process.env.BENCH_SECONDS ?? '60' },
    warmup: { type: 'string', default: '10' },
    interval: { type: 'string', default: '10' },
    'cpu-prof': { type: 'string' },
    idle: { type: 'boolean', default: false },
  },
});
const levels = opts.conversations.split(',').map((s) => Number(s.trim()));
const backends = opts.backends.split(',').map((s) => s.trim()) as Backend[];
for (const b of backends) if (!BACKENDS.includes(b)) throw new Error(`unknown back end "${b}" (one of ${BACKENDS.join(', ')})`);
if (levels.some((n) => !Number.isInteger(n) || n < 1)) throw new Error('--conversations takes whole numbers, comma-separated');

interface Measured {
  client: ClientResult;
  /** Server CPU (all instances, all threads) per reply over the sending window, µs. */
  cpuPerReply: number;
  /** HAProxy's CPU per reply over the same window, µs; null without a proxy. */
  proxyCpuPerReply: number | null;
  /** Connections HAProxy held to each instance once every socket was open; null without a proxy. */
  spread: number[] | null;
  /** Server CPU (all instances, all threads) per second of the window, µs. */
  cpuPerSecond: number;
}

interface Row {
  backend: Backend;
  conversations: number;
  chat: Measured;
  echo: Measured;
  load: [number, number];
}

async function startServer(env: Record<string, string>, nodeFlags: string[] = []): Promise<{ child: JsonLineChild; base: string }> {
  const child = new JsonLineChild(SERVER, env, nodeFlags);
  const ready = await child.next();
  return { child, base: `http://127.0.0.1:${String(ready.port)}` };
}

async function cpuOf(servers: JsonLineChild[]): Promise<number> {
  let total = 0;
  for (const s of servers) {
    s.send('cpu');
    total += Number((await s.next()).cpuMicros);
  }
  return total;
}

/** Runs the load client against `bases` while reading the servers' (and the proxy's) CPU around its sending window. */
async function measure(mode: ClientParams['mode'], bases: string[], servers: JsonLineChild[], proxy: Haproxy | null, conversations: number): Promise<Measured> {
  const params: ClientParams = {
    mode,
    bases,
    flowId: FLOW_ID,
    conversations,
    intervalMs: Number(opts.interval) * 1000,
    warmupMs: Number(opts.warmup) * 1000,
    durationMs: Number(opts.duration) * 1000,
    deadlineMs: 5000,
    idle: opts.idle,
  };
  const client = new JsonLineChild(CLIENT, { BENCH_CLIENT: JSON.stringify(params) });
  const measuring = await client.next();
  if (measuring.phase !== 'measuring') throw new Error(`unexpected client line ${JSON.stringify(measuring)}`);
  const cpuStart = await cpuOf(servers);
  const windowStart = performance.now();
  const proxyStart = proxy?.cpuMicros() ?? 0;
  const spread = proxy ? (await proxy.servers()).map((s) => s.current) : null;
  await client.next(); // sent
  const cpuEnd = await cpuOf(servers);
  const windowSeconds = (performance.now() - windowStart) / 1000;
  const proxyEnd = proxy?.cpuMicros() ?? 0;
  const result = (await client.next()) as unknown as ClientResult;
  await client.exited;
  const replies = Math.max(1, result.repliedInWindow);
  return {
    client: result,
    cpuPerReply: (cpuEnd - cpuStart) / replies,
    proxyCpuPerReply: proxy ? (proxyEnd - proxyStart) / replies : null,
    spread,
    cpuPerSecond: (cpuEnd - cpuStart) / windowSeconds,
  };
}

/** HAProxy's maxconn here: README's, or less when the open-files hard limit cannot hold two descriptors per connection. */
function proxyMaxconn(hardLimit: number): number {
  let maxconn = HAPROXY_MAXCONN;
  while (haproxyFilesFor(maxconn) > hardLimit) maxconn -= 50;
  return maxconn;
}

/** Behind the proxy or not, the servers' addresses become one base for the client. */
async function withProxy<T>(backend: Backend, servers: { base: string }[], run: (bases: string[], proxy: Haproxy | null) => Promise<T>): Promise<T> {
  if (backend !== 'two') return run(servers.map((s) => s.base), null);
  const proxy = await Haproxy.start(
    servers.map((s) => s.base.replace('http://', '')),
    proxyMaxconn(openFilesHardLimit()),
  );
  try {
    return await run([proxy.base], proxy);
  } finally {
    await proxy.stop();
  }
}

/** The baseline: one bare echo server, or behind the proxy two of them, as the chat step has instances. */
async function echoStep(backend: Backend, conversations: number): Promise<Measured> {
  const started: { child: JsonLineChild; base: string }[] = [];
  try {
    for (let i = 0; i < (backend === 'two' ? 2 : 1); i++) started.push(await startServer({ BENCH_ROLE: 'echo' }));
    return await withProxy(backend, started, (bases, proxy) =>
      measure(
        'echo',
        bases,
        started.map((s) => s.child),
        proxy,
        conversations,
      ),
    );
  } finally {
    for (const s of started) await s.child.stop();
  }
}

async function chatStep(backend: Backend, conversations: number): Promise<Measured> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'sb-capacity-'));
  const database = backend === 'embedded' ? null : await createTestDatabase('sb_capacity');
  const shared: Record<string, string> = database
    ? { DATABASE_URL: database.url, REDIS_URL: TEST_REDIS_URL, REDIS_PREFIX: uniqueRedisPrefix('sbcapacity'), SWITCHBOARD_SECRET_KEY: TEST_SECRET_KEY }
    : {};
  const started: { child: JsonLineChild; base: string }[] = [];
  try {
    const instances = backend === 'two' || backend === 'two-direct' ? 2 : 1;
    for (let i = 0; i < instances; i++) {
      const dir = path.join(dataDir, `instance-${i}`);
      mkdirSync(dir);
      // The first publishes the bench flow; a second finds it in the shared database.
      // One folder per server: Node writes a profile per thread (the checkpoint worker's too).
      const profile = opts['cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(opts['cpu-prof'], `${backend}-${conversations}-${i}`)}`] : [];
      // Behind the proxy, as README asks of a deployment: the customer's address comes from X-Forwarded-For.
      const proxied: Record<string, string> = backend === 'two' ? { TRUST_PROXY: '127.0.0.1' } : {};
      started.push(await startServer({ ...shared, ...proxied, DATA_DIR: dir, BENCH_PUBLISH: i === 0 ? '1' : '0' }, profile));
    }
    return await withProxy(backend, started, (bases, proxy) =>
      measure(
        'chat',
        bases,
        started.map((s) => s.child),
        proxy,
        conversations,
      ),
    );
  } finally {
    for (const s of started) await s.child.stop();
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const f = (x: number, d = 0) => (Number.isFinite(x) ? x.toFixed(d) : '-');
const holds = (m: Measured) => m.client.lost === 0 && m.client.closed === 0 && m.client.errors === 0 && m.client.p99 < TARGET_P99_MS;

function print(rows: Row[]): void {
  const header = [
    'back end',
    'convs',
    'p50 ms',
    'p99 ms',
    'max ms',
    'replies',
    'lost',
    'err',
    'drop',
    'echo p99',
    'echo max',
    'p99 ratio',
    'cpu µs/turn',
    'echo µs/msg',
    'cpu ratio',
    'proxy µs/turn',
    'echo proxy µs',
    'spread',
    'client lag p99',
    'load 1m',
    'holds',
  ];
  const table = rows.map((r) => [
    r.backend,
    String(r.conversations),
    f(r.chat.client.p50, 1),
    f(r.chat.client.p99, 1),
    f(r.chat.client.max, 0),
    `${r.chat.client.replied}/${r.chat.client.sent}`,
    String(r.chat.client.lost),
    String(r.chat.client.errors),
    String(r.chat.client.closed),
    f(r.echo.client.p99, 1),
    f(r.echo.client.max, 0),
    `${f(r.chat.client.p99 / r.echo.client.p99, 1)}×`,
    f(r.chat.cpuPerReply),
    f(r.echo.cpuPerReply),
    `${f(r.chat.cpuPerReply / r.echo.cpuPerReply, 1)}×`,
    r.chat.proxyCpuPerReply === null ? '-' : f(r.chat.proxyCpuPerReply),
    r.echo.proxyCpuPerReply === null ? '-' : f(r.echo.proxyCpuPerReply),
    r.chat.spread?.join('/') ?? '-',
    f(Math.max(r.chat.client.clientLagP99, r.echo.client.clientLagP99), 1),
    `${r.load[0].toFixed(1)}→${r.load[1].toFixed(1)}`,
    holds(r.chat) ? 'yes' : 'no',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i]!)).join('  ');
  const cpu = cpus();
  process.stdout.write(
    `\nCapacity: widget sockets, one message per ${opts.interval} s each (±10 %), ${opts.warmup} s warm-up + ${opts.duration} s measured per step; ` +
      `machine: ${cpu.length} × ${cpu[0]?.model ?? '?'}; baseline = bare ws echo, same client, same sockets, same run\n`,
  );
  process.stdout.write(`${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n`);
  for (const row of table) process.stdout.write(`${line(row)}\n`);
  process.stdout.write(
    `holds = nothing lost, no socket dropped, no error, p99 < ${TARGET_P99_MS} ms. p99 ratio = chat p99 / echo p99; ` +
      'cpu = server process CPU (all instances, all threads) per reply while sending, without HAProxy\'s; proxy µs/turn = HAProxy\'s CPU per reply ' +
      '(`two`: chat and echo both go through it); spread = connections HAProxy held to each instance once every socket was open; client lag = the load client\'s own event-loop delay ' +
      '(if high, the client was the limit); load 1m = load average before → after the step.\n',
  );
}

/** `--idle`: the servers' CPU per second with every socket open and nothing sent, against the echo server's. */
function printIdle(rows: Row[]): void {
  const header = ['back end', 'sockets', 'cpu ms/s', 'µs/s per socket', 'echo ms/s', 'echo µs/s per socket', 'cpu ratio', 'drop', 'load 1m'];
  const table = rows.map((r) => [
    r.backend,
    String(r.conversations),
    f(r.chat.cpuPerSecond / 1000, 1),
    f(r.chat.cpuPerSecond / r.conversations, 2),
    f(r.echo.cpuPerSecond / 1000, 1),
    f(r.echo.cpuPerSecond / r.conversations, 2),
    `${f(r.chat.cpuPerSecond / r.echo.cpuPerSecond, 1)}×`,
    String(r.chat.client.closed),
    `${r.load[0].toFixed(1)}→${r.load[1].toFixed(1)}`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i]!)).join('  ');
  const cpu = cpus();
  process.stdout.write(
    `\nIdle sockets: every widget socket open, nothing sent; ${opts.warmup} s settling, then ${opts.duration} s measured per step; ` +
      `machine: ${cpu.length} × ${cpu[0]?.model ?? '?'}; baseline = bare ws echo server with as many idle sockets, same run\n`,
  );
  process.stdout.write(`${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n`);
  for (const row of table) process.stdout.write(`${line(row)}\n`);
  process.stdout.write(
    'cpu = server process CPU (all instances, all threads) per second of the window, HAProxy\'s not included; drop = sockets the server closed; ' +
      'load 1m = load average before → after the step. A measured window should span whole heartbeat periods (30 s).\n',
  );
}

/** Why this step cannot run here, or null. */
function cannotRun(backend: Backend, n: number, hard: number, noProxy: string | null): string | null {
  // The client holds every socket; a server holds its share.
  if (n + FD_HEADROOM > hard) return `needs about ${n + FD_HEADROOM} open files in one process, the hard limit here is ${hard}`;
  if (backend !== 'two') return null;
  if (noProxy) return `no reverse proxy: ${noProxy}`;
  // HAProxy holds two descriptors per socket; without CAP_SYS_RESOURCE it cannot go above the hard limit.
  const maxconn = proxyMaxconn(hard);
  if (n + FD_HEADROOM > maxconn)
    return `HAProxy holds two open files per socket (about ${haproxyFilesFor(n + FD_HEADROOM)} here), the hard limit is ${hard}; raise it (ulimit -Hn) or use two-direct`;
  return null;
}

async function main(): Promise<void> {
  const hard = openFilesHardLimit();
  const noProxy = backends.includes('two') ? haproxyMissing() : null;
  const rows: Row[] = [];
  for (const backend of backends) {
    for (const n of levels) {
      const why = cannotRun(backend, n, hard, noProxy);
      if (why) {
        process.stdout.write(`skip ${backend} × ${n}: ${why}\n`);
        continue;
      }
      const before = loadavg()[0]!;
      process.stdout.write(`${backend} × ${n}: echo baseline…`);
      const echo = await echoStep(backend, n);
      process.stdout.write(opts.idle ? ` ${f(echo.cpuPerSecond / 1000, 1)} ms/s; chat…` : ` p99 ${f(echo.client.p99, 1)} ms; chat…`);
      const chat = await chatStep(backend, n);
      process.stdout.write(opts.idle ? ` ${f(chat.cpuPerSecond / 1000, 1)} ms/s\n` : ` p99 ${f(chat.client.p99, 1)} ms, lost ${chat.client.lost}\n`);
      rows.push({ backend, conversations: n, chat, echo, load: [before, loadavg()[0]!] });
    }
  }
  if (opts.idle) printIdle(rows);
  else print(rows);
  const resultsDir = path.join(import.meta.dirname, '.results');
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(path.join(resultsDir, opts.idle ? 'capacity-idle.json' : 'capacity.json'), JSON.stringify({ at: new Date().toISOString(), opts, machine: cpus()[0]?.model, rows }, null, 2));
}

main().catch((err: unknown) => {
  process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
