import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import request from 'supertest';
import { as, makeTestApp, PASSWORD, type TestApp } from './support/testApp';
import { describeOnEachBackend } from './support/backends';

describeOnEachBackend('team API: accounts, token expiry, own profile', (backend) => {
  // The organisation page's needs: deactivation, last sign-in, token expiry, and each person's profile.
  let t: TestApp;
  let admin: ReturnType<typeof as>;
  beforeEach(async () => {
    t = await makeTestApp({ backend });
    admin = as(t.app, t.accounts.admin);
  });
  afterEach(() => t.close());

  interface Row {
    email: string;
    lastSignInAt: string | null;
    active: boolean;
  }
  const userIn = (body: { users: Row[] }, email: string) => body.users.find((u) => u.email === email)!;

  describe('accounts for admins', () => {
    it('shows when each account last signed in', async () => {
      const before = userIn((await admin.get('/api/users')).body, 'editor@example.com');
      expect(before.lastSignInAt).toBe(new Date(t.now.value).toISOString());
      t.now.value += 60_000;
      await t.login('editor@example.com');
      const after = userIn((await admin.get('/api/users')).body, 'editor@example.com');
      expect(after).toMatchObject({ lastSignInAt: new Date(t.now.value).toISOString(), active: true });
    });

    it('deactivates an account: its sessions end, it cannot sign in, and it can be restored', async () => {
      const off = await admin.patch(`/api/users/${t.accounts.agent.id}`).send({ active: false });
      expect(off.status).toBe(200);
      expect(off.body.user.active).toBe(false);
      expect((await as(t.app, t.accounts.agent).get('/api/auth/me')).status).toBe(401);
      const refused = await request(t.app).post('/api/auth/login').send({ email: 'agent@example.com', password: PASSWORD });
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('account_deactivated');
      // A wrong password still gets the plain answer, so guessing learns nothing.
      expect((await request(t.app).post('/api/auth/login').send({ email: 'agent@example.com', password: 'wrong wrong wrong' })).status).toBe(401);

      expect((await admin.patch(`/api/users/${t.accounts.agent.id}`).send({ active: true })).body.user.active).toBe(true);
      await t.login('agent@example.com');
    });

    it('refuses deactivating yourself or the last active admin', async () => {
      const self = await admin.patch(`/api/users/${t.accounts.admin.id}`).send({ active: false });
      expect(self.status).toBe(409);
      expect(self.body.error.code).toBe('deactivate_self');
      // A second admin, deactivated, does not count as the admin that must remain.
      await admin.patch(`/api/users/${t.accounts.editor.id}`).send({ role: 'admin' });
      const editorAdmin = as(t.app, await t.login('editor@example.com'));
      expect((await editorAdmin.patch(`/api/users/${t.accounts.admin.id}`).send({ active: false })).status).toBe(200);
      const last = await editorAdmin.patch(`/api/users/${t.accounts.editor.id}`).send({ role: 'agent' });
      expect(last.status).toBe(409);
      expect(last.body.error.code).toBe('last_admin');
    });

    it('lets only admins manage accounts and tokens', async () => {
      for (const role of ['editor', 'agent'] as const) {
        const who = as(t.app, t.accounts[role]);
        expect((await who.get('/api/users')).status).toBe(403);
        expect((await who.patch(`/api/users/${t.accounts.agent.id}`).send({ active: false })).status).toBe(403);
        expect((await who.post('/api/tokens').send({ name: 'x', role: 'admin' })).status).toBe(403);
        expect((await who.put('/api/secrets/SHOP_TOKEN').send({ value: 'x', hosts: ['127.0.0.1'] })).status).toBe(403);
      }
    });
  });

  describe('API token expiry', () => {
    it('stops a token working after its expiry, and refuses an expiry in the past', async () => {
      const expiresAt = new Date(t.now.value + 24 * 3600_000).toISOString();
      const created = await admin.post('/api/tokens').send({ name: 'Nightly export', role: 'editor', expiresAt });
      expect(created.status).toBe(201);
      expect(created.body.token.expiresAt).toBe(expiresAt);
      const bearer = () => request(t.app).get('/api/flows').set('Authorization', `Bearer ${created.body.secret}`);
      expect((await bearer()).status).toBe(200);
      t.now.value += 24 * 3600_000;
      expect((await bearer()).status).toBe(401);

      const past = await admin.post('/api/tokens').send({ name: 'Old', role: 'editor', expiresAt: new Date(t.now.value - 1000).toISOString() });
      expect(past.status).toBe(400);
      expect(past.body.error.details).toEqual([{ path: 'expiresAt', message: 'must be in the future' }]);
    });
  });

  describe('own profile', () => {
    it('changes your own name and language, shown by /me', async () => {
      const editor = as(t.app, t.accounts.editor);
      const res = await editor.patch('/api/auth/me').send({ name: 'Ewa Nowak', locale: 'pl' });
      expect(res.status).toBe(200);
      expect(res.body.user).toMatchObject({ name: 'Ewa Nowak', locale: 'pl' });
      expect((await editor.get('/api/auth/me')).body.user).toMatchObject({ name: 'Ewa Nowak', locale: 'pl' });
      const bad = await editor.patch('/api/auth/me').send({ locale: 'xx', role: 'admin' });
      expect(bad.status).toBe(400);
    });

    it('needs the current password for a new one, and signs out the other sessions only', async () => {
      const here = as(t.app, t.accounts.editor);
      const elsewhere = as(t.app, await t.login('editor@example.com'));
      const wrong = await here.patch('/api/auth/me').send({ currentPassword: 'not it at all', newPassword: 'a new long password' });
      expect(wrong.status).toBe(400);
      expect(wrong.body.error.details).toEqual([{ path: 'currentPassword', message: 'is wrong' }]);
      const missing = await here.patch('/api/auth/me').send({ newPassword: 'a new long password' });
      expect(missing.status).toBe(400);

      const ok = await here.patch('/api/auth/me').send({ currentPassword: PASSWORD, newPassword: 'a new long password' });
      expect(ok.status).toBe(200);
      expect((await here.get('/api/flows')).status).toBe(200);
      expect((await elsewhere.get('/api/flows')).status).toBe(401);
      await t.login('editor@example.com', 'a new long password');
    });

    it('is not available to API tokens', async () => {
      const secret = await t.token('admin');
      const res = await request(t.app).patch('/api/auth/me').set('Authorization', `Bearer ${secret}`).send({ name: 'Bot' });
      expect(res.status).toBe(403);
    });
  });
});
