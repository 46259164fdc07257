import { describe, expect, it } from 'vitest';
import type { NewAuditEntry } from '../../../api/src/storage/auditLog';
import { STORE_BACKENDS, useStoreBackend } from './support/backends';

const entry = (at: number, over: Partial<NewAuditEntry> = {}): NewAuditEntry => ({
  at,
  actor: { kind: 'user', id: 'u1', name: 'Ada@Example.com' },
  action: 'flow.publish',
  target: 'f1',
  detail: { version: at, note: 'x', ok: true, none: null },
  ...over,
});

describe.each(STORE_BACKENDS)('AuditLog on $name', (backend) => {
  const h = useStoreBackend(backend);
  const audit = () => h.current.stores.audit;

  it('lists newest first, with every field as appended', async () => {
    await audit().append(entry(1));
    await audit().append(entry(2, { actor: { kind: 'system', id: null, name: 'retention' }, action: 'retention.run', target: null, detail: {} }));
    const rows = await audit().list({ limit: 10 });
    expect(rows).toEqual([
      { id: rows[0]!.id, ...entry(2, { actor: { kind: 'system', id: null, name: 'retention' }, action: 'retention.run', target: null, detail: {} }) },
      { id: rows[1]!.id, ...entry(1) },
    ]);
    expect(rows[0]!.id).toBeGreaterThan(rows[1]!.id);
  });

  it('filters by action, time, actor and page', async () => {
    for (let at = 1; at <= 6; at += 1) {
      await audit().append(
        entry(at * 1000, at % 2 ? {} : { action: 'auth.login', actor: { kind: 'anonymous', id: null, name: `Tried_${at}%@x.pl` } }),
      );
    }
    const ats = async (q: Parameters<ReturnType<typeof audit>['list']>[0]) => (await audit().list(q)).map((e) => e.at);
    expect(await ats({ limit: 10, action: 'auth.login' })).toEqual([6000, 4000, 2000]);
    expect(await ats({ limit: 10, from: 2000, to: 4000 })).toEqual([3000, 2000]);
    expect(await ats({ limit: 2 })).toEqual([6000, 5000]);
    const [, second] = await audit().list({ limit: 2 });
    expect(await ats({ limit: 2, beforeId: second!.id })).toEqual([4000, 3000]);
    // The actor's id exactly, or part of the name ignoring case; % and _ are plain characters.
    expect(await ats({ limit: 10, actor: 'u1' })).toEqual([5000, 3000, 1000]);
    expect(await ats({ limit: 10, actor: 'ada@EXAMPLE' })).toEqual([5000, 3000, 1000]);
    expect(await ats({ limit: 10, actor: 'tried_4%' })).toEqual([4000]);
    expect(await ats({ limit: 10, actor: 'u' })).toEqual([]);
    expect(await ats({ limit: 10, actor: '%' })).toEqual([6000, 4000, 2000]);
  });

  it('records an actor name with U+0000 (an email tried at sign-in) and finds it by the rest', async () => {
    await audit().append(entry(1, { actor: { kind: 'anonymous', id: null, name: 'evil\u0000@x.pl' }, detail: { tried: 'a\u0000b' } }));
    const [row] = await audit().list({ limit: 1, actor: 'evil' });
    expect(row?.actor.name).toMatch(/^evil.@x\.pl$/);
    expect(row?.detail).toEqual({ tried: 'a\u0000b' });
  });

  describe.runIf(backend.shared)('across instances', () => {
    it('shows entries appended by another instance, ids increasing', async () => {
      const other = (await h.open()).stores.audit;
      await audit().append(entry(1));
      await other.append(entry(2));
      expect((await audit().list({ limit: 10 })).map((e) => e.at)).toEqual([2, 1]);
    });
  });
});
