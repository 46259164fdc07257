import { randomBytes } from 'node:crypto';
import { chmod, open, readFile, stat } from 'node:fs/promises';
import path from 'node:path';

export const SECRET_KEY_FILE = 'secret.key';
export const SECRET_KEY_BYTES = 32;

/** A base64 (or base64url) AES-256 key, or null when the text is not exactly 32 bytes of it. */
export function parseSecretKey(text: string): Buffer | null {
  const trimmed = text.trim();
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(trimmed)) return null;
  const key = Buffer.from(trimmed.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  return key.length === SECRET_KEY_BYTES ? key : null;
}

async function readKeyFile(file: string): Promise<Buffer | null> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  const key = parseSecretKey(text);
  if (!key) throw new Error(`${file} does not hold a 32-byte base64 key. Restore it from a backup, or set SWITCHBOARD_SECRET_KEY.`);
  // Someone may have copied the data directory with a loose umask; the key must stay private.
  if (((await stat(file)).mode & 0o077) !== 0) await chmod(file, 0o600);
  return key;
}

/**
 * The key secrets are encrypted with: SWITCHBOARD_SECRET_KEY when set, else DATA_DIR/secret.key,
 * created once (mode 0600, exclusive create so two starts cannot write different keys).
 */
export async function loadSecretKey(configured: Buffer | null, dataDir: string): Promise<Buffer> {
  if (configured) return configured;
  const file = path.join(dataDir, SECRET_KEY_FILE);
  const existing = await readKeyFile(file);
  if (existing) return existing;
  const key = randomBytes(SECRET_KEY_BYTES);
  let handle;
  try {
    handle = await open(file, 'wx', 0o600);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return (await readKeyFile(file))!;
    throw err;
  }
  try {
    await handle.writeFile(`${key.toString('base64')}\n`, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  return key;
}
