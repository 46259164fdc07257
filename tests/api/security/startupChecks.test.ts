import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'sb-startup-'));
  dirs.push(dir);
  return dir;
}

function withoutKey(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { SWITCHBOARD_SECRET_KEY: _key, ...rest } = env;
  return rest;
}

/** `npm start`'s entry on a given DATA_DIR: its exit code and everything it printed. */
function start(dataDir: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'api/src/main.ts'], {
      cwd: ROOT,
      env: { ...withoutKey(process.env), DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`still running after 60 s (it should have refused to start):\n${output}`));
    }, 60_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

/** Names, sizes and modification times: any write to DATA_DIR changes this. */
function snapshot(dir: string): string {
  return readdirSync(dir)
    .sort()
    .map((name) => {
      const s = statSync(path.join(dir, name));
      return `${name}:${s.size}:${s.mtimeMs}`;
    })
    .join('\n');
}

const FLOWS = JSON.stringify({ flows: {}, versions: {} });

describe('start-up refuses a broken DATA_DIR with a clear message and writes nothing', () => {
  it('DATA_DIR is a file', async () => {
    const file = path.join(tempDir(), 'not-a-dir');
    writeFileSync(file, 'x');
    const { code, output } = await start(file);
    expect(code).toBe(1);
    expect(output).toContain(`DATA_DIR ${file} is a file, not a directory`);
    expect(output).not.toMatch(/\n\s+at /);
  }, 70_000);

  it('conversations.sqlite is missing while other data exists', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'flows.json'), FLOWS);
    const before = snapshot(dir);
    const { code, output } = await start(dir);
    expect(code).toBe(1);
    expect(output).toContain(`${path.join(dir, 'conversations.sqlite')} is missing`);
    expect(output).toContain('touch');
    expect(snapshot(dir)).toBe(before);
  }, 70_000);

  it('conversations.sqlite is corrupt', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'conversations.sqlite'), 'this is not a database at all, just text');
    const before = snapshot(dir);
    const { code, output } = await start(dir);
    expect(code).toBe(1);
    expect(output).toContain(`${path.join(dir, 'conversations.sqlite')} cannot be read (it is not an SQLite database)`);
    expect(output).toContain('Restore conversations.sqlite from your backups');
    expect(snapshot(dir)).toBe(before);
  }, 70_000);

  it('secret.key is missing while secrets exist', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'conversations.sqlite'), '');
    const secrets = { keyCheck: 'abc', secrets: [{ name: 'API_KEY', value: { v: 1, iv: 'a', tag: 'b', data: 'c' }, createdAt: 'x', updatedAt: 'x' }] };
    writeFileSync(path.join(dir, 'secrets.json'), JSON.stringify(secrets));
    const before = snapshot(dir);
    const { code, output } = await start(dir);
    expect(code).toBe(1);
    expect(output).toContain(`${path.join(dir, 'secret.key')} is missing`);
    expect(output).toContain('holds 1 secret encrypted with that key');
    expect(output).toContain('SWITCHBOARD_SECRET_KEY');
    // Before the check a fresh key was written here, which could never read the saved secrets.
    expect(snapshot(dir)).toBe(before);
  }, 70_000);
});
