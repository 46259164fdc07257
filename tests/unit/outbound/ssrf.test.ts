import { afterEach, describe, expect, it } from 'vitest';
import { json, loopbackServer, makeClient, type Harness } from './support/harness';
import type { OutboundRequest } from '../../../api/src/outbound';

const get = (url: string, over: Partial<OutboundRequest> = {}): OutboundRequest => ({
  method: 'GET',
  url,
  headers: [],
  timeoutMs: 2_000,
  maxResponseBytes: 64 * 1024,
  ...over,
});

let h: Harness;
const servers: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await h?.client.close();
  for (const s of servers.splice(0)) await s.close();
});

/** The refusal came from the guard: the harness's throwing connector was never reached. */
function expectRefusedByGuard(result: Awaited<ReturnType<Harness['client']['send']>>) {
  expect(result).toMatchObject({ ok: false, kind: 'refused' });
  expect(h.forbidden).toEqual([]);
}

describe('SSRF guard', () => {
  it.each([
    ['http://127.0.0.1/', 'loopback'],
    ['http://[::1]/', 'loopback'],
    ['http://169.254.169.254/latest/meta-data/', 'linkLocal'],
    ['http://0.0.0.0/', 'unspecified'],
    ['http://[::ffff:127.0.0.1]/', 'ipv4Mapped:loopback'],
    ['http://[::ffff:7f00:1]/', 'ipv4Mapped:loopback'],
    ['http://[fd00:ec2::254]/', 'uniqueLocal'],
    ['http://[64:ff9b::a00:5]/', 'nat64:private'],
    ['http://2130706433/', 'loopback'],
    ['http://0177.0.0.1/', 'loopback'],
    ['http://0x7f.0.0.1/', 'loopback'],
    ['http://0x7f000001/', 'loopback'],
    ['http://127.1/', 'loopback'],
    ['https://10.0.0.5/', 'private'],
    ['http://100.64.1.1:8080/', 'carrierGradeNat'],
  ])('refuses %s before connecting', async (url, range) => {
    h = makeClient([]);
    const result = await h.client.send(get(url));
    expectRefusedByGuard(result);
    // The canonical form reached the guard, and the reason (log only) names the range.
    expect(h.lines.join('\n')).toContain(`is a ${range} address`);
    expect(h.resolver.asked).toEqual([]);
  });

  it('refuses a name that resolves to a private address, after resolving it', async () => {
    h = makeClient([], { 'orders.shop.example': ['10.0.0.5'] });
    expectRefusedByGuard(await h.client.send(get('https://orders.shop.example/api/orders/1')));
    expect(h.resolver.asked).toEqual(['orders.shop.example']);
    expect(h.lines.join('\n')).toContain('orders.shop.example resolves to 10.0.0.5, which is a private address');
  });

  it('refuses a name when any of its addresses is internal (split answers, rebinding)', async () => {
    h = makeClient([], { 'mixed.example': ['93.184.215.14', '127.0.0.1'], 'v6.example': ['2606:4700::1', '::ffff:169.254.169.254'] });
    expectRefusedByGuard(await h.client.send(get('http://mixed.example/')));
    expectRefusedByGuard(await h.client.send(get('http://v6.example/')));
  });

  it('refuses localhost through the real resolution path', async () => {
    h = makeClient([], { localhost: ['127.0.0.1', '::1'] });
    expectRefusedByGuard(await h.client.send(get('http://localhost:9/')));
  });

  it.each(['file:///etc/passwd', 'ftp://files.example/x', 'gopher://127.0.0.1:70/', 'data:application/json,{}', 'not a url', 'http://user:pw@api.example/'])(
    'refuses %s',
    async (url) => {
      h = makeClient([], { 'api.example': ['93.184.215.14'] });
      expectRefusedByGuard(await h.client.send(get(url)));
      expect(h.resolver.asked).toEqual([]);
    },
  );

  it('re-checks a redirect and refuses a hop to a private address', async () => {
    const server = await loopbackServer({
      '/start': (_req, res) => res.writeHead(302, { location: 'http://10.0.0.5/admin' }).end(),
    });
    servers.push(server);
    h = makeClient(['127.0.0.1']);
    const result = await h.client.send(get(`${server.base}/start`));
    expectRefusedByGuard(result);
    expect(server.received.map((r) => r.url)).toEqual(['/start']);
    expect(h.lines.join('\n')).toMatch(/"redirects":1/);
  });

  it('re-checks a redirect to a name that resolves inside the network', async () => {
    const server = await loopbackServer({
      '/start': (_req, res) => res.writeHead(307, { location: 'http://metadata.internal/computeMetadata/v1/' }).end(),
    });
    servers.push(server);
    h = makeClient(['127.0.0.1'], { 'metadata.internal': ['169.254.169.254'] });
    expectRefusedByGuard(await h.client.send(get(`${server.base}/start`)));
    expect(h.resolver.asked).toEqual(['metadata.internal']);
  });

  it('follows 5 redirects and refuses the 6th', async () => {
    const hop = (n: number) => (_req: unknown, res: import('node:http').ServerResponse) => res.writeHead(302, { location: `/r${n + 1}` }).end();
    const routes = Object.fromEntries([0, 1, 2, 3, 4, 5].map((n) => [`/r${n}`, hop(n)]));
    const server = await loopbackServer({ ...routes, '/r5done': () => undefined });
    servers.push(server);
    h = makeClient(['127.0.0.1']);
    expectRefusedByGuard(await h.client.send(get(`${server.base}/r0`)));
    expect(server.received.map((r) => r.url)).toEqual(['/r0', '/r1', '/r2', '/r3', '/r4', '/r5']);
    expect(h.lines.join('\n')).toContain('more than 5 redirects');
  });

  it('arrives after exactly 5 redirects', async () => {
    const hop = (n: number) => (_req: unknown, res: import('node:http').ServerResponse) =>
      n < 5 ? res.writeHead(301, { location: `/r${n + 1}` }).end() : json(res, 200, { hops: n });
    const server = await loopbackServer(Object.fromEntries([0, 1, 2, 3, 4, 5].map((n) => [`/r${n}`, hop(n)])));
    servers.push(server);
    h = makeClient(['127.0.0.1']);
    expect(await h.client.send(get(`${server.base}/r0`))).toMatchObject({ ok: true, status: 200, json: { hops: 5 } });
  });

  it('admits an allowlisted internal host by name, and only that host', async () => {
    const server = await loopbackServer({ '/crm': (_req, res) => json(res, 200, { ok: 1 }) });
    servers.push(server);
    h = makeClient(['crm.corp.example'], { 'crm.corp.example': ['127.0.0.1'], 'other.corp.example': ['127.0.0.1'] });
    expect(await h.client.send(get(`http://crm.corp.example:${server.port}/crm`))).toMatchObject({ ok: true, json: { ok: 1 } });
    expect(server.received[0]!.headers.host).toBe(`crm.corp.example:${server.port}`);
    expectRefusedByGuard(await h.client.send(get(`http://other.corp.example:${server.port}/crm`)));
  });

  it('tells the customer-facing caller only the kind, and logs the detail', async () => {
    h = makeClient([], { 'orders.shop.example': ['10.0.0.5'] });
    const result = await h.client.send(get('https://orders.shop.example/'));
    expect(Object.keys(result).sort()).toEqual(['durationMs', 'kind', 'ok']);
    const line = JSON.parse(h.lines.find((l) => l.includes('HTTP request step failed'))!);
    expect(line.outbound).toMatchObject({ kind: 'refused', method: 'GET', url: 'https://orders.shop.example/' });
    expect(line.outbound.reason).toContain('SWITCHBOARD_HTTP_ALLOWLIST');
  });
});

describe('slow resolution', () => {
  it('times out while the name is still resolving, without connecting', async () => {
    const { createOutboundClient } = await import('../../../api/src/outbound');
    const { loopbackOnlyConnector, capturedLogger } = await import('./support/harness');
    const { connect, forbidden } = loopbackOnlyConnector();
    const client = createOutboundClient({ resolver: () => new Promise(() => undefined), allowlist: [], logger: capturedLogger().logger, connect });
    h = { client, forbidden, resolver: Object.assign(async () => [], { asked: [] }), lines: [] };
    expect(await client.send(get('http://slow-dns.example/', { timeoutMs: 200 }))).toMatchObject({ ok: false, kind: 'timeout' });
    expect(forbidden).toEqual([]);
  });
});
