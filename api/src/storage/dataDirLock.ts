import { linkSync, mkdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const LOCK_FILE = 'switchboard.lock';

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `DATA_DIR ${dataDir} is already in use by another Switchboard process (pid ${pid}). ` +
        `Stop that process first, or point DATA_DIR somewhere else. If no process ${pid} is running, ` +
        `delete ${path.join(dataDir, LOCK_FILE)}.`,
    );
    this.name = 'DataDirLockedError';
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readPid(file: string): number | null {
  try {
    const pid = Number.parseInt(readFileSync(file, 'utf8').trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

export interface DataDirLock {
  readonly file: string;
  release(): void;
}

/**
 * Makes this process the only one writing DATA_DIR: lowdb keeps the data in memory, so a second
 * writer would silently overwrite the first one's changes.
 */
export function acquireDataDirLock(dataDir: string): DataDirLock {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, LOCK_FILE);
  // The pid is written to a private file first and then linked into place, which like O_EXCL
  // fails if the lock exists, but never lets another process see a lock file without its pid.
  const staging = `${file}.${process.pid}`;
  writeFileSync(staging, `${process.pid}\n`, { mode: 0o644 });
  try {
    return takeLock(dataDir, file, staging);
  } finally {
    rmSync(staging, { force: true });
  }
}

function takeLock(dataDir: string, file: string, staging: string): DataDirLock {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      linkSync(staging, file);
      let released = false;
      return {
        file,
        release() {
          if (released) return;
          released = true;
          if (readPid(file) === process.pid) unlinkSync(file);
        },
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const holder = readPid(file);
    // Our own pid in the lock means a previous run in a container that reuses pids (often pid 1).
    if (holder !== null && holder !== process.pid && isAlive(holder)) throw new DataDirLockedError(dataDir, holder);
    try {
      unlinkSync(file);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
  }
  throw new Error(`Could not take the lock ${file}; another process keeps recreating it.`);
}
