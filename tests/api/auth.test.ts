import { afterEach, describe, expect, it } from 'vitest';
import request from 'supertest';
import { as, makeTestApp, PASSWORD, type TestApp } from './support/testApp';
import { LOGIN_ATTEMPTS_PER_ACCOUNT } from '../../api/src/auth/loginRateLimit';
import { SESSION_TTL_MS } from '../../api/src/auth/sessionCookie';

let t: TestApp;
afterEach(() => t.close());

const cookieOf = (res: request.Response) => ([] as string[]).concat(res.headers['set-cookie'] ?? []).join('\n');

describe('sign-in', () => {
  it('signs in with a cookie session and returns the user and a CSRF token', async () => {
    t = await makeTestApp();
    const res = await request(t.app).post('/api/auth/login').send({ email: 'EDITOR@example.com ', password: PASSWORD });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      user: { id: t.accounts.editor.id, email: 'editor@example.com', name: 'Editor Person', role: 'editor', locale: null },
      csrfToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
    });
    const cookie = cookieOf(res);
    expect(cookie).toMatch(/^sb_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/);
    // Only a hash of the session id is stored.
    const raw = cookie.split(';')[0]!.split('=')[1]!;
    const accounts = await import('node:fs/promises').then((fs) => fs.readFile(`${t.dataDir}/accounts.json`, 'utf8'));
    expect(accounts).not.toContain(raw);
    expect(accounts).not.toContain(PASSWORD);
  });

  it('marks the cookie Secure when COOKIE_SECURE=true, or behind a trusted https proxy', async () => {
    t = await makeTestApp({ env: { COOKIE_SECURE: 'true' } });
    const res = await request(t.app).post('/api/auth/login').send({ email: 'agent@example.com', password: PASSWORD });
    expect(cookieOf(res)).toMatch(/; Secure/);
    await t.close();
    t = await makeTestApp({ env: { TRUST_PROXY: 'true' } });
    const proxied = await request(t.app)
      .post('/api/auth/login')
      .set('X-Forwarded-Proto', 'https')
      .send({ email: 'agent@example.com', password: PASSWORD });
    expect(cookieOf(proxied)).toMatch(/; Secure/);
  });

  it('refuses a wrong password or unknown email with the same 401', async () => {
    t = await makeTestApp();
    const wrong = await request(t.app).post('/api/auth/login').send({ email: 'editor@example.com', password: 'nope nope nope' });
    const unknown = await request(t.app).post('/api/auth/login').send({ email: 'ghost@example.com', password: PASSWORD });
    for (const res of [wrong, unknown]) {
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ error: { code: 'invalid_credentials', message: 'Wrong email or password', details: [] } });
      expect(cookieOf(res)).toBe('');
    }
  });

  it('rate-limits failed sign-ins per IP and email with 429', async () => {
    t = await makeTestApp();
    for (let i = 0; i < LOGIN_ATTEMPTS_PER_ACCOUNT; i++) {
      const res = await request(t.app).post('/api/auth/login').send({ email: 'admin@example.com', password: 'wrong password!' });
      expect(res.status).toBe(401);
    }
    const limited = await request(t.app).post('/api/auth/login').send({ email: 'admin@example.com', password: PASSWORD });
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('rate_limited');
    // Another account from the same IP is not locked out by it.
    const other = await request(t.app).post('/api/auth/login').send({ email: 'editor@example.com', password: PASSWORD });
    expect(other.status).toBe(200);
  });

  it('reports the session at /me, and 401 without one', async () => {
    t = await makeTestApp();
    const me = await as(t.app, t.accounts.agent).get('/api/auth/me');
    expect(me.body).toEqual({ user: expect.objectContaining({ role: 'agent', email: 'agent@example.com' }), csrfToken: t.accounts.agent.csrf });
    const anonymous = await request(t.app).get('/api/auth/me');
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error.code).toBe('unauthenticated');
  });

  it('logs out: 204, the cookie is cleared and the session no longer works', async () => {
    t = await makeTestApp();
    const res = await as(t.app, t.accounts.editor).post('/api/auth/logout');
    expect(res.status).toBe(204);
    expect(cookieOf(res)).toMatch(/sb_session=;/);
    expect((await as(t.app, t.accounts.editor).get('/api/flows')).status).toBe(401);
  });

  it('expires a session after 7 idle days, and slides the expiry while it is used', async () => {
    t = await makeTestApp();
    const editor = as(t.app, t.accounts.editor);
    t.now.value += SESSION_TTL_MS - 60_000;
    const used = await editor.get('/api/flows');
    expect(used.status).toBe(200);
    expect(cookieOf(used)).toMatch(/Max-Age=604800/);
    t.now.value += SESSION_TTL_MS - 60_000;
    expect((await editor.get('/api/flows')).status).toBe(200);
    t.now.value += SESSION_TTL_MS + 1;
    expect((await editor.get('/api/flows')).status).toBe(401);
  });
});

describe('CSRF', () => {
  it('refuses a cookie-authenticated change without the X-CSRF-Token header', async () => {
    t = await makeTestApp();
    const { cookie, csrf } = t.accounts.editor;
    const without = await request(t.app).post('/api/flows').set('Cookie', cookie).send({ name: 'x' });
    expect(without.status).toBe(403);
    expect(without.body.error.code).toBe('csrf');
    const wrong = await request(t.app).post('/api/flows').set('Cookie', cookie).set('X-CSRF-Token', 'guess').send({ name: 'x' });
    expect(wrong.status).toBe(403);
    const right = await request(t.app).post('/api/flows').set('Cookie', cookie).set('X-CSRF-Token', csrf).send({ name: 'x' });
    expect(right.status).toBe(201);
    // Reads need no token.
    expect((await request(t.app).get('/api/flows').set('Cookie', cookie)).status).toBe(200);
  });

  it('does not ask API-token requests for a CSRF token', async () => {
    t = await makeTestApp();
    const secret = await t.token('editor');
    const res = await request(t.app).post('/api/flows').set('Authorization', `Bearer ${secret}`).send({ name: 'from CI' });
    expect(res.status).toBe(201);
    expect(res.body.updatedBy).toEqual({ id: expect.any(String), name: 'API token "editor script"' });
  });

  it('refuses an unknown API token with 401', async () => {
    t = await makeTestApp();
    const res = await request(t.app).get('/api/flows').set('Authorization', 'Bearer sbt_notarealtoken');
    expect(res.status).toBe(401);
  });
});
