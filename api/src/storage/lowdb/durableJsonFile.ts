import { constants } from 'node:fs';
import { copyFile, link, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Adapter } from 'lowdb';

export class DataFileCorruptError extends Error {
  constructor(
    readonly file: string,
    readonly backup: string,
    readonly backupUsable: boolean,
    reason: string,
  ) {
    super(
      `Data file ${file} cannot be read (${reason}). Switchboard stopped without changing anything.\n` +
        (backupUsable
          ? `The previous good copy is ${backup}. To restore it, stop Switchboard and run:\n  cp "${backup}" "${file}"`
          : `The backup ${backup} is missing or unreadable too; restore ${path.basename(file)} from your own backups.`),
    );
    this.name = 'DataFileCorruptError';
  }
}

const isMissing = (err: unknown) => (err as NodeJS.ErrnoException).code === 'ENOENT';

async function fsyncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, constants.O_RDONLY);
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * A lowdb adapter that never leaves a half-written file: each write goes to a temp file that is
 * fsynced, then renamed over the real one, then the directory is fsynced so the rename itself
 * survives power loss. The file being replaced is kept as `<name>.bak`.
 *
 * Writes are serialised per file. While one write is on disk, later calls share a single
 * follow-up write of the newest data, so a burst of saves costs two fsync rounds, not one each;
 * every caller's promise still resolves only once a write containing its change is durable.
 */
export class DurableJsonFile<T> implements Adapter<T> {
  readonly backup: string;
  private readonly tempFile: string;
  private inFlight: Promise<void> = Promise.resolve();
  private queued: Promise<void> | null = null;
  private latest: T | null = null;

  constructor(
    readonly file: string,
    /** Checks the parsed JSON has the expected shape; throws a message when it does not. */
    private readonly check: (raw: unknown) => T = (raw) => raw as T,
  ) {
    this.backup = `${file}.bak`;
    this.tempFile = `${file}.tmp`;
  }

  async read(): Promise<T | null> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (err) {
      if (!isMissing(err)) throw err;
      if ((await this.readBackup()) !== null) {
        throw new DataFileCorruptError(this.file, this.backup, true, 'the file is missing but its backup exists');
      }
      return null;
    }
    await this.removeStaleTemp();
    try {
      return this.parse(text);
    } catch (err) {
      const backupUsable = (await this.readBackup()) !== null;
      throw new DataFileCorruptError(this.file, this.backup, backupUsable, (err as Error).message);
    }
  }

  write(data: T): Promise<void> {
    this.latest = data;
    if (this.queued) return this.queued;
    const next = this.inFlight
      .catch(() => undefined)
      .then(() => {
        this.queued = null;
        // Serialised now, not when queued: the snapshot must include every change made so far.
        return this.writeNow(JSON.stringify(this.latest));
      });
    this.queued = next;
    this.inFlight = next;
    return next;
  }

  private parse(text: string): T {
    if (text.trim() === '') throw new Error('the file is empty');
    return this.check(JSON.parse(text));
  }

  private async readBackup(): Promise<T | null> {
    try {
      return this.parse(await readFile(this.backup, 'utf8'));
    } catch {
      return null;
    }
  }

  private async writeNow(text: string): Promise<void> {
    const handle = await open(this.tempFile, 'w', 0o600);
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await this.keepBackup();
    await rename(this.tempFile, this.file);
    await fsyncDirectory(path.dirname(this.file));
  }

  /** Hard-links the current file to `.bak` (atomic replace); copies where links are unsupported. */
  private async keepBackup(): Promise<void> {
    const staging = `${this.backup}.tmp`;
    await rm(staging, { force: true });
    try {
      await link(this.file, staging);
    } catch (err) {
      if (isMissing(err)) return;
      await copyFile(this.file, staging);
    }
    await rename(staging, this.backup);
  }

  private async removeStaleTemp(): Promise<void> {
    const dir = path.dirname(this.file);
    const base = path.basename(this.file);
    for (const name of await readdir(dir)) {
      if (name === `${base}.tmp` || name === `${base}.bak.tmp`) await rm(path.join(dir, name), { force: true });
    }
  }
}
