import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import { makeTestApp, type TestApp } from './support/testApp';
import { listRoutes } from '../../api/src/openapi/routeWalker';
import { createChatModule, type ChatModule } from '../../api/src/chat/chatModule';
import { contract, contractRoutes } from '../../api/src/contract';
import { toOpenApiPath } from '../../api/src/openapi/fromContract';
import { checkAnswer } from './support/contractCheck';

let t: TestApp;
let chat: ChatModule | undefined;

beforeAll(async () => {
  // Everything mounted as in server.ts: the chat area and the widget too.
  t = await makeTestApp({
    chat: (deps) => {
      chat = createChatModule(deps);
      return chat.routes;
    },
    widget: (deps) => ({ flows: deps.stores.flows, publicUrl: null, widgetFile: '/nonexistent/widget.js' }),
  });
});
afterAll(async () => {
  await chat?.close();
  await t.close();
});

const key = (method: string, path: string) => `${method.toUpperCase()} ${path}`;

describe('OpenAPI document', () => {
  it('documents every route the app serves, and nothing else', async () => {
    const doc = (await request(t.app).get('/api/openapi.json')).body as { paths: Record<string, Record<string, { 'x-websocket'?: boolean }>> };
    const documented = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([, op]) => !op['x-websocket'])
        .map(([method]) => key(method, path)),
    );
    // OPTIONS routes are CORS preflights, which OpenAPI does not describe.
    const served = listRoutes(t.app)
      .filter((r) => r.method !== 'options')
      .map((r) => key(r.method, r.path));
    expect([...new Set(served)].sort()).toEqual([...new Set(documented)].sort());
    expect(served).toContain('GET /api/flows/{id}/versions/{n}');
    expect(served).toContain('POST /api/chat/{flowId}/sessions');
  });

  it('is OpenAPI 3.1 with schemas generated from the zod schemas', async () => {
    const doc = (await request(t.app).get('/api/openapi.json')).body;
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.components.schemas.FlowDocument.properties.nodes.type).toBe('array');
    expect(doc.components.schemas.Error.properties.error.required).toEqual(['code', 'message', 'details']);
    const login = doc.paths['/api/auth/login'].post;
    expect(login.requestBody.content['application/json'].schema.required).toEqual(['email', 'password']);
    expect(Object.keys(doc.paths['/api/flows/{id}'].put.responses)).toEqual(expect.arrayContaining(['200', '400', '409', '428']));
  });
});

describe('API contract', () => {
  it('mounts every route the contract declares, and only those', () => {
    // OPTIONS routes are CORS preflights, answered before any route and not part of the API.
    const served = listRoutes(t.app)
      .filter((r) => r.method !== 'options')
      .map((r) => key(r.method, r.path));
    const declared = contractRoutes()
      .filter((r) => !r.websocket)
      .map((r) => key(r.method, toOpenApiPath(r.path)));
    expect([...served].sort()).toEqual([...declared].sort());
    // Each once: two routers answering the same route would hide one of them.
    expect(new Set(served).size).toBe(served.length);
  });

  it('checks the answers API tests get against the contract, and catches a wrong one', async () => {
    const before = t.contract.checked;
    await request(t.app).get('/api/openapi.json');
    expect(t.contract.checked).toBe(before + 1);
    const route = contract.samples.list;
    const sample = { id: 's1', name: 'Orders', description: '', locale: 'pl' };
    expect(checkAnswer(route, 200, 'application/json', JSON.stringify({ samples: [sample] }))).toBeNull();
    // A field the contract does not have: zod strips it, the generated document refuses it.
    const extra = JSON.stringify({ samples: [{ ...sample, secret: 'x' }] });
    expect(checkAnswer(route, 200, 'application/json', extra)).toMatch(/OpenAPI/);
    expect(checkAnswer(route, 200, 'application/json', JSON.stringify({ samples: null }))).toMatch(/GET \/api\/samples → 200/);
    expect(checkAnswer(route, 201, 'application/json', JSON.stringify({ samples: [] }))).toMatch(/status not in the contract/);
    expect(checkAnswer(route, 401, 'application/json', JSON.stringify({ error: { code: 'x', message: 'y', details: [] } }))).toBeNull();
  });
});

describe('contract sources', () => {
  it('name schemas with named(), the registry the document reads, never zod’s global .meta({id})', async () => {
    const { readdir, readFile } = await import('node:fs/promises');
    const dir = new URL('../../api/src/contract/', import.meta.url);
    const offenders: string[] = [];
    for (const file of await readdir(dir)) {
      if ((await readFile(new URL(file, dir), 'utf8')).includes('.meta(')) offenders.push(file);
    }
    expect(offenders).toEqual([]);
  });
});

describe('route walker', () => {
  it('finds routes in nested routers with their mount paths and parameters', async () => {
    const express = (await import('express')).default;
    const app = express();
    const inner = express.Router();
    inner.get('/:n', () => undefined);
    inner.post('/', () => undefined);
    app.use('/api/things/:id/parts', inner);
    app.use((_req, _res, next) => next());
    app.delete('/api/things/:id', () => undefined);
    expect(listRoutes(app)).toEqual([
      { method: 'get', path: '/api/things/{id}/parts/{n}' },
      { method: 'post', path: '/api/things/{id}/parts' },
      { method: 'delete', path: '/api/things/{id}' },
    ]);
  });
});
