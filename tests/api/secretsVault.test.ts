import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../api/src/config';
import { createLogger } from '../../api/src/logger';
import { startServer } from '../../api/src/server';
import { openLowdbStores } from '../../api/src/storage/lowdb/openStores';
import {
  createSecretVault,
  loadSecretKey,
  MissingSecretsError,
  resolveRequest,
  SecretKeyMismatchError,
} from '../../api/src/secrets';
import { prepareRequest } from '../../runtime/src/http';

const dirs: string[] = [];
async function tempDir() {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'sb-secrets-'));
  dirs.push(dir);
  return dir;
}
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function vaultIn(dir: string, key: Buffer | null = null) {
  const stores = await openLowdbStores(dir, () => Date.parse('2026-03-02T09:00:00Z'));
  return { stores, vault: createSecretVault(stores.secrets, () => loadSecretKey(key, dir)) };
}

describe('secret key', () => {
  it('is generated once into DATA_DIR/secret.key with mode 0600, then reused', async () => {
    const dir = await tempDir();
    const first = await loadSecretKey(null, dir);
    expect(first).toHaveLength(32);
    const file = path.join(dir, 'secret.key');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await loadSecretKey(null, dir)).toEqual(first);
    expect(Buffer.from((await readFile(file, 'utf8')).trim(), 'base64')).toEqual(first);
  });

  it('generates one key when two starts race', async () => {
    const dir = await tempDir();
    const keys = await Promise.all([loadSecretKey(null, dir), loadSecretKey(null, dir), loadSecretKey(null, dir)]);
    expect(keys[1]).toEqual(keys[0]);
    expect(keys[2]).toEqual(keys[0]);
  });

  it('prefers SWITCHBOARD_SECRET_KEY and writes no file then', async () => {
    const dir = await tempDir();
    const key = randomBytes(32);
    expect(await loadSecretKey(key, dir)).toEqual(key);
    await expect(stat(path.join(dir, 'secret.key'))).rejects.toThrow(/ENOENT/);
  });

  it('refuses a damaged key file with a clear message', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'secret.key'), 'too short');
    await expect(loadSecretKey(null, dir)).rejects.toThrow(/does not hold a 32-byte base64 key/);
  });

  it('is read from the environment, and a bad one stops the start naming the variable', () => {
    const key = randomBytes(32);
    expect(loadConfig({ SWITCHBOARD_SECRET_KEY: key.toString('base64') }).secretKey).toEqual(key);
    expect(loadConfig({}).secretKey).toBeNull();
    for (const bad of ['short', randomBytes(16).toString('base64'), 'not base64 at all!!']) {
      expect(() => loadConfig({ SWITCHBOARD_SECRET_KEY: bad })).toThrow(ConfigError);
      try {
        loadConfig({ SWITCHBOARD_SECRET_KEY: bad });
      } catch (err) {
        expect((err as ConfigError).problems[0]).toMatchObject({ variable: 'SWITCHBOARD_SECRET_KEY', message: expect.stringContaining('32') });
      }
    }
  });

  it('reads the HTTP allowlist from the environment', () => {
    expect(loadConfig({ SWITCHBOARD_HTTP_ALLOWLIST: 'crm.corp, 10.20.0.0/16 ,*.intra' }).httpAllowlist).toEqual(['crm.corp', '10.20.0.0/16', '*.intra']);
    expect(loadConfig({}).httpAllowlist).toEqual([]);
    expect(() => loadConfig({ SWITCHBOARD_HTTP_ALLOWLIST: 'crm.corp, http://x/' })).toThrow(/SWITCHBOARD_HTTP_ALLOWLIST: "http:\/\/x\/" is not a hostname/);
  });
});

describe('secret vault', () => {
  it('round-trips values and keeps them encrypted on disk with a fresh IV each time', async () => {
    const dir = await tempDir();
    const { vault } = await vaultIn(dir);
    await vault.set('A_KEY', 'same value', ['127.0.0.1', 'localhost']);
    await vault.set('B_KEY', 'same value', ['127.0.0.1', 'localhost']);
    expect(await vault.resolveSecrets('{{secret.A_KEY}}|{{ secret.B_KEY }}')).toBe('same value|same value');
    const file = JSON.parse(await readFile(path.join(dir, 'secrets.json'), 'utf8'));
    const [a, b] = file.secrets;
    expect(a.value.iv).not.toBe(b.value.iv);
    expect(a.value.data).not.toBe(b.value.data);
    expect(JSON.stringify(file)).not.toContain('same value');
  });

  it('reopens with the same generated key', async () => {
    const dir = await tempDir();
    await (await vaultIn(dir)).vault.set('TOKEN', 't0k3n', ['127.0.0.1', 'localhost']);
    const { vault } = await vaultIn(dir);
    expect(await vault.resolveSecrets('Bearer {{secret.TOKEN}}')).toBe('Bearer t0k3n');
  });

  it('stops with a clear error when the key is not the one the secrets were saved with', async () => {
    const dir = await tempDir();
    await (await vaultIn(dir, randomBytes(32))).vault.set('TOKEN', 't0k3n', ['127.0.0.1', 'localhost']);
    const { vault } = await vaultIn(dir, randomBytes(32));
    await expect(vault.open()).rejects.toThrow(SecretKeyMismatchError);
    await expect(vault.open()).rejects.toThrow(/SWITCHBOARD_SECRET_KEY/);
    await expect(vault.resolveSecrets('{{secret.TOKEN}}')).rejects.toThrow(SecretKeyMismatchError);
    await expect(vault.set('OTHER', 'x', ['127.0.0.1', 'localhost'])).rejects.toThrow(SecretKeyMismatchError);
  });

  it('refuses a value moved to another name in the file', async () => {
    const dir = await tempDir();
    const key = randomBytes(32);
    const { vault } = await vaultIn(dir, key);
    await vault.set('PUBLIC_ID', 'harmless', ['127.0.0.1', 'localhost']);
    await vault.set('ADMIN_TOKEN', 'powerful', ['127.0.0.1', 'localhost']);
    const file = path.join(dir, 'secrets.json');
    const doc = JSON.parse(await readFile(file, 'utf8'));
    const admin = doc.secrets.find((s: { name: string }) => s.name === 'ADMIN_TOKEN');
    doc.secrets.find((s: { name: string }) => s.name === 'PUBLIC_ID').value = admin.value;
    await writeFile(file, JSON.stringify(doc));
    const reopened = (await vaultIn(dir, key)).vault;
    await expect(reopened.resolveSecrets('{{secret.PUBLIC_ID}}')).rejects.toThrow(/PUBLIC_ID cannot be decrypted/);
  });

  it('names the secrets that do not exist', async () => {
    const { vault } = await vaultIn(await tempDir());
    await vault.set('KNOWN', 'k', ['127.0.0.1', 'localhost']);
    const err = await vault.resolveSecrets('{{secret.KNOWN}} {{secret.GONE}} {{secret.ALSO_GONE}}').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MissingSecretsError);
    expect((err as MissingSecretsError).names).toEqual(['GONE', 'ALSO_GONE']);
  });

  it('fills a prepared request, each secret encoded for its place', async () => {
    const { vault } = await vaultIn(await tempDir());
    const value = 'a"b\\c&d=e\r\n';
    await vault.set('KEY', value, ['api.example.com']);
    const prepared = prepareRequest(
      {
        method: 'POST',
        url: 'https://api.example.com/x?key={{secret.KEY}}&q={{q}}',
        headers: [{ name: 'Authorization', value: 'Bearer {{secret.KEY}}' }],
        body: '{"key": {{secret.KEY}}, "q": "{{q}}"}',
        responseMapping: [],
      },
      { q: 'hello' },
      await vault.names(),
    );
    expect(JSON.stringify(prepared)).not.toContain('a"b');
    const ready = await resolveRequest(prepared, vault);
    expect(new URL(ready.url).searchParams.get('key')).toBe(value);
    expect(ready.headers[0]).toEqual({ name: 'Authorization', value: 'Bearer a"b\\c&d=e' });
    expect(JSON.parse(ready.body!)).toEqual({ key: value, q: 'hello' });
    expect(ready.redact).toEqual([value]);
  });
});

describe('server start', () => {
  it('refuses to start when SWITCHBOARD_SECRET_KEY does not match the stored secrets', async () => {
    const dir = await tempDir();
    await (await vaultIn(dir)).vault.set('TOKEN', 't0k3n', ['127.0.0.1', 'localhost']);
    const config = loadConfig({ DATA_DIR: dir, PORT: '0', HOST: '127.0.0.1', SWITCHBOARD_SECRET_KEY: randomBytes(32).toString('base64') });
    await expect(
      startServer(config, { logger: createLogger('silent'), print: () => undefined, editorDist: null }),
    ).rejects.toThrow(/Stored secrets cannot be read with this key/);
  });
});
