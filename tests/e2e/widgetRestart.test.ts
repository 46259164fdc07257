import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { chatFlowDocument } from '../unit/chat/support/chatFlow';
import { artifactPath, launchBrowser, startTestServer, type TestServer } from './support';

let server: TestServer;
let browser: Browser;
let host: http.Server;
let hostUrl = '';
const FLOW_ID = 'widget-restart-e2e';

/** The customer's website, on its own origin: it stays up while the chat server restarts. */
async function startHostSite(): Promise<string> {
  host = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shop</title></head>
<body><h1>Acme Shop</h1><script src="${server.url}/widget.js" data-flow="${FLOW_ID}" async></script></body></html>`);
  });
  await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(host.address() as AddressInfo).port}`;
}

async function publishFlow(): Promise<void> {
  const login = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: server.adminEmail, password: server.adminPassword }),
  });
  expect(login.status).toBe(200);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const headers = { cookie: login.headers.get('set-cookie')!.split(';')[0]!, 'x-csrf-token': csrfToken, 'content-type': 'application/json' };
  const document = chatFlowDocument({ id: FLOW_ID, allowedOrigins: [hostUrl] });
  const created = await fetch(`${server.url}/api/flows`, { method: 'POST', headers, body: JSON.stringify({ document }) });
  expect(created.status).toBe(201);
  const published = await fetch(`${server.url}/api/flows/${FLOW_ID}/publish`, { method: 'POST', headers, body: JSON.stringify({ note: 'restart e2e' }) });
  expect(published.status).toBe(201);
}

beforeAll(async () => {
  server = await startTestServer();
  hostUrl = await startHostSite();
  await publishFlow();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await new Promise((r) => host?.close(r));
  await server?.stop();
});

const bubbles = (page: Page) => page.locator('[data-switchboard-widget] .sb-msg .sb-text');
const banner = (page: Page) => page.locator('[data-switchboard-widget] .sb-banner');
const EARLIER = ['Hello from v1', 'What do you need?', 'Order status', 'Your order number?'];

it('shows the offline state while the server is down, reconnects after it restarts, and the conversation goes on', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  // When the chat socket last received a frame from the server (it greets every new connection).
  const framesAt: number[] = [];
  page.on('websocket', (ws) => {
    if (ws.url().includes('/api/chat/sessions/')) ws.on('framereceived', () => framesAt.push(Date.now()));
  });

  await page.goto(hostUrl);
  await page.locator('.sb-launcher').click();
  await page.getByRole('button', { name: 'Order status' }).click();
  await expect.poll(() => bubbles(page).allTextContents(), { timeout: 15_000 }).toEqual(EARLIER);
  await expect.poll(() => framesAt.length).toBeGreaterThan(0);
  expect(await banner(page).isHidden()).toBe(true);

  await server.halt();
  // The socket drops and polling fails: the widget says so instead of looking alive.
  await banner(page).waitFor({ state: 'visible', timeout: 15_000 });
  expect(await banner(page).textContent()).toBe('Connection lost. Reconnecting…');
  expect(await banner(page).getAttribute('role')).toBe('status');
  await page.screenshot({ path: artifactPath('widget-offline.png') });
  // A few failed attempts, so the backoff is really exercised, before the server comes back.
  await page.waitForTimeout(3000);

  await server.restart();
  const restartedAt = Date.now();
  await banner(page).waitFor({ state: 'hidden', timeout: 45_000 });
  // Back on a WebSocket, not merely on the polling fallback.
  await expect.poll(() => framesAt.filter((t) => t >= restartedAt).length, { timeout: 45_000 }).toBeGreaterThan(0);
  expect(await bubbles(page).allTextContents()).toEqual(EARLIER);

  const field = page.locator('input.sb-field');
  await field.fill('A-123');
  await field.press('Enter');
  await expect.poll(() => bubbles(page).allTextContents(), { timeout: 15_000 }).toEqual([...EARLIER, 'A-123', 'Thanks, order A-123 is on its way.']);
  expect(await banner(page).isHidden()).toBe(true);

  // The restarted server holds the whole conversation too: a reload shows it from storage.
  await page.reload();
  await page.locator('.sb-restart').waitFor({ timeout: 15_000 });
  expect(await bubbles(page).allTextContents()).toEqual([...EARLIER, 'A-123', 'Thanks, order A-123 is on its way.']);
  await context.close();
});
