/**
 * The load client of the capacity bench (capacity.bench.ts spawns it), behaving as the real
 * widget does: one conversation per socket (`?frames=turn`), every socket open at once, each
 * sending one message about every `intervalMs` (±10 % jitter, first sends spread over the first
 * interval) on a fixed schedule, so a slow reply never delays the next send and cannot hide.
 * A reply is the turn's `turn` frame; against the echo baseline, the echoed frame.
 *
 * Input: ClientParams as JSON in BENCH_CLIENT. Output, one JSON line each: `{"phase":"measuring"}` once
 * every socket is open, `{"phase":"sent"}` after the last send, then the ClientResult.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import WebSocket from 'ws';
import { percentile } from '../figure';

export interface ClientParams {
  mode: 'chat' | 'echo';
  /** http://host:port of each instance (chat: conversations are spread round-robin) or of the echo server. */
  bases: string[];
  flowId: string;
  conversations: number;
  intervalMs: number;
  warmupMs: number;
  durationMs: number;
  /** A reply not in within this after the last send is lost. */
  deadlineMs: number;
  /**
   * Open every socket and send nothing: `measuring` comes after the warm-up (so the setup's
   * garbage is collected outside the window) and `sent` after the duration, for the servers'
   * CPU per second with idle sockets.
   */
  idle: boolean;
}

export interface ClientResult {
  opened: number;
  setupSeconds: number;
  sent: number;
  replied: number;
  lost: number;
  errors: number;
  closed: number;
  p50: number;
  p99: number;
  max: number;
  /** The client's own event-loop delay p99 (ms): if high, the client, not the server, is the limit. */
  clientLagP99: number;
  clientCpuMicros: number;
  /** Replies (warm-up included) between the `measuring` and `sent` lines: what the server's CPU over that span paid for. */
  repliedInWindow: number;
}

const MESSAGE = JSON.stringify({ type: 'message', optionId: 'loop' });
const SETUP_CONCURRENCY = 64;

async function inBatches<T>(count: number, concurrency: number, task: (i: number) => Promise<T>): Promise<T[]> {
  const out = new Array<T>(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, count) }, async () => {
      while (next < count) {
        const i = next++;
        out[i] = await task(i);
      }
    }),
  );
  return out;
}

async function startSession(base: string, flowId: string): Promise<string> {
  for (let attempt = 0; ; attempt++) {
    const res = await fetch(`${base}/api/chat/${flowId}/sessions`, { method: 'POST' });
    if (res.status === 201) {
      const s = (await res.json()) as { sessionId: string; sessionToken: string };
      return `${base.replace(/^http/, 'ws')}/api/chat/sessions/${s.sessionId}/ws?frames=turn&token=${encodeURIComponent(s.sessionToken)}`;
    }
    const body = await res.text();
    if (attempt >= 3) throw new Error(`session start failed: ${res.status} ${body}`);
    await sleep(200);
  }
}

function open(url: string, greeting: boolean): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { perMessageDeflate: false });
    const timer = setTimeout(() => reject(new Error(`socket not open within 30 s: ${url.split('?')[0]}`)), 30_000);
    const done = () => {
      clearTimeout(timer);
      resolve(ws);
    };
    if (greeting) ws.once('message', done);
    else ws.once('open', done);
    ws.once('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
  });
}

async function run(p: ClientParams): Promise<ClientResult> {
  const setupStarted = performance.now();
  const urls =
    p.mode === 'chat'
      ? await inBatches(p.conversations, SETUP_CONCURRENCY, (i) => startSession(p.bases[i % p.bases.length]!, p.flowId))
      : Array.from({ length: p.conversations }, (_, i) => p.bases[i % p.bases.length]!.replace(/^http/, 'ws'));
  const sockets = await inBatches(urls.length, SETUP_CONCURRENCY, (i) => open(urls[i]!, p.mode === 'chat'));
  const setupSeconds = (performance.now() - setupStarted) / 1000;

  const isReply = p.mode === 'chat' ? (d: string) => d.startsWith('{"type":"turn"') : () => true;
  const latencies: number[] = [];
  let sent = 0;
  let errors = 0;
  let closed = 0;
  let stopping = false;
  const pending: { at: number; recorded: boolean }[][] = sockets.map(() => []);
  const lag = monitorEventLoopDelay({ resolution: 10 });
  const cpuBefore = process.cpuUsage();
  const start = performance.now();
  const recordFrom = start + p.warmupMs;
  const sendUntil = recordFrom + p.durationMs;
  lag.enable();
  let repliedAll = 0;
  if (p.idle) await sleep(p.warmupMs);
  // The bench reads the server's CPU clock between these two lines.
  process.stdout.write(`${JSON.stringify({ phase: 'measuring' })}\n`);

  sockets.forEach((ws, i) => {
    const queue = pending[i]!;
    ws.on('message', (data) => {
      const text = data.toString();
      if (text.includes('"type":"error"')) {
        const first = queue.shift();
        if (first?.recorded) errors++;
        return;
      }
      if (!isReply(text)) return;
      const first = queue.shift();
      if (first) repliedAll++;
      if (first?.recorded) latencies.push(performance.now() - first.at);
    });
    ws.on('close', () => {
      if (!stopping) closed++;
    });
    ws.on('error', () => {});
    const send = () => {
      const now = performance.now();
      if (now >= sendUntil || ws.readyState !== ws.OPEN) return;
      const recorded = now >= recordFrom;
      queue.push({ at: now, recorded });
      if (recorded) sent++;
      ws.send(MESSAGE);
      setTimeout(send, p.intervalMs * (0.9 + 0.2 * Math.random()));
    };
    if (!p.idle) setTimeout(send, Math.random() * p.intervalMs);
  });

  await sleep(p.idle ? p.durationMs : sendUntil - performance.now());
  const repliedInWindow = repliedAll;
  process.stdout.write(`${JSON.stringify({ phase: 'sent' })}\n`);
  const drainUntil = performance.now() + p.deadlineMs;
  while (performance.now() < drainUntil && pending.some((q) => q.some((e) => e.recorded))) await sleep(50);
  lag.disable();
  const cpu = process.cpuUsage(cpuBefore);
  let lost = 0;
  for (const q of pending) for (const e of q) if (e.recorded) lost++;
  stopping = true;
  for (const ws of sockets) ws.terminate();
  latencies.sort((a, b) => a - b);
  return {
    opened: sockets.length,
    setupSeconds,
    sent,
    replied: latencies.length,
    lost,
    errors,
    closed,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: latencies.at(-1) ?? NaN,
    clientLagP99: lag.percentile(99) / 1e6,
    clientCpuMicros: cpu.user + cpu.system,
    repliedInWindow,
  };
}

run(JSON.parse(process.env.BENCH_CLIENT ?? '{}') as ClientParams)
  .then((result) => {
    process.stdout.write(`${JSON.stringify(result)}\n`);
    process.exit(0);
  })
  .catch((err: unknown) => {
    process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
    process.exit(1);
  });
