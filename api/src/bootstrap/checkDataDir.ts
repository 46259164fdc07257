import { closeSync, existsSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { SECRET_KEY_FILE } from '../secrets/secretKey';

/** A start-up problem the operator fixes: the message names the file and the fix. */
export class StartupCheckError extends Error {
  constructor(message: string) {
    super(`${message}\nSwitchboard stopped without changing anything.`);
    this.name = 'StartupCheckError';
  }
}

const SQLITE_HEADER = 'SQLite format 3\0';
// Files that only exist once the server has run here: their presence means "this is not a fresh DATA_DIR".
const EARLIER_DATA = ['flows.json', 'accounts.json'];

function fileHead(file: string, bytes: number): Buffer {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const read = readSync(fd, buffer, 0, bytes, 0);
    return buffer.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

function readableJson(file: string): boolean {
  if (!existsSync(file)) return false;
  try {
    JSON.parse(readFileSync(file, 'utf8'));
    return true;
  } catch {
    return false;
  }
}

function checkConversations(dataDir: string, file: string): void {
  const target = path.join(dataDir, file);
  if (!existsSync(target)) {
    // Only readable files count: a corrupt one gets the JSON stores' own message (and its .bak fix).
    const earlier = EARLIER_DATA.filter((name) => readableJson(path.join(dataDir, name)));
    if (earlier.length === 0) return;
    throw new StartupCheckError(
      `${target} is missing, but ${earlier.join(' and ')} in the same DATA_DIR show Switchboard ran here before: ` +
        'the conversations database was moved or deleted.\n' +
        `Restore ${file} from your backups. To go on without past conversations instead, create an empty database:\n  touch "${target}"`,
    );
  }
  const size = statSync(target).size;
  // An empty file is a valid empty database (and what the message above tells people to create).
  if (size === 0) return;
  const head = fileHead(target, SQLITE_HEADER.length).toString('latin1');
  let reason: string | null = head === SQLITE_HEADER ? null : 'it is not an SQLite database';
  if (reason === null) {
    try {
      const db = new Database(target, { readonly: true, fileMustExist: true });
      try {
        db.prepare('SELECT count(*) FROM sqlite_master').get();
      } finally {
        db.close();
      }
    } catch (err) {
      reason = (err as Error).message;
    }
  }
  if (reason !== null) {
    throw new StartupCheckError(
      `${target} cannot be read (${reason}).\n` +
        `Restore ${file} from your backups (stop Switchboard first), or move it aside to start with no past conversations:\n  mv "${target}" "${target}.broken" && touch "${target}"`,
    );
  }
}

function checkSecretKey(dataDir: string, keyConfigured: boolean): void {
  if (keyConfigured) return;
  const secretsFile = path.join(dataDir, 'secrets.json');
  if (!existsSync(secretsFile) || existsSync(path.join(dataDir, SECRET_KEY_FILE))) return;
  let parsed: { keyCheck?: unknown; secrets?: unknown };
  try {
    parsed = JSON.parse(readFileSync(secretsFile, 'utf8')) as typeof parsed;
  } catch {
    return; // A broken secrets.json gets the JSON stores' own message when it is opened.
  }
  const count = Array.isArray(parsed.secrets) ? parsed.secrets.length : 0;
  const keyed = typeof parsed.keyCheck === 'string';
  if (count === 0 && !keyed) return;
  throw new StartupCheckError(
    `${path.join(dataDir, SECRET_KEY_FILE)} is missing, and SWITCHBOARD_SECRET_KEY is not set, but ${secretsFile} holds ` +
      `${count} secret${count === 1 ? '' : 's'} encrypted with that key.\n` +
      `Restore ${SECRET_KEY_FILE} from the backup you made with the data, or set SWITCHBOARD_SECRET_KEY to the key. ` +
      `If the key is lost, the values cannot be recovered: move ${secretsFile} aside and set the secrets again.`,
  );
}

/**
 * Reads, never writes: runs before the DATA_DIR lock is taken or any file is created, so a
 * mistake in the data directory stops the start with a message instead of being papered over
 * (a new empty conversations database, a fresh key that cannot read the saved secrets).
 */
export function checkDataDir(dataDir: string, options: { conversationsFile: string | null; secretKeyConfigured: boolean }): void {
  if (!existsSync(dataDir)) return;
  if (!statSync(dataDir).isDirectory()) {
    throw new StartupCheckError(
      `DATA_DIR ${dataDir} is a file, not a directory.\nPoint DATA_DIR at a directory (it is created when missing), or move that file away.`,
    );
  }
  if (options.conversationsFile) checkConversations(dataDir, options.conversationsFile);
  checkSecretKey(dataDir, options.secretKeyConfigured);
}
