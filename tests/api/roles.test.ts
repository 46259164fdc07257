import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import { as, makeTestApp, type TestApp } from './support/testApp';
import { validFlow } from './support/flows';
import type { Role } from '../../api/src/storage/userStore';

let t: TestApp;
const FLOW = 'role-flow';

beforeAll(async () => {
  t = await makeTestApp();
  await as(t.app, t.accounts.admin).post('/api/flows').send({ document: validFlow(FLOW) });
  await as(t.app, t.accounts.admin).post(`/api/flows/${FLOW}/publish`).send({ note: 'v1' });
});
afterAll(() => t.close());

type Who = Role | 'anonymous';
interface RouteCase {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  body?: object;
  allowed: Role[];
}

const ADMIN: Role[] = ['admin'];
const EDITORS: Role[] = ['admin', 'editor'];
const ANY: Role[] = ['admin', 'editor', 'agent'];

// Every account-only route of the core API. The "allowed" request may still fail validation;
// what matters here is that it is never refused for the role (401/403).
const ROUTES: RouteCase[] = [
  { method: 'get', path: '/api/auth/me', allowed: ANY },
  { method: 'post', path: '/api/auth/logout', allowed: ANY },
  { method: 'get', path: '/api/users', allowed: ADMIN },
  { method: 'post', path: '/api/users', body: {}, allowed: ADMIN },
  { method: 'patch', path: '/api/users/nobody', body: {}, allowed: ADMIN },
  { method: 'delete', path: '/api/users/nobody', allowed: ADMIN },
  { method: 'get', path: '/api/tokens', allowed: ADMIN },
  { method: 'post', path: '/api/tokens', body: {}, allowed: ADMIN },
  { method: 'delete', path: '/api/tokens/nothing', allowed: ADMIN },
  { method: 'get', path: '/api/settings', allowed: ADMIN },
  { method: 'put', path: '/api/settings', body: {}, allowed: ADMIN },
  { method: 'get', path: '/api/flows', allowed: EDITORS },
  { method: 'post', path: '/api/flows', body: {}, allowed: EDITORS },
  { method: 'get', path: `/api/flows/${FLOW}`, allowed: EDITORS },
  { method: 'put', path: `/api/flows/${FLOW}`, body: {}, allowed: EDITORS },
  { method: 'delete', path: '/api/flows/does-not-exist', allowed: EDITORS },
  { method: 'get', path: `/api/flows/${FLOW}/export`, allowed: EDITORS },
  { method: 'post', path: `/api/flows/${FLOW}/validate`, allowed: EDITORS },
  { method: 'post', path: '/api/flows/does-not-exist/publish', body: {}, allowed: EDITORS },
  { method: 'post', path: '/api/flows/does-not-exist/unpublish', allowed: EDITORS },
  { method: 'get', path: `/api/flows/${FLOW}/versions`, allowed: EDITORS },
  { method: 'get', path: `/api/flows/${FLOW}/versions/1`, allowed: EDITORS },
  { method: 'post', path: '/api/flows/does-not-exist/versions/1/rollback', body: {}, allowed: EDITORS },
  { method: 'get', path: '/api/samples', allowed: EDITORS },
];

const WHO: Who[] = ['anonymous', 'admin', 'editor', 'agent'];

async function call(route: RouteCase, who: Who, via: 'cookie' | 'token') {
  let req: request.Test;
  if (who === 'anonymous') {
    req = request(t.app)[route.method](route.path);
  } else if (via === 'cookie') {
    // A fresh session per call: logout would otherwise end the shared one.
    const account = await t.login(`${who}@example.com`);
    req = as(t.app, account)[route.method](route.path);
  } else {
    req = request(t.app)[route.method](route.path).set('Authorization', `Bearer ${await t.token(who)}`);
  }
  return route.body ? req.send(route.body) : req;
}

describe.each(['cookie', 'token'] as const)('access by role (%s)', (via) => {
  for (const route of ROUTES) {
    for (const who of WHO) {
      const expected = who === 'anonymous' ? 401 : route.allowed.includes(who) ? 'allowed' : 403;
      it(`${route.method.toUpperCase()} ${route.path} as ${who}: ${expected}`, async () => {
        const res = await call(route, who, via);
        if (expected === 'allowed') {
          expect([401, 403]).not.toContain(res.status);
        } else {
          expect(res.status).toBe(expected);
          expect(res.body.error.code).toBe(expected === 401 ? 'unauthenticated' : 'forbidden');
        }
      });
    }
  }
});

it('serves the OpenAPI document without an account', async () => {
  const res = await request(t.app).get('/api/openapi.json');
  expect(res.status).toBe(200);
  expect(res.body.openapi).toBe('3.1.0');
});
