import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { json, loopbackServer, makeClient, type Harness } from './support/harness';
import type { OutboundRequest } from '../../../api/src/outbound';
import { openLowdbStores } from '../../../api/src/storage/lowdb/openStores';
import { createSecretVault, resolveRequest, type SecretVault } from '../../../api/src/secrets';
import { extractMappings, prepareRequest, type HttpRequestSpec } from '../../../runtime/src/http';

const TOKEN = 'tok_7Hs9-very-private';
let server: Awaited<ReturnType<typeof loopbackServer>>;
let other: Awaited<ReturnType<typeof loopbackServer>>;
let vault: SecretVault;
let dataDir: string;
let h: Harness;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'sb-outbound-'));
  const stores = await openLowdbStores(dataDir, Date.now);
  vault = createSecretVault(stores.secrets, async () => Buffer.alloc(32, 7));
  await vault.set('SHOP_TOKEN', TOKEN, ['127.0.0.1', 'localhost']);
  other = await loopbackServer({ '/landing': (req, res) => json(res, 200, { authorization: req.headers.authorization ?? null, apiKey: req.headers['x-api-key'] ?? null }) });
  server = await loopbackServer({
    '/orders/A-17': (req, res, body) =>
      req.headers.authorization === `Bearer ${TOKEN}`
        ? json(res, 200, { order: { id: 'A-17', status: 'shipped', items: [{ name: 'Kettle' }] }, echo: { query: req.url, body: body ? JSON.parse(body) : null } })
        : json(res, 401, { error: 'bad token' }),
    '/never': () => undefined,
    '/missing': (_req, res) => json(res, 404, { error: 'no such order' }),
    '/boom': (_req, res) => json(res, 500, { error: 'down' }),
    '/html': (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<html>maintenance</html>'),
    '/big': (_req, res) => json(res, 200, { blob: 'x'.repeat(5_000) }),
    '/big-chunked': (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"blob": "');
      const timer = setInterval(() => res.write('x'.repeat(1_000)), 5);
      res.on('close', () => clearInterval(timer));
    },
    '/empty': (_req, res) => res.writeHead(204).end(),
    '/see-other': (_req, res) => res.writeHead(303, { location: '/echo' }).end(),
    '/temporary': (_req, res) => res.writeHead(307, { location: '/echo' }).end(),
    '/echo': (req, res, body) => json(res, 200, { method: req.method, body, contentType: req.headers['content-type'] ?? null }),
    '/elsewhere': (_req, res) => res.writeHead(302, { location: `${other.base}/landing` }).end(),
  });
});
afterAll(async () => {
  await server.close();
  await other.close();
  await rm(dataDir, { recursive: true, force: true });
});
afterEach(async () => {
  expect(h.forbidden).toEqual([]);
  await h.client.close();
});

const send = (over: Partial<OutboundRequest>) =>
  h.client.send({ method: 'GET', url: `${server.base}/`, headers: [], timeoutMs: 2_000, maxResponseBytes: 64 * 1024, ...over });

describe('outbound client against an allowlisted loopback server', () => {
  it('sends a prepared request with its secret and maps the answer into variables', async () => {
    h = makeClient(['127.0.0.1']);
    const spec: HttpRequestSpec = {
      method: 'POST',
      url: `${server.base}/orders/{{order}}?lang={{lang}}&key={{secret.SHOP_TOKEN}}`,
      headers: [{ name: 'Authorization', value: 'Bearer {{secret.SHOP_TOKEN}}' }],
      body: '{"order": "{{order}}", "note": "{{note}}"}',
      timeoutMs: 2_000,
      responseMapping: [
        { path: '$.order.status', variable: 'status' },
        { path: 'order.items[0].name', variable: 'firstItem' },
        { path: '$.echo.body.note', variable: 'note_back' },
        { path: '$.order.eta', variable: 'eta' },
      ],
    };
    const prepared = prepareRequest(spec, { order: 'A-17', lang: 'pl', note: 'ring "twice"' }, await vault.names());
    expect(JSON.stringify(prepared)).not.toContain(TOKEN);
    const result = await h.client.send(await resolveRequest(prepared, vault));
    expect(result).toMatchObject({ ok: true, status: 200 });
    if (!result.ok) return;
    expect(result.durationMs).toBeGreaterThanOrEqual(0);
    expect(extractMappings(result.json, spec.responseMapping).values).toEqual({ status: 'shipped', firstItem: 'Kettle', note_back: 'ring "twice"', eta: null });
    expect(server.received.at(-1)!.url).toBe(`/orders/A-17?lang=pl&key=${TOKEN}`);
    expect(server.received.at(-1)!.headers['content-type']).toBe('application/json');
  });

  it('times out on a server that never answers', async () => {
    h = makeClient(['127.0.0.1']);
    const result = await send({ url: `${server.base}/never`, timeoutMs: 200 });
    expect(result).toMatchObject({ ok: false, kind: 'timeout' });
    expect(h.lines.join('\n')).toContain('"kind":"timeout"');
  });

  it.each([
    ['/missing', 404],
    ['/boom', 500],
  ])('takes a non-2xx answer from %s as a status error', async (route, status) => {
    h = makeClient(['127.0.0.1']);
    expect(await send({ url: `${server.base}${route}` })).toMatchObject({ ok: false, kind: 'status', status });
  });

  it('reports a body that is not JSON', async () => {
    h = makeClient(['127.0.0.1']);
    expect(await send({ url: `${server.base}/html` })).toMatchObject({ ok: false, kind: 'invalidJson' });
  });

  it('takes an empty 204 as success with nothing to map', async () => {
    h = makeClient(['127.0.0.1']);
    expect(await send({ url: `${server.base}/empty`, method: 'DELETE' })).toMatchObject({ ok: true, status: 204, json: null });
  });

  it('refuses a body over the cap, declared or streamed', async () => {
    h = makeClient(['127.0.0.1']);
    expect(await send({ url: `${server.base}/big`, maxResponseBytes: 1_000 })).toMatchObject({ ok: false, kind: 'tooLarge' });
    expect(await send({ url: `${server.base}/big-chunked`, maxResponseBytes: 20_000 })).toMatchObject({ ok: false, kind: 'tooLarge' });
    expect(await send({ url: `${server.base}/big`, maxResponseBytes: 6_000 })).toMatchObject({ ok: true });
  });

  it('reports a refused connection as a network error', async () => {
    h = makeClient(['127.0.0.1']);
    const closed = await loopbackServer({});
    const url = `${closed.base}/x`;
    await closed.close();
    expect(await send({ url })).toMatchObject({ ok: false, kind: 'network' });
  });

  it('continues a POST as a body-less GET after 303, and keeps it after 307', async () => {
    h = makeClient(['127.0.0.1']);
    const post = { method: 'POST' as const, body: '{"a":1}', headers: [{ name: 'Content-Type', value: 'application/json' }] };
    expect(await send({ ...post, url: `${server.base}/see-other` })).toMatchObject({ ok: true, json: { method: 'GET', body: '', contentType: null } });
    expect(await send({ ...post, url: `${server.base}/temporary` })).toMatchObject({
      ok: true,
      json: { method: 'POST', body: '{"a":1}', contentType: 'application/json' },
    });
  });

  it('does not carry credentials to another origin on a redirect', async () => {
    h = makeClient(['127.0.0.1']);
    const headers = [
      { name: 'Authorization', value: `Bearer ${TOKEN}` },
      { name: 'X-Api-Key', value: TOKEN },
    ];
    expect(await send({ url: `${server.base}/elsewhere`, headers })).toMatchObject({ ok: true, json: { authorization: null, apiKey: null } });
  });

  it('logs a failure with its detail but without secrets or header values', async () => {
    h = makeClient(['127.0.0.1']);
    const ready = await resolveRequest(
      prepareRequest(
        {
          method: 'POST',
          url: `${server.base}/boom/{{secret.SHOP_TOKEN}}?key={{secret.SHOP_TOKEN}}`,
          headers: [{ name: 'Authorization', value: 'Bearer {{secret.SHOP_TOKEN}}' }],
          body: '{"token": "{{secret.SHOP_TOKEN}}"}',
          responseMapping: [],
        },
        {},
        await vault.names(),
      ),
      vault,
    );
    const result = await h.client.send({ ...ready, url: ready.url.replace(`/boom/${TOKEN}`, '/boom') });
    expect(result).toMatchObject({ ok: false, kind: 'status', status: 500 });
    const notFound = await h.client.send(ready);
    expect(notFound).toMatchObject({ ok: false, kind: 'status', status: 404 });
    const log = h.lines.join('\n');
    expect(log).toContain('HTTP request step failed');
    // The origin and query keys only: path segments and values may hold secrets or customers' answers.
    expect(log).toContain(`${server.base}/…?key=…`);
    expect(log).not.toContain(TOKEN);
    expect(log).not.toContain('Bearer');
  });
});
