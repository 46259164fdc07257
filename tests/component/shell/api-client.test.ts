import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api, ApiError, NetworkError, onUnauthorized, setCsrfToken } from '../../../editor/src/api';

type Call = { url: string; init: RequestInit };
let calls: Call[];
let responses: (() => Response | Promise<Response>)[];

function json(status: number, body: unknown, headers: Record<string, string> = {}): () => Response {
  return () => new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
}

const headerOf = (call: Call | undefined, name: string) => new Headers(call?.init.headers).get(name);

const flowBody = {
  schemaVersion: 2,
  id: 'f1',
  name: 'Orders',
  description: '',
  locale: 'en',
  variables: [],
  settings: {},
  nodes: [],
  edges: [],
  revision: 4,
  updatedAt: '2026-01-01T00:00:00.000Z',
  updatedBy: { id: 'u1', name: 'Ada' },
  publishedVersion: null,
  hasUnpublishedChanges: false,
  problems: [{ severity: 'warning', code: 'unreachable', message: 'x', nodeId: 'n' }],
};

beforeEach(() => {
  calls = [];
  responses = [];
  setCsrfToken(null);
  vi.stubGlobal('fetch', (url: string, init: RequestInit) => {
    calls.push({ url, init });
    const next = responses.shift();
    if (!next) throw new Error(`unexpected fetch ${url}`);
    return Promise.resolve(next());
  });
});
afterEach(() => vi.unstubAllGlobals());

describe('api client', () => {
  it('keeps the CSRF token from login and sends it only on state-changing requests', async () => {
    responses.push(json(200, { user: { id: 'u', email: 'a@b.c', name: 'A', role: 'admin' }, csrfToken: 'tok-1' }));
    await api.auth.login('a@b.c', 'pw');
    responses.push(json(200, { flows: [] }), json(204, undefined));
    await api.flows.list();
    await api.flows.remove('f 1');
    expect(headerOf(calls[1], 'X-CSRF-Token')).toBeNull();
    expect(calls[2]?.url).toBe('/api/flows/f%201');
    expect(calls[2]?.init.method).toBe('DELETE');
    expect(headerOf(calls[2], 'X-CSRF-Token')).toBe('tok-1');
  });

  it('separates the document from the server bookkeeping', async () => {
    responses.push(json(200, flowBody));
    const detail = await api.flows.get('f1');
    expect(detail.revision).toBe(4);
    expect(detail.updatedBy).toEqual({ id: 'u1', name: 'Ada' });
    expect(detail.problems).toHaveLength(1);
    expect(detail.flow).not.toHaveProperty('revision');
    expect(detail.flow).not.toHaveProperty('problems');
    expect(detail.flow.name).toBe('Orders');
  });

  it('saves with If-Match and reports a stale save as a conflict instead of throwing', async () => {
    responses.push(json(409, { error: { code: 'conflict', message: 'stale', details: [] }, current: { revision: 7, updatedAt: 'T', updatedBy: { id: 'u2', name: 'Bob' } } }));
    const { flow } = { flow: { ...flowBody } } as never as { flow: Parameters<typeof api.flows.save>[1] };
    const result = await api.flows.save('f1', flow, 4);
    expect(headerOf(calls[0], 'If-Match')).toBe('4');
    expect(JSON.parse(String(calls[0]?.init.body))).toMatchObject({ revision: 4, flow: { id: 'f1' } });
    expect(result).toEqual({ ok: false, conflict: { revision: 7, updatedAt: 'T', updatedBy: { id: 'u2', name: 'Bob' } } });

    responses.push(json(200, { ...flowBody, revision: 5, updatedAt: 'T2' }));
    expect(await api.flows.save('f1', flow, 4)).toMatchObject({ ok: true, revision: 5, updatedAt: 'T2' });
  });

  it('throws ApiError with code, details and Retry-After', async () => {
    responses.push(json(400, { error: { code: 'invalid_flow', message: 'Bad', details: [{ path: 'nodes.3.data.text', message: 'Required' }] } }));
    const error = await api.flows.create({ document: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, code: 'invalid_flow', details: [{ path: 'nodes.3.data.text', message: 'Required' }] });

    responses.push(json(429, { error: { code: 'rate_limited', message: 'Slow down', details: [] } }, { 'Retry-After': '90' }));
    await expect(api.auth.login('a@b.c', 'x')).rejects.toMatchObject({ status: 429, retryAfter: 90 });
  });

  it('throws NetworkError when the request never gets an answer', async () => {
    responses.push(() => Promise.reject(new TypeError('Failed to fetch')));
    await expect(api.flows.list()).rejects.toBeInstanceOf(NetworkError);
  });

  it('announces a lost session on 401, except for login and the session check', async () => {
    const listener = vi.fn();
    const stop = onUnauthorized(listener);
    responses.push(json(401, { error: { code: 'invalid_credentials', message: 'no', details: [] } }));
    await expect(api.auth.login('a@b.c', 'x')).rejects.toMatchObject({ code: 'invalid_credentials' });
    responses.push(json(401, { error: { code: 'unauthenticated', message: 'no', details: [] } }));
    expect(await api.auth.me()).toBeNull();
    expect(listener).not.toHaveBeenCalled();

    responses.push(json(401, { error: { code: 'unauthenticated', message: 'no', details: [] } }));
    await expect(api.flows.list()).rejects.toMatchObject({ status: 401 });
    expect(listener).toHaveBeenCalledTimes(1);
    stop();
  });

  it('builds the export URL', () => {
    expect(api.flows.exportUrl('a/b')).toBe('/api/flows/a%2Fb/export');
  });
});
