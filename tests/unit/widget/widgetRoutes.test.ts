import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import express from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWidgetRouters } from '../../../api/src/routes/widget';
import { listRoutes } from '../../../api/src/openapi/routeWalker';
import { widgetRoutes } from '../../../api/src/contract/widget';
import { toOpenApiPath } from '../../../api/src/openapi/fromContract';
import { makeTestApp, type TestApp } from '../../api/support/testApp';
import { chatFlowDocument } from '../chat/support/chatFlow';

const SHOP = 'https://shop.example.com';
const SCRIPT = '(function(){console.log("widget")})();';
let t: TestApp;
let dir = '';

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'sb-widget-route-'));
  await writeFile(path.join(dir, 'widget.js'), SCRIPT);
  t = await makeTestApp({
    widget: (deps) => ({ flows: deps.stores.flows, publicUrl: null, widgetFile: path.join(dir, 'widget.js') }),
  });
  const flows = t.deps.stores.flows;
  const live = chatFlowDocument({ id: 'live-flow', allowedOrigins: [SHOP, 'bad origin; script-src *'] });
  live.settings.widget = { title: 'Shop help', primaryColor: '#0f766e', greeting: 'Hi there' };
  await flows.create(live, null);
  await flows.publish('live-flow', { note: '', by: null });
  await flows.create(chatFlowDocument({ id: 'draft-flow' }), null);
  await flows.create(chatFlowDocument({ id: 'x"><script>alert(1)</script>' }), null);
  await flows.publish('x"><script>alert(1)</script>', { note: '', by: null });
});
afterAll(async () => {
  await t.close();
  await rm(dir, { recursive: true, force: true });
});

describe('GET /widget.js', () => {
  it('serves the script to any site, compressed, cacheable, with an ETag', async () => {
    const res = await request(t.app).get('/widget.js').set('Origin', 'https://anywhere.example').set('Accept-Encoding', 'gzip').buffer(true).parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/javascript/);
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(res.headers['cross-origin-resource-policy']).toBe('cross-origin');
    expect(res.headers['cache-control']).toContain('max-age=86400');
    expect(res.headers['content-encoding']).toBe('gzip');
    // supertest inflates the body itself, like a browser.
    expect((res.body as Buffer).toString()).toBe(SCRIPT);

    const etag = res.headers.etag as string;
    expect((await request(t.app).get('/widget.js').set('If-None-Match', etag)).status).toBe(304);
    const versioned = await request(t.app).get(`/widget.js?v=${etag.replaceAll('"', '')}`);
    expect(versioned.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(versioned.text).toBe(SCRIPT);
  });

  it('says plainly when the widget was never built', async () => {
    const bare = await makeTestApp({
      widget: (deps) => ({ flows: deps.stores.flows, publicUrl: null, widgetFile: path.join(dir, 'missing.js') }),
    });
    const res = await request(bare.app).get('/widget.js');
    await bare.close();
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('widget_not_built');
  });
});

describe('GET /chat/:flowId', () => {
  it('is a page that loads the versioned widget in full-page mode', async () => {
    const res = await request(t.app).get('/chat/live-flow');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.text).toMatch(/<script src="\/widget\.js\?v=[0-9a-f]{16}" data-flow="live-flow" data-mode="page"><\/script>/);
    expect(res.text).toContain('<title>Shop help</title>');
    const csp = res.headers['content-security-policy'] as string;
    expect(csp).toContain(`frame-ancestors 'self' ${SHOP}`);
    expect(csp).not.toContain('bad origin');
    expect(csp).toContain("script-src 'self'");
    expect(res.headers['x-frame-options']).toBeUndefined();
  });

  it('escapes the flow id into the page', async () => {
    const res = await request(t.app).get(`/chat/${encodeURIComponent('x"><script>alert(1)</script>')}`);
    expect(res.status).toBe(200);
    expect(res.text).not.toContain('<script>alert(1)');
    expect(res.text).toContain('data-flow="x&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
  });

  it('answers 404 for a flow that is not published', async () => {
    const res = await request(t.app).get('/chat/draft-flow');
    expect(res.status).toBe(404);
    expect(res.text).toContain('not available');
  });
});

describe('GET /api/widget/:flowId', () => {
  it('gives an allowed site the flow’s widget settings with CORS headers', async () => {
    const res = await request(t.app).get('/api/widget/live-flow').set('Origin', SHOP);
    expect(res.status).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBe(SHOP);
    expect(res.body).toEqual({
      flowId: 'live-flow',
      name: 'Chat test flow',
      locale: 'en',
      widget: { title: 'Shop help', primaryColor: '#0f766e', greeting: 'Hi there' },
      privacyNotice: null,
    });
  });

  it('refuses a site the flow does not allow, and 404s unpublished flows', async () => {
    const refused = await request(t.app).get('/api/widget/live-flow').set('Origin', 'https://evil.example');
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('origin_not_allowed');
    // Readable by the refused page, so the widget can say why it does not work there.
    expect(refused.headers['access-control-allow-origin']).toBe('https://evil.example');
    const draft = await request(t.app).get('/api/widget/draft-flow');
    expect(draft.status).toBe(404);
    expect(draft.body.error.code).toBe('flow_not_found');
  });

  it('documents exactly the routes it serves', () => {
    const app = express();
    for (const { prefix, router } of createWidgetRouters({ flows: t.deps.stores.flows, publicUrl: null, widgetFile: 'x' })) app.use(prefix, router);
    const served = listRoutes(app).map((r) => `${r.method} ${r.path}`);
    const documented = Object.values(widgetRoutes).map((r) => `${r.method} ${toOpenApiPath(r.path)}`);
    expect(served.sort()).toEqual(documented.sort());
  });
});
