import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { Haproxy, haproxyMissing } from '../../bench/support/proxy/haproxy';

// The capacity bench's reverse proxy: README's HAProxy configuration must balance without
// stickiness, pass WebSockets, take a failing instance out, and never outlive the bench.
// Required under CI (.ci/run installs HAProxy); skipped elsewhere only when it is not installed.
const missing = haproxyMissing();
const run = process.env.CI === 'true' || missing === null;
if (!run) process.stderr.write(`skipping the HAProxy lifecycle tests: ${missing ?? ''}\n`);

interface Instance {
  name: string;
  address: string;
  ready: boolean;
  close(): Promise<void>;
}

const open: Instance[] = [];
afterEach(async () => {
  for (const i of open.splice(0)) await i.close();
});

/** An HTTP server answering its name (and the X-Forwarded-For it got), /readyz, and WebSockets with its name. */
async function instance(name: string): Promise<Instance> {
  const state = { ready: true };
  const server = http.createServer((req, res) => {
    if (req.url === '/readyz') res.writeHead(state.ready ? 200 : 503).end();
    else res.end(`${name} ${req.headers['x-forwarded-for'] ?? '-'}`);
  });
  const wss = new WebSocketServer({ server });
  wss.on('connection', (ws) => ws.send(name));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const made: Instance = {
    name,
    address: `127.0.0.1:${(server.address() as AddressInfo).port}`,
    get ready() {
      return state.ready;
    },
    set ready(v: boolean) {
      state.ready = v;
    },
    close: async () => {
      for (const ws of wss.clients) ws.terminate();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  open.push(made);
  return made;
}

/** Alive and not a zombie. */
function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat[stat.lastIndexOf(')') + 2] !== 'Z';
  } catch {
    return false;
  }
}

/** Processes whose parent is this one (the guard shell while HAProxy runs). */
function children(): number[] {
  return readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .filter((d) => {
      try {
        const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === process.pid && alive(Number(d));
      } catch {
        return false;
      }
    })
    .map(Number);
}

async function until(check: () => boolean | Promise<boolean>, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`not within ${ms} ms`);
    await sleep(50);
  }
}

const text = async (url: string) => (await fetch(url)).text();

function greeting(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.once('message', (data) => {
      resolve(data.toString());
      ws.terminate();
    });
    ws.once('error', reject);
  });
}

describe.runIf(run)('the bench HAProxy', () => {
  it('balances requests and sockets round robin, forwards the address, and leaves nothing running after stop', async () => {
    const a = await instance('A');
    const b = await instance('B');
    const proxy = await Haproxy.start([a.address, b.address], 1000);
    try {
      expect((await proxy.servers()).map((s) => [s.name, s.status])).toEqual([
        ['a', 'UP'],
        ['b', 'UP'],
      ]);
      const answers = [];
      for (let i = 0; i < 4; i++) answers.push(await text(`${proxy.base}/`));
      // No stickiness: consecutive requests from one client alternate between the instances.
      expect(new Set(answers)).toEqual(new Set(['A 127.0.0.1', 'B 127.0.0.1']));
      expect(answers[0]).not.toBe(answers[1]);
      expect(answers[2]).not.toBe(answers[3]);
      const ws = proxy.base.replace('http', 'ws');
      expect(new Set([await greeting(ws), await greeting(ws)])).toEqual(new Set(['A', 'B']));
      expect(proxy.cpuMicros()).toBeGreaterThanOrEqual(0);
    } finally {
      await proxy.stop();
    }
    expect(alive(proxy.pid)).toBe(false);
    expect(children()).toEqual([]);
  });

  it('takes an instance out after two failed /readyz checks and sends everything to the other', async () => {
    const a = await instance('A');
    const b = await instance('B');
    const proxy = await Haproxy.start([a.address, b.address], 1000);
    try {
      a.ready = false;
      await until(async () => (await proxy.servers())[0]!.status.startsWith('DOWN'), 10_000);
      for (let i = 0; i < 4; i++) expect(await text(`${proxy.base}/`)).toBe('B 127.0.0.1');
    } finally {
      await proxy.stop();
    }
  }, 20_000);

  it('fails to start with HAProxy\'s reason and leaves nothing running', async () => {
    await expect(Haproxy.start(['127.0.0.1:not-a-port'], 1000)).rejects.toThrow(/exited at start/);
    expect(children()).toEqual([]);
  });

  it('dies with the process that started it, even when that process is killed with SIGKILL', async () => {
    const a = await instance('A');
    const holder = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'support/holdHaproxy.ts'), a.address], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const { pid, port } = await new Promise<{ pid: number; port: number }>((resolve, reject) => {
      createInterface({ input: holder.stdout! }).once('line', (line) => resolve(JSON.parse(line) as { pid: number; port: number }));
      holder.once('exit', (code) => reject(new Error(`holder exited (${code}) before HAProxy was up`)));
    });
    expect(await text(`http://127.0.0.1:${port}/`)).toBe('A 127.0.0.1');
    const config = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').at(-2)!;
    holder.kill('SIGKILL');
    await until(() => !alive(pid), 5_000);
    // The guard removes the folder with the generated config, too.
    await until(() => !existsSync(path.dirname(config)), 5_000);
  }, 30_000);
});
