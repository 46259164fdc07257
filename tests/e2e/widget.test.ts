import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { chatFlowDocument } from '../unit/chat/support/chatFlow';
import { artifactPath, launchBrowser, startTestServer, type TestServer, publishScreenshot } from './support';

let server: TestServer;
let browser: Browser;
const hosts: http.Server[] = [];
let allowedHost = '';
let otherHost = '';
let flowId = '';

/** A customer's website on its own loopback port: a different origin from the chat server. */
async function startHostSite(html: (origin: string) => string): Promise<string> {
  const site = http.createServer((req, res) => {
    if (req.url !== '/' && req.url !== '/other-page') {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html(`http://127.0.0.1:${(site.address() as AddressInfo).port}`));
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  hosts.push(site);
  return `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
}

// Hostile page styles: the shadow root must keep the widget looking like itself.
const shopPage = (id: string) => () => `<!doctype html><html lang="en"><head><meta name="viewport" content="width=device-width, initial-scale=1"><title>Shop</title>
<style>*{font-family:"Comic Sans MS",cursive!important;color:red} button{background:lime;border:5px dashed black} body{margin:0;font:18px serif;background:#fafafa}
header{background:#111;color:#fff;padding:20px 40px} main{padding:40px;max-width:720px}</style></head>
<body><header><h1>Acme Shop</h1></header><main><h2>Summer sale</h2><p>Everything must go. Questions? Ask our assistant in the corner.</p>
<button id="page-button">A page button</button></main>
<script src="${server.url}/widget.js" data-flow="${id}" async></script></body></html>`;

async function api(pathname: string, init: { method?: string; body?: unknown; cookie?: string; csrf?: string } = {}) {
  const res = await fetch(`${server.url}${pathname}`, {
    method: init.method ?? 'GET',
    headers: {
      'content-type': 'application/json',
      ...(init.cookie ? { cookie: init.cookie } : {}),
      ...(init.csrf ? { 'x-csrf-token': init.csrf } : {}),
    },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  return { status: res.status, headers: res.headers, body: (await res.json().catch(() => null)) as Record<string, unknown> };
}

beforeAll(async () => {
  server = await startTestServer();
  // Two sites: only the first is in the flow's allowed origins.
  let pending = '';
  allowedHost = await startHostSite(() => shopPage(pending)());
  otherHost = await startHostSite(() => shopPage(flowId)());

  const login = await api('/api/auth/login', { method: 'POST', body: { email: server.adminEmail, password: server.adminPassword } });
  expect(login.status).toBe(200);
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const csrf = login.body.csrfToken as string;
  const document = chatFlowDocument({ id: 'widget-e2e', allowedOrigins: [allowedHost] });
  document.settings.widget = { title: 'Acme help', primaryColor: '#0f766e', greeting: 'Hi! Questions about your order?' };
  const created = await api('/api/flows', { method: 'POST', body: { document }, cookie, csrf });
  expect(created.status).toBe(201);
  flowId = created.body.id as string;
  pending = flowId;
  const published = await api(`/api/flows/${flowId}/publish`, { method: 'POST', body: { note: 'widget e2e' }, cookie, csrf });
  expect(published.status).toBe(201);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  for (const h of hosts) await new Promise((r) => h.close(r));
  await server?.stop();
});

const POLL = { timeout: 15_000 };
const bubbles = (page: Page) => page.locator('[data-switchboard-widget] .sb-msg .sb-text');

it('chats from a page on an allowed site and resumes after a reload', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const sockets: string[] = [];
  page.on('websocket', (ws) => sockets.push(ws.url()));
  await page.goto(allowedHost);

  const launcher = page.locator('.sb-launcher');
  await launcher.waitFor();
  expect(await launcher.getAttribute('aria-expanded')).toBe('false');
  await expect.poll(() => page.locator('.sb-teaser').textContent(), POLL).toContain('Questions about your order?');
  // Host styles do not reach inside: the launcher keeps the flow's colour.
  expect(await launcher.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(15, 118, 110)');
  // ...and the widget's styles do not leak out.
  expect(await page.locator('#page-button').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(0, 255, 0)');

  await launcher.click();
  const order = page.getByRole('button', { name: 'Order status' });
  await order.waitFor();
  expect(await page.locator('[role="dialog"]').getAttribute('aria-labelledby')).toBeTruthy();
  expect(await page.locator('.sb-title').textContent()).toBe('Acme help');
  expect(await bubbles(page).allTextContents()).toEqual(['Hello from v1', 'What do you need?']);
  await order.click();

  const field = page.locator('input.sb-field');
  await field.waitFor();
  await expect.poll(() => bubbles(page).allTextContents(), POLL).toEqual(['Hello from v1', 'What do you need?', 'Order status', 'Your order number?']);
  expect(await page.evaluate(() => (document.querySelector('[data-switchboard-widget]')!.shadowRoot!.activeElement as HTMLElement | null)?.className)).toBe('sb-field');
  await field.fill('A-123');
  await page.screenshot({ path: artifactPath('widget-desktop.png') });
  await field.press('Enter');
  await expect.poll(() => bubbles(page).allTextContents(), POLL).toContain('Thanks, order A-123 is on its way.');
  await page.locator('.sb-restart').waitFor();
  expect(sockets.some((u) => u.startsWith(server.url.replace('http', 'ws')) && u.includes('/api/chat/sessions/'))).toBe(true);

  const saved = await page.evaluate((id) => localStorage.getItem(`switchboard:chat:${id}`), flowId);
  expect(JSON.parse(saved!)).toMatchObject({ lastMessageId: 6, open: true });

  // A reload (or the next page of the site) brings the same conversation back, still open.
  await page.goto(`${allowedHost}/other-page`);
  await page.locator('.sb-restart').waitFor();
  expect(await bubbles(page).allTextContents()).toEqual([
    'Hello from v1',
    'What do you need?',
    'Order status',
    'Your order number?',
    'A-123',
    'Thanks, order A-123 is on its way.',
  ]);

  // Escape closes the window and puts focus back on the launcher.
  await page.keyboard.press('Escape');
  expect(await launcher.getAttribute('aria-expanded')).toBe('false');
  expect(await page.evaluate(() => document.querySelector('[data-switchboard-widget]')!.shadowRoot!.activeElement?.className)).toBe('sb-launcher');

  // Restarting starts a new conversation.
  await launcher.click();
  await page.locator('.sb-restart').click();
  await expect.poll(() => bubbles(page).allTextContents(), POLL).toEqual(['Hello from v1', 'What do you need?']);
  await context.close();
});

it('renders full-screen on a phone', async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 760 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  const page = await context.newPage();
  await page.goto(allowedHost);
  await page.locator('.sb-launcher').tap();
  await page.getByRole('button', { name: 'Order status' }).tap();
  await page.locator('input.sb-field').waitFor();
  await expect.poll(() => bubbles(page).allTextContents(), POLL).toContain('Your order number?');
  const box = await page.locator('.sb-window').boundingBox();
  expect(box).toEqual({ x: 0, y: 0, width: 390, height: 760 });
  await page.screenshot({ path: artifactPath('widget-phone.png') });
  await context.close();
});

it('is refused on a site the flow does not allow', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const warnings: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'warning') warnings.push(m.text());
  });
  await page.goto(otherHost);
  await page.locator('.sb-launcher').click();
  const banner = page.locator('.sb-banner');
  await banner.waitFor();
  expect(await banner.textContent()).toBe('This chat is not available on this website.');
  expect(await page.locator('.sb-msg').count()).toBe(0);
  expect(await page.locator('.sb-choice, input.sb-field').count()).toBe(0);
  expect(warnings.join('\n')).toContain("allowed origins");
  // The server refuses that origin outright, whatever the widget does.
  const direct = await page.evaluate(async (url) => {
    try {
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      return res.status;
    } catch {
      return 'blocked';
    }
  }, `${server.url}/api/chat/${flowId}/sessions`);
  expect(direct).toBe('blocked');
  await context.close();
});

it('serves the hosted full-page chat as the share link', async () => {
  const context = await browser.newContext({ viewport: { width: 1024, height: 720 } });
  const page = await context.newPage();
  await page.goto(`${server.url}/chat/${flowId}`);
  await page.getByRole('button', { name: 'Order status' }).waitFor();
  expect(await page.title()).toBe('Acme help');
  expect(await page.locator('.sb-launcher').count()).toBe(0);
  await page.screenshot({ path: artifactPath('widget-hosted.png') });
  await context.close();
});

afterAll(() => {
  // The desktop shot documents the widget in the repository.
  try {
    publishScreenshot(artifactPath('widget-desktop.png'), 'widget.png');
  } catch {
    /* the first test failed before its screenshot */
  }
});
