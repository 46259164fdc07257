import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type Database from 'better-sqlite3';
import { openConversationDatabase } from '../../../api/src/storage/sqlite/openDatabase';
import { startCheckpointWorker, type CheckpointProgress } from '../../../api/src/storage/sqlite/checkpointWorker';

const dirs: string[] = [];
const closers: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function openFresh(): { file: string; db: Database.Database } {
  const dir = mkdtempSync(path.join(tmpdir(), 'sb-ckpt-'));
  dirs.push(dir);
  const file = path.join(dir, 'conversations.sqlite');
  const db = openConversationDatabase(file);
  closers.push(() => {
    if (db.open) db.close();
  });
  db.exec('CREATE TABLE filler (n INTEGER, pad BLOB)');
  return { file, db };
}

/** `pages` 4 KiB pages' worth of rows, in transactions of 100 rows as a busy store would commit. */
function write(db: Database.Database, pages: number): void {
  const insert = db.prepare('INSERT INTO filler (n, pad) VALUES (?, randomblob(3500))');
  const batch = db.transaction((from: number) => {
    for (let i = from; i < from + 100; i++) insert.run(i);
  });
  for (let i = 0; i < pages; i += 100) batch(i);
}

describe('SQLite checkpoints stay off the main connection', () => {
  it('the main connection never checkpoints, however large the WAL grows', () => {
    const { file, db } = openFresh();
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    const mainBefore = statSync(file).size;
    // Three times SQLite's default automatic checkpoint threshold (1,000 pages).
    write(db, 3000);
    // A checkpoint would have copied pages into the database file; it is still as it was, and
    // every page written is still in the WAL.
    expect(statSync(file).size).toBe(mainBefore);
    expect(statSync(`${file}-wal`).size).toBeGreaterThan(3000 * 4096);
  });

  it('the worker copies the WAL into the database file, and the WAL is reused rather than grown', async () => {
    const { file, db } = openFresh();
    const progress: CheckpointProgress[] = [];
    const worker = startCheckpointWorker(file, { intervalMs: 20, onProgress: (p) => progress.push(p) });
    closers.push(() => worker.stop());
    write(db, 1500);
    await expect.poll(() => statSync(file).size, { timeout: 10_000 }).toBeGreaterThan(1500 * 3500);
    await expect.poll(() => progress.some((p) => p.log > 0 && p.checkpointed === p.log), { timeout: 10_000 }).toBe(true);
    const walAfterFirst = statSync(`${file}-wal`).size;
    // Fully checkpointed, so the next commits start the WAL over instead of appending to it.
    await sleep(100);
    write(db, 500);
    expect(statSync(`${file}-wal`).size).toBeLessThanOrEqual(walAfterFirst);
  });

  it('stopping a worker whose database is already gone resolves', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sb-ckpt-'));
    dirs.push(dir);
    const worker = startCheckpointWorker(path.join(dir, 'missing.sqlite'));
    await sleep(300);
    await expect(worker.stop()).resolves.toBeUndefined();
  });
});
