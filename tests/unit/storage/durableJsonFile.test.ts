import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DataFileCorruptError, DurableJsonFile } from '../../../api/src/storage/lowdb/durableJsonFile';
import { openLowdbStores } from '../../../api/src/storage/lowdb/openStores';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'sb-durable-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('DurableJsonFile', () => {
  it('reads null for a missing file and round-trips writes', async () => {
    const file = new DurableJsonFile<{ n: number }>(path.join(dir, 'a.json'));
    expect(await file.read()).toBeNull();
    await file.write({ n: 1 });
    expect(await new DurableJsonFile<{ n: number }>(path.join(dir, 'a.json')).read()).toEqual({ n: 1 });
  });

  it('keeps the previous good file as .bak and leaves no temp files', async () => {
    const target = path.join(dir, 'a.json');
    const file = new DurableJsonFile<{ n: number }>(target);
    await file.write({ n: 1 });
    await file.write({ n: 2 });
    expect(JSON.parse(await readFile(target, 'utf8'))).toEqual({ n: 2 });
    expect(JSON.parse(await readFile(`${target}.bak`, 'utf8'))).toEqual({ n: 1 });
    expect((await readdir(dir)).sort()).toEqual(['a.json', 'a.json.bak']);
  });

  it('serialises concurrent writes; every caller resolves after a write holding its change', async () => {
    const target = path.join(dir, 'a.json');
    const file = new DurableJsonFile<{ items: number[] }>(target);
    const data = { items: [] as number[] };
    const acknowledged: number[] = [];
    await Promise.all(
      Array.from({ length: 50 }, async (_, i) => {
        data.items.push(i);
        await file.write(data);
        const onDisk = JSON.parse(await readFile(target, 'utf8')) as { items: number[] };
        if (onDisk.items.includes(i)) acknowledged.push(i);
      }),
    );
    expect(acknowledged.sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(JSON.parse(await readFile(target, 'utf8')).items).toHaveLength(50);
  });

  it('refuses a truncated file, naming it and the backup to restore', async () => {
    const target = path.join(dir, 'a.json');
    const file = new DurableJsonFile<{ n: number }>(target);
    await file.write({ n: 1 });
    await file.write({ n: 2 });
    await writeFile(target, '{"n": 2, "more": [1, 2');
    const error = await new DurableJsonFile(target).read().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataFileCorruptError);
    expect((error as Error).message).toContain(target);
    expect((error as Error).message).toContain(`cp "${target}.bak" "${target}"`);
    // Nothing was reset.
    expect(await readFile(target, 'utf8')).toBe('{"n": 2, "more": [1, 2');
  });

  it('says so when the backup is unusable too, and refuses an empty file', async () => {
    const target = path.join(dir, 'a.json');
    await writeFile(target, '');
    const error = (await new DurableJsonFile(target).read().catch((e: unknown) => e)) as DataFileCorruptError;
    expect(error.backupUsable).toBe(false);
    expect(error.message).toMatch(/empty/);
    expect(error.message).toMatch(/missing or unreadable/);
  });

  it('refuses a missing file whose backup exists instead of starting empty', async () => {
    const target = path.join(dir, 'a.json');
    await writeFile(`${target}.bak`, '{"n":1}');
    await expect(new DurableJsonFile(target).read()).rejects.toThrow(/missing but its backup exists/);
  });
});

describe('lowdb stores on disk', () => {
  it('survive a reopen', async () => {
    const now = () => Date.parse('2026-01-01T00:00:00Z');
    const stores = await openLowdbStores(dir, now);
    await stores.users.create({ email: 'a@b.co', name: 'A', role: 'admin', passwordHash: 'x' });
    await stores.settings.markDone('samplesSeeded');
    const reopened = await openLowdbStores(dir, now);
    expect((await reopened.users.findByEmail('A@B.CO'))?.name).toBe('A');
    expect(await reopened.settings.isDone('samplesSeeded')).toBe(true);
  });

  it('refuse to open a file that is JSON but not theirs, naming it', async () => {
    await writeFile(path.join(dir, 'accounts.json'), '{"users": "nope"}');
    await expect(openLowdbStores(dir, Date.now)).rejects.toThrow(/accounts\.json.*not a Switchboard accounts file: users/s);
  });
});
