import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import request from 'supertest';
import { as, makeTestApp, PASSWORD, type TestApp } from './support/testApp';
import { describeOnEachBackend } from './support/backends';

describeOnEachBackend('accounts, tokens and settings API', (backend) => {
  let t: TestApp;
  let admin: ReturnType<typeof as>;
  beforeEach(async () => {
    t = await makeTestApp({ backend });
    admin = as(t.app, t.accounts.admin);
  });
  afterEach(() => t.close());

  describe('users', () => {
    it('lists, creates, updates and deletes accounts', async () => {
      const list = await admin.get('/api/users');
      expect(list.body.users.map((u: { email: string }) => u.email).sort()).toEqual(['admin@example.com', 'agent@example.com', 'editor@example.com']);
      expect(JSON.stringify(list.body)).not.toContain('passwordHash');

      const created = await admin.post('/api/users').send({ email: 'New@Example.com', name: 'New', role: 'agent', password: 'twelve chars!' });
      expect(created.status).toBe(201);
      expect(created.body.user).toEqual({
        id: expect.any(String),
        email: 'new@example.com',
        name: 'New',
        role: 'agent',
        locale: null,
        createdAt: expect.any(String),
        lastSignInAt: null,
        active: true,
      });
      await t.login('new@example.com', 'twelve chars!');

      const patched = await admin.patch(`/api/users/${created.body.user.id}`).send({ name: 'Renamed', role: 'editor' });
      expect(patched.body.user).toMatchObject({ name: 'Renamed', role: 'editor' });

      expect((await admin.delete(`/api/users/${created.body.user.id}`)).status).toBe(204);
      expect((await admin.delete(`/api/users/${created.body.user.id}`)).status).toBe(404);
      expect((await request(t.app).post('/api/auth/login').send({ email: 'new@example.com', password: 'twelve chars!' })).status).toBe(401);
    });

    it('refuses a taken email (409), a short password and a bad role (400)', async () => {
      const taken = await admin.post('/api/users').send({ email: 'editor@example.com', name: 'Dup', role: 'agent', password: 'twelve chars!' });
      expect(taken.status).toBe(409);
      expect(taken.body.error.code).toBe('email_taken');
      const bad = await admin.post('/api/users').send({ email: 'not-an-email', name: 'X', role: 'boss', password: 'short' });
      expect(bad.status).toBe(400);
      expect(bad.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['email', 'password', 'role']);
    });

    it('never lets the last admin be demoted or deleted', async () => {
      const demote = await admin.patch(`/api/users/${t.accounts.admin.id}`).send({ role: 'editor' });
      expect(demote.status).toBe(409);
      expect(demote.body.error.code).toBe('last_admin');
      expect((await admin.delete(`/api/users/${t.accounts.admin.id}`)).status).toBe(409);
      await admin.patch(`/api/users/${t.accounts.editor.id}`).send({ role: 'admin' });
      expect((await admin.patch(`/api/users/${t.accounts.admin.id}`).send({ role: 'editor' })).status).toBe(200);
    });

    it('signs a user out everywhere when an admin changes their password', async () => {
      const res = await admin.patch(`/api/users/${t.accounts.editor.id}`).send({ password: 'a brand new secret' });
      expect(res.status).toBe(200);
      expect((await as(t.app, t.accounts.editor).get('/api/flows')).status).toBe(401);
      await t.login('editor@example.com', 'a brand new secret');
      expect((await request(t.app).post('/api/auth/login').send({ email: 'editor@example.com', password: PASSWORD })).status).toBe(401);
      // The admin's own session survives changing their own password.
      await admin.patch(`/api/users/${t.accounts.admin.id}`).send({ password: 'admin new secret' });
      expect((await admin.get('/api/users')).status).toBe(200);
    });
  });

  describe('API tokens', () => {
    it('shows the secret once, stores only its hash, tracks lastUsedAt, and stops working when revoked', async () => {
      const created = await admin.post('/api/tokens').send({ name: 'CI', role: 'editor' });
      expect(created.status).toBe(201);
      expect(created.body).toEqual({
        token: { id: expect.any(String), name: 'CI', role: 'editor', createdAt: expect.any(String), lastUsedAt: null, expiresAt: null },
        secret: expect.stringMatching(/^sbt_[A-Za-z0-9_-]{43}$/),
      });
      const { secret, token } = created.body;
      const stored = await t.storedText();
      expect(stored).toContain(token.id);
      expect(stored).not.toContain(secret);

      t.now.value += 5_000;
      expect((await request(t.app).get('/api/flows').set('Authorization', `Bearer ${secret}`)).status).toBe(200);
      const list = await admin.get('/api/tokens');
      expect(list.body.tokens).toEqual([{ ...token, lastUsedAt: new Date(t.now.value).toISOString() }]);
      expect(JSON.stringify(list.body)).not.toContain(secret);

      expect((await admin.delete(`/api/tokens/${token.id}`)).status).toBe(204);
      expect((await admin.delete(`/api/tokens/${token.id}`)).status).toBe(404);
      expect((await request(t.app).get('/api/flows').set('Authorization', `Bearer ${secret}`)).status).toBe(401);
    });

    it('validates the token body', async () => {
      const res = await admin.post('/api/tokens').send({ name: '', role: 'root' });
      expect(res.status).toBe(400);
      expect(res.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['name', 'role']);
    });
  });

  describe('settings', () => {
    it('reads defaults, replaces them, and validates', async () => {
      expect((await admin.get('/api/settings')).body).toEqual({
        organizationName: 'My company',
        defaultLocale: 'en',
        inboxHighlightMinutes: 5,
        cannedReplies: [],
        retentionDays: null,
      });
      const next = { organizationName: 'Sklep Kowalski', defaultLocale: 'pl', inboxHighlightMinutes: 10, cannedReplies: [], retentionDays: 90 };
      const put = await admin.put('/api/settings').send(next);
      expect(put.status).toBe(200);
      expect(put.body).toEqual(next);
      expect((await admin.get('/api/settings')).body).toEqual(next);
      const bad = await admin.put('/api/settings').send({ ...next, inboxHighlightMinutes: 0, extra: true });
      expect(bad.status).toBe(400);
      expect(bad.body.error.details.map((d: { path: string }) => d.path)).toContain('inboxHighlightMinutes');
      // A client that predates retention keeps the saved value; 0 days is refused.
      const { retentionDays: _kept, ...older } = next;
      expect((await admin.put('/api/settings').send(older)).body.retentionDays).toBe(90);
      expect((await admin.put('/api/settings').send({ ...next, retentionDays: 0 })).status).toBe(400);
    });
  });
});
