import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from './editorBuild';

/** `npm start` (api/src/main.ts) in its own process, so `kill -9` and SIGTERM are the real thing. */
export interface ServerProcess {
  name: string;
  url: string;
  port: number;
  child: ChildProcess;
  /** Everything it wrote to stdout and stderr, for failure messages. */
  output(): string;
  /** Resolves with the exit code (null when killed by a signal) once the process has gone. */
  exited: Promise<number | null>;
  /** SIGKILL: no cleanup, no close frames, as a crashed machine leaves it. */
  kill(): Promise<void>;
  /** SIGTERM: the graceful shutdown of api/src/shutdown.ts; resolves with the exit code. */
  terminate(): Promise<number | null>;
}

/**
 * Starts the real server on a free loopback port (PORT=0) and waits for its "running at" line.
 * Each process gets its own DATA_DIR; with DATABASE_URL nothing durable goes there.
 */
export function startServerProcess(name: string, env: Record<string, string>, timeoutMs = 120_000): Promise<ServerProcess> {
  const dataDir = mkdtempSync(path.join(tmpdir(), `sb-e2e-${name}-`));
  const child = spawn(process.execPath, ['--import', 'tsx', 'api/src/main.ts'], {
    cwd: REPO_ROOT,
    // Vitest's NODE_ENV=test must not reach the server: it runs as deployed.
    env: { ...process.env, NODE_ENV: 'production', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let started = false;
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code) => {
      rmSync(dataDir, { recursive: true, force: true });
      resolve(code);
    });
  });
  const signal = async (sig: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(sig);
    return exited;
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${name} did not start:\n${out}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const match = /running at (http:\/\/\S+)/.exec(out);
      if (match && !started) {
        started = true;
        clearTimeout(timer);
        const url = match[1]!;
        resolve({
          name,
          url,
          port: Number(new URL(url).port),
          child,
          output: () => out,
          exited,
          kill: async () => void (await signal('SIGKILL')),
          terminate: () => signal('SIGTERM'),
        });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited with ${code} before it started:\n${out}`));
    });
  });
}
