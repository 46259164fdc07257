import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireDataDirLock, DataDirLockedError, LOCK_FILE } from '../../../api/src/storage/dataDirLock';

const ROOT = path.resolve(import.meta.dirname, '../../..');
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'sb-lock-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

function run(command: string, args: string[], env: Record<string, string>) {
  return new Promise<{ code: number | null; stderr: string; stdout: string }>((resolve) => {
    const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let stdout = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.on('exit', (code) => resolve({ code, stderr, stdout }));
  });
}

describe('DATA_DIR lock', () => {
  it('writes our pid, refuses a second holder while alive, and releases', () => {
    const lock = acquireDataDirLock(dir);
    return readFile(path.join(dir, LOCK_FILE), 'utf8').then((content) => {
      expect(content.trim()).toBe(String(process.pid));
      lock.release();
      expect(existsSync(path.join(dir, LOCK_FILE))).toBe(false);
      const again = acquireDataDirLock(dir);
      again.release();
    });
  });

  it('takes over a stale lock whose process is gone', async () => {
    const dead = await run(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {});
    await writeFile(path.join(dir, LOCK_FILE), `${dead.stdout}\n`);
    const lock = acquireDataDirLock(dir);
    expect((await readFile(path.join(dir, LOCK_FILE), 'utf8')).trim()).toBe(String(process.pid));
    lock.release();
  });

  it('refuses a live holder with its pid', async () => {
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    try {
      await writeFile(path.join(dir, LOCK_FILE), `${other.pid}\n`);
      expect(() => acquireDataDirLock(dir)).toThrow(DataDirLockedError);
      expect(() => acquireDataDirLock(dir)).toThrow(new RegExp(`DATA_DIR ${dir} .* \\(pid ${other.pid}\\)`));
    } finally {
      other.kill();
    }
  });

  it('makes a second real server on the same DATA_DIR exit with a message naming DATA_DIR and the holder', async () => {
    const lock = acquireDataDirLock(dir);
    try {
      const second = await run(process.execPath, ['--import', 'tsx', 'api/src/main.ts'], {
        DATA_DIR: dir,
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'silent',
      });
      expect(second.code).toBe(1);
      expect(second.stderr).toContain(`DATA_DIR ${dir} is already in use by another Switchboard process (pid ${process.pid})`);
      expect(second.stderr).not.toMatch(/\n\s+at /);
    } finally {
      lock.release();
    }
  }, 60_000);

  it('makes a real server refuse a corrupt data file, naming it and its backup', async () => {
    await writeFile(path.join(dir, 'flows.json'), '{"flows": {"a": ');
    await writeFile(path.join(dir, 'flows.json.bak'), '{"flows": {}, "versions": {}}');
    const res = await run(process.execPath, ['--import', 'tsx', 'api/src/main.ts'], { DATA_DIR: dir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent' });
    expect(res.code).toBe(1);
    expect(res.stderr).toContain(path.join(dir, 'flows.json'));
    expect(res.stderr).toContain(`cp "${path.join(dir, 'flows.json.bak')}"`);
    expect(await readFile(path.join(dir, 'flows.json'), 'utf8')).toBe('{"flows": {"a": ');
    // The lock was released on the way out.
    expect(existsSync(path.join(dir, LOCK_FILE))).toBe(false);
  }, 60_000);
});
