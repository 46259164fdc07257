import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, rmdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../../..');
export const EDITOR_DIST = path.join(REPO_ROOT, 'editor/dist');
const INPUTS = ['editor/src', 'editor/index.html', 'editor/vite.config.ts', 'editor/vite.widget.config.ts', 'editor/public', 'runtime/src', 'runtime/package.json', 'editor/runtimeAlias.ts', 'samples'];
const LOCK = path.join(tmpdir(), `switchboard-editor-build-${createHash('sha1').update(REPO_ROOT).digest('hex').slice(0, 8)}.lock`);
const LOCK_STALE_MS = 5 * 60_000;
/**
 * Vitest sets NODE_ENV=test, and a Vite build inherits it: React's development build (several
 * times slower, owner stacks on every element) would then be what e2e tests and the bench measure.
 */
const BUILD_ENV = { ...process.env, NODE_ENV: 'production' };

function newestMtime(target: string): number {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

function isFresh(): boolean {
  const index = path.join(EDITOR_DIST, 'index.html');
  if (!existsSync(index) || !existsSync(path.join(EDITOR_DIST, 'widget.js'))) return false;
  const built = statSync(index).mtimeMs;
  return INPUTS.every((input) => newestMtime(path.join(REPO_ROOT, input)) <= built);
}

async function withLock<T>(fn: () => T): Promise<T> {
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      // Another test run (or engineer) is building; a crashed one leaves a stale lock behind.
      if (existsSync(LOCK) && Date.now() - statSync(LOCK).mtimeMs > LOCK_STALE_MS) rmdirSync(LOCK);
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  try {
    return fn();
  } finally {
    rmdirSync(LOCK);
  }
}

/**
 * Builds the editor when editor/dist is missing or older than its sources, once per run. It
 * builds beside dist and swaps it in, so a server that is already running never serves a
 * half-written bundle.
 */
export async function ensureEditorBuilt(): Promise<string> {
  if (isFresh()) return EDITOR_DIST;
  await withLock(() => {
    if (isFresh()) return;
    const staging = path.join(REPO_ROOT, `editor/dist.building-${process.pid}`);
    const vite = path.join(REPO_ROOT, 'node_modules/.bin/vite');
    const result = spawnSync(vite, ['build', '--config', 'editor/vite.config.ts', '--outDir', staging, '--emptyOutDir', '--logLevel', 'warn'], {
      cwd: REPO_ROOT,
      env: BUILD_ENV,
      encoding: 'utf8',
      timeout: 240_000,
    });
    // The widget goes into the same staging dir, after the editor (whose build empties it).
    const widget =
      result.status === 0
        ? spawnSync(vite, ['build', '--config', 'editor/vite.widget.config.ts', '--outDir', staging, '--logLevel', 'warn'], {
            cwd: REPO_ROOT,
            env: BUILD_ENV,
            encoding: 'utf8',
            timeout: 120_000,
          })
        : result;
    if (result.status !== 0 || widget.status !== 0) {
      rmSync(staging, { recursive: true, force: true });
      const failed = result.status !== 0 ? result : widget;
      throw new Error(`Building the editor failed:\n${failed.stdout}\n${failed.stderr}`);
    }
    const old = `${EDITOR_DIST}.old-${process.pid}`;
    if (existsSync(EDITOR_DIST)) renameSync(EDITOR_DIST, old);
    renameSync(staging, EDITOR_DIST);
    rmSync(old, { recursive: true, force: true });
  });
  return EDITOR_DIST;
}
