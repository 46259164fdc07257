import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactPath, launchBrowser, login, startTestServer, type TestServer } from './support';

const SECRET_VALUE = 'sk_live_e2e_7f3a9c1d0b2e4f68';
const FLOW_NAME = 'Order lookup with a secret';

let server: TestServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

/** The signed-in admin's API calls, made from the page so the session cookie and CSRF token apply. */
async function api(method: string, url: string, body?: unknown): Promise<{ status: number; text: string }> {
  return page.evaluate(
    async ({ method, url, body }) => {
      const me = await (await fetch('/api/auth/me')).json();
      const res = await fetch(url, {
        method,
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': me.csrfToken },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, text: await res.text() };
    },
    { method, url, body },
  );
}

function lookupFlow() {
  const p = { x: 0, y: 0 };
  return {
    schemaVersion: 2,
    id: 'order-lookup',
    name: FLOW_NAME,
    nodes: [
      { id: 'start', type: 'start', position: p, data: {} },
      {
        id: 'lookup',
        type: 'httpRequest',
        position: { x: 320, y: 0 },
        data: { method: 'GET', url: 'https://shop.example.com/api/orders/{{orderId}}', headers: [], responseMapping: [{ path: '$.status', variable: 'status' }] },
      },
      { id: 'ok', type: 'message', position: { x: 640, y: -80 }, data: { text: 'Your order is {{status}}.' } },
      { id: 'failed', type: 'message', position: { x: 640, y: 120 }, data: { text: 'The shop is not answering right now.' } },
    ],
    edges: [
      { id: 'e1', source: 'start', sourceHandle: 'next', target: 'lookup' },
      { id: 'e2', source: 'lookup', sourceHandle: 'success', target: 'ok' },
      { id: 'e3', source: 'lookup', sourceHandle: 'error', target: 'failed' },
    ],
  };
}

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US', acceptDownloads: true });
  page = await context.newPage();
  page.on('dialog', (d) => void d.accept());
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

describe('exporting a flow that uses a secret', () => {
  it('puts the reference in the file, never the value', async () => {
    await login(page, server);
    const put = await api('PUT', '/api/secrets/API_KEY', { value: SECRET_VALUE, hosts: ['127.0.0.1', 'localhost'] });
    expect(put.status, put.text).toBe(201);
    expect(put.text).not.toContain(SECRET_VALUE);
    const created = await api('POST', '/api/flows', { document: lookupFlow() });
    expect(created.status, created.text).toBe(201);
    const flowId = (JSON.parse(created.text) as { id: string }).id;

    // Wire the secret into a header in the editor, through the secrets list.
    await page.goto(`${server.url}/flows/${encodeURIComponent(flowId)}`);
    const card = page.locator('.sb-canvas .react-flow__node:has(.sbn[data-kind="httpRequest"])');
    await card.click();
    const form = page.locator('.fe-inspector');
    await form.getByRole('button', { name: 'Add a header' }).click();
    await form.getByLabel('Name of header 1').fill('Authorization');
    await form.getByRole('combobox', { name: 'Value of header 1' }).fill('Bearer ');
    await form.getByLabel('Insert a secret into header 1').selectOption('API_KEY');
    await expect.poll(() => form.getByRole('combobox', { name: 'Value of header 1' }).inputValue()).toBe('Bearer {{secret.API_KEY}}');
    await page.locator('[data-testid="save-status"][data-state="saved"]').waitFor({ timeout: 15_000 });

    await page.goto(`${server.url}/`);
    const exportLink = page.getByRole('link', { name: `Export ${FLOW_NAME} as JSON` });
    const [download] = await Promise.all([page.waitForEvent('download'), exportLink.click()]);
    const file = artifactPath('secret-export.json');
    await download.saveAs(file);
    const text = readFileSync(file, 'utf8');

    const exported = JSON.parse(text) as { nodes: { id: string; data: { headers?: unknown } }[] };
    expect(exported.nodes.find((n) => n.id === 'lookup')!.data.headers).toEqual([{ name: 'Authorization', value: 'Bearer {{secret.API_KEY}}' }]);
    expect(text).not.toContain(SECRET_VALUE);
    // Nor is it anywhere else the editor can read.
    for (const url of ['/api/secrets', `/api/flows/${flowId}`, `/api/flows/${flowId}/export`]) {
      const res = await api('GET', url);
      expect(res.status).toBe(200);
      expect(res.text, url).not.toContain(SECRET_VALUE);
    }
  });
});
