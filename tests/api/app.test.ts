import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import request from 'supertest';
import { createLogger } from '../../api/src/logger';
import { makeTestApp, PASSWORD, type TestApp } from './support/testApp';

let t: TestApp | undefined;
let dist: string | undefined;
afterEach(async () => {
  await t?.close();
  if (dist) await rm(dist, { recursive: true, force: true });
  t = undefined;
  dist = undefined;
});

describe('security headers', () => {
  it('sends helmet headers, and upgrade-insecure-requests only for an https PUBLIC_URL', async () => {
    t = await makeTestApp();
    const plain = await request(t.app).get('/api/openapi.json');
    expect(plain.headers['x-content-type-options']).toBe('nosniff');
    expect(plain.headers['content-security-policy']).toContain("default-src 'self'");
    expect(plain.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
    expect(plain.headers['x-powered-by']).toBeUndefined();
    await t.close();
    t = await makeTestApp({ env: { PUBLIC_URL: 'https://bots.example.com' } });
    expect((await request(t.app).get('/api/openapi.json')).headers['content-security-policy']).toContain('upgrade-insecure-requests');
  });
});

describe('editor hosting', () => {
  it('serves the built editor, falls back to index.html for app routes, never for /api', async () => {
    dist = await mkdtemp(path.join(os.tmpdir(), 'sb-dist-'));
    await mkdir(path.join(dist, 'assets'));
    await writeFile(path.join(dist, 'index.html'), '<!doctype html><title>Switchboard</title>');
    await writeFile(path.join(dist, 'assets', 'app-123.js'), 'console.log(1)');
    t = await makeTestApp({ editorDist: dist });
    const root = await request(t.app).get('/').set('Accept', 'text/html');
    expect(root.status).toBe(200);
    expect(root.text).toContain('<title>Switchboard</title>');
    expect((await request(t.app).get('/flows/abc/edit').set('Accept', 'text/html')).text).toContain('Switchboard');
    const asset = await request(t.app).get('/assets/app-123.js');
    expect(asset.headers['cache-control']).toContain('immutable');
    const api = await request(t.app).get('/api/unknown').set('Accept', 'text/html');
    expect(api.status).toBe(404);
    expect(api.body.error.code).toBe('not_found');
  });
});

describe('request logging', () => {
  it('writes one line per request, without credentials or bodies', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(...chunk.toString().split('\n').filter(Boolean));
        done();
      },
    });
    t = await makeTestApp({ logger: createLogger('info', sink) });
    lines.length = 0;
    const login = await request(t.app).post('/api/auth/login').send({ email: 'admin@example.com', password: PASSWORD });
    const cookie = ([] as string[]).concat(login.headers['set-cookie'] ?? [])[0]!.split(';')[0]!;
    const secret = await t.token('admin');
    await request(t.app).get('/api/users').set('Cookie', cookie);
    await request(t.app).get('/api/users?x=1').set('Authorization', `Bearer ${secret}`);
    const requestLines = lines.map((l) => JSON.parse(l) as { req?: { method: string; path: string }; res?: { statusCode: number } }).filter((l) => l.req);
    expect(requestLines.map((l) => [l.req!.method, l.req!.path, l.res!.statusCode])).toEqual([
      ['POST', '/api/auth/login', 200],
      ['GET', '/api/users', 200],
      ['GET', '/api/users', 200],
    ]);
    const all = lines.join('\n');
    expect(all).not.toContain(PASSWORD);
    expect(all).not.toContain(cookie.split('=')[1]!);
    expect(all).not.toContain(secret);
    expect(all).not.toContain(login.body.csrfToken);
  });

  it('logs a 5xx with its stack but never returns the stack', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    t = await makeTestApp({ logger: createLogger('info', sink) });
    // A store failure stands in for any unexpected bug.
    t.deps.stores.flows.list = () => Promise.reject(new Error('disk on fire'));
    const secret = await t.token('editor');
    const res = await request(t.app).get('/api/flows').set('Authorization', `Bearer ${secret}`);
    expect(res.status).toBe(500);
    expect(res.body).toEqual({ error: { code: 'internal', message: expect.any(String), details: [] } });
    expect(res.text).not.toContain('disk on fire');
    expect(lines.join('')).toMatch(/disk on fire.*at /s);
  });
});
