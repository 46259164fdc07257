import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chatFlowDocument } from '../unit/chat/support/chatFlow';
import { artifactPath, launchBrowser, login, publishScreenshot, startTestServer, type TestServer } from './support';

// Customers chat along several paths through the public chat API; the manager opens the flow's
// analytics page from the dashboard and sees the counts, goal rate and the daily chart.
const FLOW = 'analytics-e2e';
let server: TestServer;
let browser: Browser;
let page: Page;
let cookie = '';
let csrf = '';

async function api(pathname: string, init: { method?: string; body?: unknown; auth?: string } = {}) {
  const res = await fetch(`${server.url}${pathname}`, {
    method: init.method ?? 'GET',
    headers: { 'content-type': 'application/json', ...(init.auth ? { authorization: init.auth } : { cookie, 'x-csrf-token': csrf }) },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  return { status: res.status, body: (await res.json().catch(() => null)) as Record<string, unknown> };
}

/** One customer: opens the chat and presses the given options / types the given texts. */
async function customer(...inputs: ({ optionId: string } | { text: string })[]): Promise<void> {
  const started = await api(`/api/chat/${FLOW}/sessions`, { method: 'POST', auth: 'none' });
  const auth = `Bearer ${started.body.sessionToken as string}`;
  for (const body of inputs) {
    expect((await api(`/api/chat/sessions/${started.body.sessionId as string}/messages`, { method: 'POST', body, auth })).status).toBe(200);
  }
}

beforeAll(async () => {
  server = await startTestServer();
  const res = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: server.adminEmail, password: server.adminPassword }),
  });
  cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  csrf = ((await res.json()) as { csrfToken: string }).csrfToken;
  const doc = chatFlowDocument({ id: FLOW });
  doc.name = 'Order help';
  doc.nodes = doc.nodes.map((n) => (n.id === 'thanks' ? ({ ...n, data: { ...n.data, goal: { label: 'Order status given' } } } as typeof n) : n));
  expect((await api('/api/flows', { method: 'POST', body: { document: doc } })).status).toBe(201);
  expect((await api(`/api/flows/${FLOW}/publish`, { method: 'POST', body: { note: 'v1' } })).status).toBe(201);
  // Three reach the goal and end; one asks for a person while nobody is online; one only opens the chat.
  for (const no of ['A-1', 'B-2', 'C-3']) await customer({ optionId: 'order' }, { text: no });
  await customer({ optionId: 'human' });
  await customer();
  browser = await launchBrowser();
  page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  await login(page, server);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const figure = (id: string) => page.locator(`[data-figure="${id}"] .sba-card__value`);

describe('analytics page', () => {
  it('opens from the dashboard and shows what the conversations did', async () => {
    await page.getByRole('link', { name: 'Analytics of Order help' }).click();
    await page.waitForURL(`${server.url}/flows/${FLOW}/analytics`);
    await expect.poll(() => figure('started').textContent()).toBe('5');
    expect(await figure('contained').textContent()).toBe('3 · 60%');
    expect(await figure('handedOff').textContent()).toBe('1 · 20%');
    expect(await figure('offline').textContent()).toBe('1');
    expect(await page.locator('.sba-figures tr', { hasText: 'Order status given' }).textContent()).toBe('Order status given360%');
    // Both charts (chart.js, their own chunks) have drawn into their canvases: per day by outcome, and the goal rate.
    await page.getByRole('img', { name: "Line chart of each goal's rate per day" }).waitFor();
    for (const canvas of await page.locator('.sba-chart canvas').all()) {
      await expect.poll(() => canvas.evaluate((c: HTMLCanvasElement) => c.width > 0)).toBe(true);
    }
    expect(await page.locator('.sba-chart canvas').count()).toBe(2);

    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1440);
    const wide = artifactPath('analytics-1440.png');
    await page.screenshot({ path: wide });
    publishScreenshot(wide, 'analytics.png');
    await page.setViewportSize({ width: 1280, height: 800 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
    await page.screenshot({ path: artifactPath('analytics-1280.png') });
    await page.locator('.sba-charts').scrollIntoViewIfNeeded();
    await page.screenshot({ path: artifactPath('analytics-charts-1280.png') });
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  it('is reachable from the flow editor and back', async () => {
    await page.getByRole('link', { name: 'Back to the flow' }).click();
    await page.waitForURL(`${server.url}/flows/${FLOW}`);
    // From the editor: the traffic overlay's banner links to the page.
    await page.getByRole('button', { name: /Show traffic on the canvas/ }).click();
    await page.getByRole('link', { name: 'Analytics: how this flow is doing' }).click();
    await page.waitForURL(`${server.url}/flows/${FLOW}/analytics`);
    await expect.poll(() => figure('started').textContent()).toBe('5');
  });

  it('shows traffic on the canvas and says when the draft differs from the live version', async () => {
    await page.getByRole('link', { name: 'Back to the flow' }).click();
    await page.waitForURL(`${server.url}/flows/${FLOW}`);
    await page.getByRole('button', { name: /Show traffic on the canvas/ }).click();
    const banner = page.locator('.fe-overlay-banner');
    await expect.poll(() => banner.textContent()).toMatch(/^Traffic of version 1, .* 5 conversations\. Analytics: how this flow is doing · Messages the bot did not understand$/);
    const card = (id: string) => page.locator(`.react-flow__node[data-id="${id}"] [data-testid="traffic-badge"]`);
    expect(await card('menu').textContent()).toBe('5 entered');
    expect(await card('thanks').textContent()).toBe('3 enteredgoal 60%');
    expect(await card('offline').textContent()).toBe('1 entered');
    // The edge the three orders followed is drawn thicker than the one nobody took.
    const width = (source: string, handle: string) =>
      page.locator(`.react-flow__edge[data-id="${['e3', 'e9'][handle === 'order' ? 0 : 1]}"] .react-flow__edge-path`).evaluate((el) => parseFloat(getComputedStyle(el).strokeWidth));
    expect(await width('menu', 'order')).toBeGreaterThan(await width('menu', 'loop'));
    await page.getByRole('button', { name: /Tidy up layout/ }).click();
    await page.waitForTimeout(500);
    const wide = artifactPath('canvas-overlay-1440.png');
    await page.screenshot({ path: wide });
    publishScreenshot(wide, 'canvas-overlay.png');
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.screenshot({ path: artifactPath('canvas-overlay-1280.png') });
    await page.setViewportSize({ width: 1440, height: 900 });
    // Edit the draft: the banner says the data belongs to another version.
    await page.getByRole('button', { name: /Show traffic on the canvas/ }).click();
    await page.locator('.react-flow__node[data-id="hello"]').click();
    await page.getByRole('textbox', { name: 'Goal' }).fill('Greeted');
    await page.getByRole('button', { name: /Show traffic on the canvas/ }).click();
    await expect.poll(() => banner.textContent()).toMatch(/The draft differs from version 1/);
  });
});
