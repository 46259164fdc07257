import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
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

  it('sends the precompressed copy the browser accepts, with caching fit for hashed and unhashed files', async () => {
    dist = await mkdtemp(path.join(os.tmpdir(), 'sb-dist-'));
    await mkdir(path.join(dist, 'assets'));
    await writeFile(path.join(dist, 'index.html'), '<!doctype html><title>Switchboard</title>');
    const source = `export const big = ${JSON.stringify('switchboard '.repeat(2000))};`;
    await writeFile(path.join(dist, 'assets', 'app-abc.js'), source);
    const brotli = brotliCompressSync(source);
    const gzip = gzipSync(source);
    await writeFile(path.join(dist, 'assets', 'app-abc.js.br'), brotli);
    await writeFile(path.join(dist, 'assets', 'app-abc.js.gz'), gzip);
    await writeFile(path.join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    t = await makeTestApp({ editorDist: dist });
    // supertest decodes bodies itself, so the bytes on the wire are read from Content-Length.
    const asBuffer = (r: request.Test) => r;
    const sent = (res: request.Response) => Number(res.headers['content-length']);

    const br = await asBuffer(request(t.app).get('/assets/app-abc.js').set('Accept-Encoding', 'gzip, deflate, br'));
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers['vary']).toContain('Accept-Encoding');
    expect(br.headers['etag']).toBeTruthy();
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(sent(br)).toBe(brotli.length);
    expect(brotliDecompressSync(brotli).toString()).toBe(source);
    expect(sent(br)).toBeLessThan(source.length / 10);

    const gz = await asBuffer(request(t.app).get('/assets/app-abc.js').set('Accept-Encoding', 'gzip'));
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(sent(gz)).toBe(gzip.length);
    expect(gunzipSync(gzip).toString()).toBe(source);

    const plain = await asBuffer(request(t.app).get('/assets/app-abc.js').set('Accept-Encoding', 'identity'));
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(sent(plain)).toBe(Buffer.byteLength(source));

    const again = await request(t.app).get('/assets/app-abc.js').set('Accept-Encoding', 'br').set('If-None-Match', br.headers['etag']!);
    expect(again.status).toBe(304);

    // Files without a content hash in their name, and the page naming the hashes, revalidate.
    expect((await request(t.app).get('/favicon.svg')).headers['cache-control']).toBe('no-cache');
    expect((await request(t.app).get('/').set('Accept', 'text/html')).headers['cache-control']).toBe('no-cache');
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
