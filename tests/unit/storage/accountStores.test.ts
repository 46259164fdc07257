import { describe, expect, it } from 'vitest';
import type { NewUser } from '../../../api/src/storage/userStore';
import { STORE_BACKENDS, useStoreBackend } from './support/backends';

const person = (email: string, role: NewUser['role'] = 'editor'): NewUser => ({ email, name: email.split('@')[0]!, role, passwordHash: 'scrypt$hash' });
const AT = '2026-01-01T00:00:00.000Z';

describe.each(STORE_BACKENDS)('account stores on $name', (backend) => {
  const h = useStoreBackend(backend);
  const users = () => h.current.stores.users;
  const tokens = () => h.current.stores.tokens;
  const sessions = () => h.current.stores.authSessions;

  describe('UserStore', () => {
    it('creates accounts with a lower-case unique email, listed in creation order', async () => {
      const created = await users().create(person('  Ada@Example.COM '));
      expect(created).toMatchObject({ ok: true, user: { email: 'ada@example.com', name: '  Ada', role: 'editor', passwordHash: 'scrypt$hash', createdAt: AT, updatedAt: AT } });
      expect(await users().create(person('ada@example.com', 'admin'))).toEqual({ ok: false, reason: 'emailTaken' });
      await users().create(person('bob@example.com'));
      await users().create(person('al@example.com'));
      expect((await users().list()).map((u) => u.email)).toEqual(['ada@example.com', 'bob@example.com', 'al@example.com']);
      expect(await users().count()).toBe(3);
      const ada = created.ok ? created.user : null;
      expect(await users().get(ada!.id)).toMatchObject({ id: ada!.id, email: 'ada@example.com' });
      expect((await users().findByEmail(' ADA@example.com'))?.id).toBe(ada!.id);
      expect(await users().findByEmail('nobody@example.com')).toBeNull();
      expect(await users().get('missing')).toBeNull();
    });

    it('updates only the fields given and keeps the last active admin', async () => {
      const admin = await users().create(person('root@example.com', 'admin'));
      if (!admin.ok) throw new Error('admin not created');
      h.now.value = Date.parse('2026-02-01T00:00:00Z');
      const signedIn = await users().update(admin.user.id, { lastSignInAt: '2026-02-01T00:00:00.000Z', locale: 'pl' });
      expect(signedIn).toMatchObject({ ok: true, user: { role: 'admin', name: 'root', lastSignInAt: '2026-02-01T00:00:00.000Z', locale: 'pl', updatedAt: '2026-02-01T00:00:00.000Z', createdAt: AT } });
      expect(await users().update(admin.user.id, { role: 'editor' })).toEqual({ ok: false, reason: 'lastAdmin' });
      expect(await users().update(admin.user.id, { deactivatedAt: AT })).toEqual({ ok: false, reason: 'lastAdmin' });
      expect(await users().delete(admin.user.id)).toEqual({ ok: false, reason: 'lastAdmin' });
      expect(await users().update('missing', { name: 'x' })).toEqual({ ok: false, reason: 'notFound' });
      expect(await users().delete('missing')).toEqual({ ok: false, reason: 'notFound' });

      const second = await users().create(person('two@example.com', 'admin'));
      if (!second.ok) throw new Error('second admin not created');
      expect(await users().update(admin.user.id, { deactivatedAt: AT })).toMatchObject({ ok: true, user: { deactivatedAt: AT } });
      // A deactivated admin does not count: the other one is now the last.
      expect(await users().update(second.user.id, { role: 'agent' })).toEqual({ ok: false, reason: 'lastAdmin' });
      expect(await users().update(admin.user.id, { deactivatedAt: null })).toMatchObject({ ok: true, user: { deactivatedAt: null } });
      expect(await users().update(second.user.id, { role: 'agent' })).toMatchObject({ ok: true, user: { role: 'agent' } });
    });

    it('deletes an account with its signed-in browsers, and nobody else’s', async () => {
      await users().create(person('root@example.com', 'admin'));
      const bob = await users().create(person('bob@example.com'));
      if (!bob.ok) throw new Error('not created');
      await sessions().create({ idHash: 'h1', userId: bob.user.id, csrfToken: 'c1', createdAt: AT, expiresAt: '2026-01-02T00:00:00.000Z' });
      await sessions().create({ idHash: 'h2', userId: 'someone-else', csrfToken: 'c2', createdAt: AT, expiresAt: '2026-01-02T00:00:00.000Z' });
      expect(await users().delete(bob.user.id)).toEqual({ ok: true });
      expect(await users().get(bob.user.id)).toBeNull();
      expect(await sessions().get('h1')).toBeNull();
      expect(await sessions().get('h2')).not.toBeNull();
    });

    it('answers lookups with U+0000 (typed at sign-in, say) with nothing instead of failing', async () => {
      await users().create(person('ada@example.com'));
      expect(await users().findByEmail('ada@example.com\u0000')).toBeNull();
      expect(await users().get('\u0000')).toBeNull();
      expect(await tokens().findBySecretHash('\u0000')).toBeNull();
      expect(await sessions().get('\u0000')).toBeNull();
      const odd = await users().create({ ...person('bob@example.com'), name: 'Bob \u0000' });
      expect(odd.ok).toBe(true);
    });

    it('lets one of two concurrent creations of an email win', async () => {
      const results = await Promise.all([users().create(person('same@example.com')), users().create(person('SAME@example.com', 'admin'))]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.filter((r) => !r.ok && r.reason === 'emailTaken')).toHaveLength(1);
      expect(await users().count()).toBe(1);
    });
  });

  describe('TokenStore', () => {
    it('creates, finds by secret hash, touches and deletes tokens', async () => {
      const first = await tokens().create({ name: 'CRM', role: 'editor', secretHash: 'aa', createdBy: 'u1', expiresAt: '2027-01-01T00:00:00.000Z' });
      expect(first).toEqual({ id: first.id, name: 'CRM', role: 'editor', secretHash: 'aa', createdBy: 'u1', createdAt: AT, lastUsedAt: null, expiresAt: '2027-01-01T00:00:00.000Z' });
      const second = await tokens().create({ name: 'Backup', role: 'agent', secretHash: 'bb', createdBy: null, expiresAt: null });
      expect((await tokens().list()).map((t) => t.name)).toEqual(['CRM', 'Backup']);
      expect((await tokens().findBySecretHash('bb'))?.id).toBe(second.id);
      expect(await tokens().findBySecretHash('cc')).toBeNull();
      await tokens().touch(first.id, '2026-01-05T10:00:00.000Z');
      await tokens().touch('missing', '2026-01-05T10:00:00.000Z');
      expect((await tokens().get(first.id))?.lastUsedAt).toBe('2026-01-05T10:00:00.000Z');
      expect(await tokens().delete(first.id)).toBe(true);
      expect(await tokens().delete(first.id)).toBe(false);
      expect(await tokens().get(first.id)).toBeNull();
    });
  });

  describe('AuthSessionStore', () => {
    it('creates, extends and expires sessions', async () => {
      const session = { idHash: 'h1', userId: 'u1', csrfToken: 'c1', createdAt: AT, expiresAt: '2026-01-02T00:00:00.000Z' };
      await sessions().create(session);
      await sessions().create({ ...session, idHash: 'h2', expiresAt: '2026-01-03T00:00:00.000Z' });
      await sessions().create({ ...session, idHash: 'h3', userId: 'u2', expiresAt: '2026-01-09T00:00:00.000Z' });
      expect(await sessions().get('h1')).toEqual(session);
      await sessions().extend('h1', '2026-01-05T00:00:00.000Z');
      await sessions().extend('missing', '2026-01-05T00:00:00.000Z');
      expect((await sessions().get('h1'))?.expiresAt).toBe('2026-01-05T00:00:00.000Z');
      // Expired means at or before `now`.
      expect(await sessions().deleteExpired('2026-01-03T00:00:00.000Z')).toBe(1);
      expect(await sessions().get('h2')).toBeNull();
      await sessions().deleteForUser('u1');
      expect(await sessions().get('h1')).toBeNull();
      expect(await sessions().get('h3')).not.toBeNull();
      await sessions().delete('h3');
      expect(await sessions().get('h3')).toBeNull();
      expect(await sessions().deleteExpired('2030-01-01T00:00:00.000Z')).toBe(0);
    });
  });

  describe.runIf(backend.shared)('across instances', () => {
    it('lets exactly one of two instances create the same account', async () => {
      const other = (await h.open()).stores.users;
      const results = await Promise.all([users().create(person('race@example.com', 'admin')), other.create(person('race@example.com', 'admin'))]);
      expect(results.map((r) => r.ok).sort()).toEqual([false, true]);
      expect(await other.count()).toBe(1);
    });

    it('keeps one active admin when two instances demote the last two at once', async () => {
      const a = await users().create(person('a@example.com', 'admin'));
      const b = await users().create(person('b@example.com', 'admin'));
      if (!a.ok || !b.ok) throw new Error('not created');
      const other = (await h.open()).stores.users;
      const results = await Promise.all([users().update(a.user.id, { role: 'editor' }), other.update(b.user.id, { role: 'editor' })]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.filter((r) => !r.ok && r.reason === 'lastAdmin')).toHaveLength(1);
      expect((await users().list()).filter((u) => u.role === 'admin')).toHaveLength(1);
    });

    it('sees a session made on another instance', async () => {
      const other = (await h.open()).stores.authSessions;
      await other.create({ idHash: 'x', userId: 'u', csrfToken: 'c', createdAt: AT, expiresAt: '2026-01-02T00:00:00.000Z' });
      expect(await sessions().get('x')).toMatchObject({ userId: 'u' });
    });
  });
});
