import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';

const REPO = path.resolve(import.meta.dirname, '../../../..');

/** The open-files hard limit of processes started from here: the most sockets one process can hold. */
export function openFilesHardLimit(): number {
  const out = spawnSync('bash', ['-c', 'ulimit -Hn'], { encoding: 'utf8' }).stdout.trim();
  return out === 'unlimited' ? Number.POSITIVE_INFINITY : Number(out);
}

/**
 * A TypeScript file in its own Node process, its open-files soft limit raised to the hard limit
 * first (`ulimit -n` in the shell that execs it), talking JSON lines on stdio.
 */
export class JsonLineChild {
  private readonly proc: ChildProcess;
  private readonly waiting: ((line: Record<string, unknown>) => void)[] = [];
  private readonly early: Record<string, unknown>[] = [];
  readonly exited: Promise<number | null>;

  /** `nodeFlags` go to node itself (`--cpu-prof`, which NODE_OPTIONS does not take). */
  constructor(file: string, env: Record<string, string>, nodeFlags: string[] = []) {
    this.proc = spawn('bash', ['-c', 'ulimit -n "$(ulimit -Hn)" && exec node "$@" --import tsx "$0"', file, ...nodeFlags], {
      cwd: REPO,
      env: { ...process.env, NODE_ENV: 'production', ...env },
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    this.proc.stdin!.on('error', () => {});
    this.exited = new Promise((resolve) => this.proc.once('exit', (code) => resolve(code)));
    createInterface({ input: this.proc.stdout! }).on('line', (text) => {
      let line: Record<string, unknown>;
      try {
        line = JSON.parse(text) as Record<string, unknown>;
      } catch {
        return; // not ours (a library printing)
      }
      const next = this.waiting.shift();
      if (next) next(line);
      else this.early.push(line);
    });
  }

  /** The next JSON line it prints; rejects if it exits first. */
  next(): Promise<Record<string, unknown>> {
    const early = this.early.shift();
    if (early) return Promise.resolve(early);
    return new Promise((resolve, reject) => {
      this.waiting.push(resolve);
      void this.exited.then((code) => reject(new Error(`child exited (${code}) before answering`)));
    });
  }

  send(line: string): void {
    this.proc.stdin!.write(`${line}\n`);
  }

  async stop(): Promise<void> {
    this.send('stop');
    const timer = setTimeout(() => this.proc.kill('SIGKILL'), 15_000);
    await this.exited;
    clearTimeout(timer);
  }
}
