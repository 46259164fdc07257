import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import { as } from '../support/testApp';
import { assertHealthy, fill, servedApp, type ServedApp } from './support/routeTable';

// Names that a plain object answers for without having them: indexing a store with one of
// these used to read (or, for __proto__, write) Object.prototype.
const PROTOTYPE_IDS = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__', 'prototype'];
// Bodies that reach the store once the id is accepted (PUT /tests with a valid suite polluted it).
const BODIES: unknown[] = [{}, { tests: [] }];

let served: ServedApp;
let prototypeKeys: string[];
beforeAll(async () => {
  prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();
  served = await servedApp();
});
afterAll(async () => {
  await served.close();
});

describe('ids naming prototype members, on every route', () => {
  it('never answers 5xx, never changes Object.prototype, and leaves sign-in and chat working', async () => {
    const { app, accounts } = served.t;
    const token = await served.t.token('admin');
    const failures: string[] = [];
    const withParams = served.ops.filter((op) => op.params.length > 0);
    expect(withParams.length).toBeGreaterThan(15);
    for (const op of withParams) {
      for (const param of op.params) {
        for (const id of PROTOTYPE_IDS) {
          const url = fill(op.path, { [param]: id, n: '1' });
          const bodyless = op.method === 'get' || op.method === 'delete';
          for (const body of bodyless ? [undefined] : BODIES) {
            const callers = [
              () => as(app, accounts.admin)[op.method](url),
              () => as(app, accounts.editor)[op.method](url),
              () => request(app)[op.method](url).set('Authorization', `Bearer ${token}`),
              () => request(app)[op.method](url).set('Authorization', `Bearer ${id}`),
            ];
            for (const call of callers) {
              const res = bodyless ? await call() : await call().send(body as object);
              if (res.status >= 500) failures.push(`${op.method.toUpperCase()} ${url} ${JSON.stringify(body)} -> ${res.status}`);
            }
          }
        }
      }
    }
    expect(failures).toEqual([]);
    await assertHealthy(served, prototypeKeys);
  }, 60_000);

  it('refuses such a flow id with a clear 400 before it reaches a store', async () => {
    const res = await as(served.t.app, served.t.accounts.editor).put('/api/flows/__proto__/tests').send({ tests: [] });
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].message).toMatch(/reserved/);
    const chat = await request(served.t.app).post('/api/chat/constructor/sessions').send({});
    expect([400, 404]).toContain(chat.status);
    expect(chat.body.error.code).toBeTruthy();
  });

  it('answers a malformed percent-escape in a route parameter with 400', async () => {
    for (const op of served.ops.filter((o) => o.params.length > 0)) {
      const res = await as(served.t.app, served.t.accounts.admin)[op.method](fill(op.path, { n: '1', [op.params[0]!]: '%E0%A4%A' }));
      expect(res.status, `${op.method} ${op.path}`).toBeLessThan(500);
    }
    const res = await as(served.t.app, served.t.accounts.editor).get('/api/flows/%');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_request');
  });
});

describe('the flow store indexed by prototype member names', () => {
  it('finds nothing, writes nothing to Object.prototype, and stores such an id as an ordinary key', async () => {
    const flows = served.t.deps.stores.flows;
    expect(await flows.get('constructor')).toBeNull();
    expect(await flows.setTests('__proto__', [])).toBeNull();
    expect(await flows.getLive('toString')).toBeNull();
    expect(await flows.delete('hasOwnProperty')).toBe(false);
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);
    expect(({} as Record<string, unknown>).tests).toBeUndefined();
  });
});
