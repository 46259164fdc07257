import fc from 'fast-check';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chatFlowDocument } from '../../unit/chat/support/chatFlow';
import { assertHealthy, fill, servedApp, type Operation, type ServedApp } from './support/routeTable';

// Fixed seed and run counts: the same requests every time, a few seconds per role.
const SEED = 20261206;
const RUNS = 120;

let served: ServedApp;
let prototypeKeys: string[];
let validIds: string[];

beforeAll(async () => {
  prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();
  served = await servedApp();
  // Real ids the fuzzer may hit, none of them the accounts or the flow the health check needs.
  const flow = chatFlowDocument({ id: 'fuzz-flow' });
  await served.t.deps.stores.flows.create(flow, null);
  await served.t.deps.stores.flows.publish(flow.id, { note: 'fuzz', by: null, flow });
  const spare = await served.t.deps.stores.users.create({ email: 'spare@example.com', name: 'Spare', role: 'agent', passwordHash: 'x' });
  if (!spare.ok) throw new Error('could not create the spare account');
  const started = await request(served.t.app).post('/api/chat/fuzz-flow/sessions').send({});
  validIds = ['fuzz-flow', spare.user.id, String(started.body.sessionId), '1', 'API_KEY'];
});
afterAll(async () => {
  await served.close();
});

const hostileIds = fc.constantFrom(
  '__proto__',
  'constructor',
  'toString',
  '%',
  '%E0%A4%A',
  '%00',
  '..',
  '%2e%2e%2f',
  'a'.repeat(300),
  '%3Cscript%3E',
  '%F0%9F%98%80',
  "'%20OR%201=1",
  '-1',
  '0',
  '1e9',
);
const ids = fc.oneof(
  fc.constantFrom(...['fuzz-flow', '1']),
  hostileIds,
  fc.string({ maxLength: 40 }).map((s) => encodeURIComponent(s) || 'x'),
);

const rawBodies = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
  fc.constantFrom(
    '{"__proto__":{"polluted":1}}',
    '{"constructor":{"prototype":{"polluted":1}}}',
    '{"tests":[]}',
    '{"document":{"__proto__":{"x":1}}}',
    '{"email":"admin@example.com","password":"x"}',
    '{"value":"v","hosts":["__proto__"]}',
    '{"nodeId":"__proto__","variables":{"__proto__":"x"}}',
    '{"text":"' + 'a'.repeat(5000) + '"}',
    '[' .repeat(2000) + ']'.repeat(2000),
    '{',
    '',
    'null',
    '"\\u0000"',
  ),
);

const headerSets = fc.record({
  contentType: fc.constantFrom('application/json', 'text/plain', 'application/json; charset=utf-16', 'application/x-www-form-urlencoded', 'application/json; charset=bogus'),
  authorization: fc.option(fc.constantFrom('Bearer ', 'Bearer sbt_nope', 'Bearer __proto__', 'Basic Zm9vOmJhcg==', 'Bearer ' + 'x'.repeat(5000)), { nil: undefined }),
  origin: fc.option(fc.constantFrom('https://evil.example', 'null', 'http://[::1', '%'), { nil: undefined }),
  csrf: fc.option(fc.constantFrom('', '__proto__', 'x'.repeat(200)), { nil: undefined }),
});

interface HeaderSet {
  contentType: string;
  authorization: string | undefined;
  origin: string | undefined;
  csrf: string | undefined;
}

type Caller = 'admin' | 'editor' | 'agent' | 'anonymous';

async function call(op: Operation, caller: Caller, id: string, body: string, headers: HeaderSet) {
  const values = Object.fromEntries(op.params.map((p) => [p, p === 'n' ? id.replace(/\D/g, '') || '1' : id]));
  const url = fill(op.path, values);
  let req = request(served.t.app)[op.method](url).set('Content-Type', headers.contentType);
  if (caller !== 'anonymous') {
    const account = served.t.accounts[caller];
    req = req.set('Cookie', account.cookie).set('X-CSRF-Token', headers.csrf ?? account.csrf);
  }
  if (headers.authorization !== undefined) req = req.set('Authorization', headers.authorization);
  if (headers.origin !== undefined) req = req.set('Origin', headers.origin);
  const res = op.method === 'get' || op.method === 'delete' ? await req : await req.send(body);
  return { url, status: res.status, body: res.body as unknown };
}

describe('API fuzz: every documented route, every role, valid and hostile input', () => {
  it.each<Caller>(['anonymous', 'agent', 'editor', 'admin'])(
    'never answers 5xx as %s',
    async (caller) => {
      const ops = served.ops;
      await fc.assert(
        fc.asyncProperty(fc.nat({ max: ops.length - 1 }), fc.oneof(ids, fc.constantFrom(...validIds)), rawBodies, headerSets, async (i, id, body, headers) => {
          const op = ops[i]!;
          const res = await call(op, caller, id, body, headers);
          if (res.status >= 500) throw new Error(`${op.method.toUpperCase()} ${res.url} -> ${res.status} ${JSON.stringify(res.body)}`);
        }),
        { seed: SEED + caller.length, numRuns: RUNS, endOnFailure: true },
      );
      await assertHealthy(served, prototypeKeys);
    },
    120_000,
  );

  it('visits every documented operation at least once per role', async () => {
    // The property picks operations at random; this walk makes sure none is skipped.
    const failures: string[] = [];
    for (const caller of ['anonymous', 'agent', 'editor', 'admin'] as const) {
      for (const op of served.ops) {
        const res = await call(op, caller, '__proto__', '{}', { contentType: 'application/json', authorization: undefined, origin: undefined, csrf: undefined });
        if (res.status >= 500) failures.push(`${caller} ${op.method} ${res.url} -> ${res.status}`);
      }
    }
    expect(failures).toEqual([]);
    await assertHealthy(served, prototypeKeys);
  }, 120_000);
});
