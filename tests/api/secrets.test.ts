import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import { as, makeTestApp, type TestApp } from './support/testApp';
import { createLogger } from '../../api/src/logger';
import type { Role } from '../../api/src/storage/userStore';
import { describeOnEachBackend, EMBEDDED } from './support/backends';

const VALUE = 'sk_live_51Hq-VERY-SECRET-token/+=?&"<>';

/** Every form the value could leak in: raw, JSON-escaped, URL-encoded, base64. */
function expectNoLeak(text: string) {
  for (const form of [VALUE, JSON.stringify(VALUE).slice(1, -1), encodeURIComponent(VALUE), Buffer.from(VALUE).toString('base64'), 'VERY-SECRET']) {
    expect(text).not.toContain(form);
  }
}

describeOnEachBackend('secrets', (backend) => {
  const lines: string[] = [];
  let t: TestApp;

  beforeAll(async () => {
    const logger = createLogger(
      'trace',
      new Writable({
        write(chunk, _enc, done) {
          lines.push(String(chunk));
          done();
        },
      }),
    );
    t = await makeTestApp({ backend, logger });
  });
  afterAll(() => t.close());

  const admin = () => as(t.app, t.accounts.admin);

  describe('secrets API', () => {
    it('creates, lists by name, replaces and deletes a secret', async () => {
      const created = await admin().put('/api/secrets/SHOP_TOKEN').send({ value: VALUE, hosts: ['127.0.0.1'] });
      expect(created.status).toBe(201);
      expect(created.body).toEqual({ secret: { name: 'SHOP_TOKEN', hosts: ['127.0.0.1'], createdAt: '2026-03-02T09:00:00.000Z', updatedAt: '2026-03-02T09:00:00.000Z' } });

      t.now.value += 60_000;
      const replaced = await admin().put('/api/secrets/SHOP_TOKEN').send({ value: `${VALUE}-2` });
      expect(replaced.status).toBe(200);
      expect(replaced.body.secret).toEqual({ name: 'SHOP_TOKEN', hosts: ['127.0.0.1'], createdAt: '2026-03-02T09:00:00.000Z', updatedAt: '2026-03-02T09:01:00.000Z' });

      await admin().put('/api/secrets/CRM_KEY').send({ value: 'crm', hosts: ['127.0.0.1'] });
      const list = await as(t.app, t.accounts.editor).get('/api/secrets');
      expect(list.status).toBe(200);
      expect(list.body.secrets.map((s: { name: string }) => s.name)).toEqual(['CRM_KEY', 'SHOP_TOKEN']);
      expect(Object.keys(list.body.secrets[0]).sort()).toEqual(['createdAt', 'hosts', 'name', 'updatedAt']);

      expect((await admin().delete('/api/secrets/CRM_KEY')).status).toBe(204);
      expect((await admin().delete('/api/secrets/CRM_KEY')).status).toBe(404);
      expect((await admin().get('/api/secrets')).body.secrets.map((s: { name: string }) => s.name)).toEqual(['SHOP_TOKEN']);
    });

    it.each(['lower', 'A-B', '1ABC', '_X', 'A'.repeat(65)])('refuses the name %s with a pointed error', async (name) => {
      const res = await admin().put(`/api/secrets/${name}`).send({ value: 'x', hosts: ['127.0.0.1'] });
      expect(res.status).toBe(400);
      expect(res.body.error.details[0].path).toBe('params.name');
    });

    it.each([[{}], [{ value: '' }], [{ value: 42 }], [{ value: 'x', extra: 1 }]])('refuses the body %j', async (body) => {
      const res = await admin().put('/api/secrets/OK_NAME').send(body);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('invalid_request');
    });

    it('keeps the plaintext out of everything it stores', async () => {
      await admin().put('/api/secrets/STORE_CHECK').send({ value: VALUE, hosts: ['127.0.0.1'] });
      const stored = await t.storedText();
      expect(stored).toContain('STORE_CHECK');
      expectNoLeak(stored);
    });

    it.runIf(backend === EMBEDDED)('keeps its data files private to the server user', async () => {
      await admin().put('/api/secrets/DISK_CHECK').send({ value: VALUE, hosts: ['127.0.0.1'] });
      const file = path.join(t.dataDir, 'secrets.json');
      const stored = JSON.parse(await readFile(file, 'utf8')).secrets.find((s: { name: string }) => s.name === 'DISK_CHECK');
      expect(Buffer.from(stored.value.iv, 'base64')).toHaveLength(12);
      expect((await stat(file)).mode & 0o077).toBe(0);
      const key = path.join(t.dataDir, 'secret.key');
      expect((await stat(key)).mode & 0o777).toBe(0o600);
    });

    it('never returns the value, and never logs it', async () => {
      await admin().put('/api/secrets/LOG_CHECK').send({ value: VALUE, hosts: ['127.0.0.1'] });
      const responses = [
        await admin().get('/api/secrets'),
        await admin().put('/api/secrets/LOG_CHECK').send({ value: VALUE, hosts: ['127.0.0.1'] }),
        await admin().get('/api/settings'),
        await admin().get('/api/openapi.json'),
        await admin().get('/api/secrets/LOG_CHECK'),
      ];
      for (const res of responses) expectNoLeak(JSON.stringify(res.body) + JSON.stringify(res.headers));
      expect(lines.length).toBeGreaterThan(0);
      expectNoLeak(lines.join('\n'));
    });
  });

  describe('secrets roles', () => {
    const cases: { method: 'get' | 'put' | 'delete'; path: string; allowed: Role[] }[] = [
      { method: 'get', path: '/api/secrets', allowed: ['admin', 'editor'] },
      { method: 'put', path: '/api/secrets/ROLE_CHECK', allowed: ['admin'] },
      { method: 'delete', path: '/api/secrets/NOT_THERE', allowed: ['admin'] },
    ];

    it.each(cases)('$method $path', async ({ method, path: url, allowed }) => {
      const anonymous = await request(t.app)[method](url).send({ value: 'x', hosts: ['127.0.0.1'] });
      expect(anonymous.status).toBe(401);
      for (const role of ['admin', 'editor', 'agent'] as const) {
        const viaCookie = await as(t.app, t.accounts[role])[method](url).send({ value: 'x', hosts: ['127.0.0.1'] });
        const viaToken = await request(t.app)[method](url).set('Authorization', `Bearer ${await t.token(role)}`).send({ value: 'x', hosts: ['127.0.0.1'] });
        for (const res of [viaCookie, viaToken]) {
          if (allowed.includes(role)) expect([200, 201, 204, 404]).toContain(res.status);
          else expect(res.status).toBe(403);
        }
      }
    });

    it('refuses a cookie-authenticated change without the CSRF token', async () => {
      const res = await request(t.app).put('/api/secrets/CSRF_CHECK').set('Cookie', t.accounts.admin.cookie).send({ value: 'x', hosts: ['127.0.0.1'] });
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('csrf');
    });
  });

  describe('secrets with the wrong key', () => {
    it('answers 503 with what the operator must do', async () => {
      const other = await makeTestApp({ backend });
      try {
        // As if secrets.json had been written under another key.
        await other.deps.stores.secrets.setKeyCheck('fingerprint of another key');
        const res = await as(other.app, other.accounts.admin).put('/api/secrets/NEW_ONE').send({ value: 'x', hosts: ['127.0.0.1'] });
        expect(res.status).toBe(503);
        expect(res.body.error.code).toBe('secret_key_mismatch');
        expect(res.body.error.message).toMatch(/SWITCHBOARD_SECRET_KEY/);
        expect((await as(other.app, other.accounts.editor).get('/api/secrets')).status).toBe(200);
      } finally {
        await other.close();
      }
    });
  });
});
