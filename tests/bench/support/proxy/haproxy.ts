/**
 * A real HAProxy (Debian's /usr/sbin/haproxy) in front of the instances, run by a bench with the
 * configuration README documents (haproxyConfig.ts) on a loopback port.
 *
 * It must never outlive the bench: it runs under a small bash guard that kills it as soon as the
 * guard's stdin closes, which happens when `stop()` is called and also when the bench process dies
 * in any way (even SIGKILL: the kernel closes the pipe). An exit hook kills it directly as well.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { haproxyConfig } from './haproxyConfig';

export const HAPROXY_BINARY = process.env.BENCH_HAPROXY ?? '/usr/sbin/haproxy';

/** Why the proxy cannot run here, or null when it can. */
export function haproxyMissing(): string | null {
  if (!existsSync(HAPROXY_BINARY)) return `${HAPROXY_BINARY} not found (apt-get install haproxy, or set BENCH_HAPROXY)`;
  const version = spawnSync(HAPROXY_BINARY, ['-v'], { encoding: 'utf8' });
  return version.status === 0 ? null : `${HAPROXY_BINARY} -v failed: ${version.stderr.trim()}`;
}

export interface ServerStat {
  name: string;
  /** UP, DOWN, … as HAProxy's stats report it. */
  status: string;
  /** Connections open to it now (a proxied WebSocket holds one). */
  current: number;
  /** Connections made to it so far. */
  total: number;
}

// Kills the guard's haproxy if the bench exits without stopping it (an uncaught error, process.exit).
const running = new Set<number>();
process.once('exit', () => {
  for (const pid of running) {
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
});

// `$0` is the config file, in a folder of its own that goes with it. The guard ignores SIGINT so that a Ctrl-C reaching the whole process
// group still ends in the `kill` below (HAProxy itself stops on it too).
const GUARD = `trap '' INT
"$1" -db -f "$0" &
pid=$!
echo "$pid"
read -r _
kill -TERM "$pid" 2>/dev/null
wait "$pid"
rm -rf "$(dirname "$0")"`;

export class Haproxy {
  private constructor(
    private readonly guard: ChildProcess,
    /** HAProxy's own process id (not the guard's): its CPU is read from /proc/<pid>/stat. */
    readonly pid: number,
    readonly port: number,
    private readonly dir: string,
    private readonly exited: Promise<void>,
  ) {}

  get base(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /**
   * Starts HAProxy in front of `instances` (host:port each) and waits until every one is UP.
   * `maxconn` defaults to README's; HAProxy refuses to start when its open-files limit is too low for it.
   */
  static async start(instances: string[], maxconn?: number): Promise<Haproxy> {
    const dir = mkdtempSync(path.join(tmpdir(), 'sb-haproxy-'));
    const port = await freePort();
    const config = path.join(dir, 'haproxy.cfg');
    writeFileSync(config, haproxyConfig({ bind: `127.0.0.1:${port}`, instances, maxconn, globalExtra: [`stats socket ${path.join(dir, 'stats.sock')} mode 600`] }));
    const guard = spawn('bash', ['-c', GUARD, config, HAPROXY_BINARY], { stdio: ['pipe', 'pipe', 'inherit'] });
    guard.stdin!.on('error', () => {});
    const exited = new Promise<void>((resolve) => guard.once('exit', () => resolve()));
    const pid = await new Promise<number>((resolve, reject) => {
      createInterface({ input: guard.stdout! }).once('line', (line) => resolve(Number(line)));
      void exited.then(() => reject(new Error('haproxy guard exited before starting it')));
    });
    running.add(pid);
    const proxy = new Haproxy(guard, pid, port, dir, exited);
    try {
      await proxy.waitUntilUp(instances.length);
    } catch (err) {
      await proxy.stop();
      throw err;
    }
    return proxy;
  }

  private async waitUntilUp(count: number): Promise<void> {
    const until = Date.now() + 20_000;
    let last = '';
    while (Date.now() < until) {
      if (!alive(this.pid)) throw new Error(`haproxy exited at start (its messages are above); config in ${this.dir}`);
      try {
        const servers = await this.servers();
        last = servers.map((s) => `${s.name} ${s.status}`).join(', ');
        if (servers.length === count && servers.every((s) => s.status === 'UP')) return;
      } catch (err) {
        last = (err as Error).message; // stats socket not there yet
      }
      await sleep(100);
    }
    throw new Error(`haproxy did not see every instance UP within 20 s (${last})`);
  }

  /** The instances as HAProxy sees them, from its stats socket. */
  async servers(): Promise<ServerStat[]> {
    const csv = await statsCommand(path.join(this.dir, 'stats.sock'), 'show stat');
    const [header, ...rows] = csv.split('\n').filter((l) => l.length > 0);
    const columns = (header ?? '').replace(/^# /, '').split(',');
    const col = (row: string[], name: string) => row[columns.indexOf(name)] ?? '';
    return rows
      .map((r) => r.split(','))
      .filter((r) => col(r, 'pxname') === 'instances' && col(r, 'svname') !== 'BACKEND')
      .map((r) => ({ name: col(r, 'svname'), status: col(r, 'status'), current: Number(col(r, 'scur')), total: Number(col(r, 'stot')) }));
  }

  /** CPU time HAProxy has used (user + system, all threads), in µs, from /proc/<pid>/stat. */
  cpuMicros(): number {
    const stat = readFileSync(`/proc/${this.pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces), counted from field 3: utime is 14, stime 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1e6) / CLOCK_TICKS;
  }

  /** Stops HAProxy and waits until both it and the guard are gone. */
  async stop(): Promise<void> {
    this.guard.stdin!.end();
    const timer = setTimeout(() => {
      if (alive(this.pid)) process.kill(this.pid, 'SIGKILL');
      this.guard.kill('SIGKILL');
    }, 10_000);
    await this.exited;
    while (alive(this.pid)) await sleep(20);
    clearTimeout(timer);
    running.delete(this.pid);
    rmSync(this.dir, { recursive: true, force: true });
  }
}

const CLOCK_TICKS = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;

/** True while the process exists and is not a zombie. */
function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function statsCommand(socketPath: string, command: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(socketPath);
    let out = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (out += chunk));
    socket.once('error', reject);
    socket.once('end', () => resolve(out));
    socket.once('connect', () => socket.write(`${command}\n`));
  });
}
