import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chatFlowDocument } from '../unit/chat/support/chatFlow';
import { artifactPath, launchBrowser, login, publishScreenshot, startTestServer, type TestServer } from './support';

// Customers chat through the hosted widget along two paths (an order question that reaches the
// goal, and a request for a person while nobody is online); the manager filters the analytics
// page's conversation list, opens one, reads its transcript and replays its path on the canvas.
const FLOW = 'convlist-e2e';
const POLL = { timeout: 15_000 };
let server: TestServer;
let browser: Browser;
let page: Page;

async function api(pathname: string, init: { method?: string; body?: unknown; cookie: string; csrf: string }) {
  const res = await fetch(`${server.url}${pathname}`, {
    method: init.method ?? 'GET',
    headers: { 'content-type': 'application/json', cookie: init.cookie, 'x-csrf-token': init.csrf },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  return { status: res.status, body: (await res.json().catch(() => null)) as Record<string, unknown> };
}

/** One customer in the hosted chat page (the widget full-page): presses an option, then types the texts. */
async function customer(option: string, ...texts: string[]): Promise<void> {
  const context = await browser.newContext({ viewport: { width: 800, height: 700 } });
  const chat = await context.newPage();
  await chat.goto(`${server.url}/chat/${FLOW}`);
  // Playwright's own waits: this runs in beforeAll, where expect.poll is not available.
  await chat.getByRole('button', { name: option }).click();
  for (const text of texts) {
    const field = chat.locator('input.sb-field');
    await field.waitFor();
    await field.fill(text);
    await field.press('Enter');
    await chat.locator('.sb-msg .sb-text', { hasText: text }).first().waitFor();
  }
  await chat.locator('.sb-restart').waitFor();
  await context.close();
}

beforeAll(async () => {
  server = await startTestServer();
  const res = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: server.adminEmail, password: server.adminPassword }),
  });
  const auth = { cookie: res.headers.get('set-cookie')!.split(';')[0]!, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
  const doc = chatFlowDocument({ id: FLOW });
  doc.name = 'Order help';
  doc.nodes = doc.nodes.map((n) => (n.id === 'thanks' ? ({ ...n, data: { ...n.data, goal: { label: 'Order status given' } } } as typeof n) : n));
  expect((await api('/api/flows', { method: 'POST', body: { document: doc }, ...auth })).status).toBe(201);
  expect((await api(`/api/flows/${FLOW}/publish`, { method: 'POST', body: { note: 'v1' }, ...auth })).status).toBe(201);
  browser = await launchBrowser();
  // Two reach the goal with an order number; one asks for a person while nobody is online.
  await customer('Order status', 'A-123');
  await customer('Order status', 'B-456');
  await customer('Talk to a human');
  page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  await login(page, server);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const rows = () => page.locator('.sba-conv-table tbody tr');

describe('the conversation list on the analytics page', () => {
  it('lists the conversations, filters them, and opens one with its transcript', async () => {
    await page.goto(`${server.url}/flows/${FLOW}/analytics`);
    const section = page.getByRole('region', { name: 'Conversations', exact: true });
    await expect.poll(() => rows().count(), POLL).toBe(3);
    expect(await rows().nth(0).textContent()).toMatch(/v1Handed to a person \(nobody online\)/);
    expect(await rows().nth(1).textContent()).toMatch(/v1Solved by the botOrder status given/);

    await section.getByRole('combobox', { name: 'Goal' }).selectOption({ label: 'Reached “Order status given”' });
    await expect.poll(() => rows().count(), POLL).toBe(2);
    await section.getByRole('combobox', { name: 'Goal' }).selectOption({ label: 'Reached or not' });
    await section.getByRole('combobox', { name: 'Outcome' }).selectOption({ label: 'Handed to a person' });
    await expect.poll(() => rows().count(), POLL).toBe(1);
    expect(await section.getByRole('link', { name: 'Conversations (CSV)' }).getAttribute('href')).toContain('outcome=handedOff');

    await rows().nth(0).getByRole('button').click();
    const detail = page.getByRole('region', { name: /^Conversation of / });
    await expect.poll(() => detail.locator('.sb-msg').allTextContents(), POLL).toEqual(
      expect.arrayContaining([expect.stringContaining('Talk to a human'), expect.stringContaining('Nobody is online, we will email you.')]),
    );
    // With the conversation still open, back to every outcome for the picture.
    await section.getByRole('combobox', { name: 'Outcome' }).selectOption({ label: 'Any outcome' });
    await expect.poll(() => rows().count(), POLL).toBe(3);
    expect(await page.locator('.sba-conv-row--open').count()).toBe(1);
    await section.scrollIntoViewIfNeeded();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1440);
    const wide = artifactPath('conversation-list-1440.png');
    await page.screenshot({ path: wide });
    publishScreenshot(wide, 'conversation-list.png');
    await page.setViewportSize({ width: 1280, height: 800 });
    await section.scrollIntoViewIfNeeded();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
    await page.screenshot({ path: artifactPath('conversation-list-1280.png') });
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  it('replays the opened conversation’s path on the canvas, step by step, and leaves replay', async () => {
    await page.getByRole('link', { name: 'Show path on canvas' }).click();
    await page.waitForURL(/\/flows\/convlist-e2e\?replay=/);
    const player = page.getByRole('region', { name: 'Replaying a conversation' });
    const step = player.getByRole('status');
    await expect.poll(() => step.textContent(), POLL).toBe('Step 1 of 5: Start');
    const badge = (id: string) => page.locator(`.react-flow__node[data-id="${id}"] [data-testid="replay-steps"]`);
    expect(await badge('start').textContent()).toBe('1');
    expect(await badge('menu').count()).toBe(0);
    for (let i = 0; i < 4; i++) await player.getByRole('button', { name: 'Next step' }).click();
    await expect.poll(() => step.textContent(), POLL).toBe('Step 5 of 5: Nobody is online, we will email you.');
    // start -> hello -> menu -> handoff -> offline, numbered in order on the cards.
    for (const [id, n] of [['start', '1'], ['hello', '2'], ['menu', '3'], ['handoff', '4'], ['offline', '5']] as const) {
      expect(await badge(id).textContent(), id).toBe(n);
    }
    expect(await badge('askOrder').count()).toBe(0);
    expect(await page.locator('.react-flow__node[data-id="offline"] .sbn').getAttribute('class')).toContain('sbn--replay-current');
    // The handoff's offline exit is the connection just taken: drawn strongest.
    const stroke = (edgeId: string) => page.locator(`.react-flow__edge[data-id="${edgeId}"] .react-flow__edge-path`).evaluate((el) => getComputedStyle(el).stroke);
    expect(await stroke('e8')).toBe('rgb(194, 65, 12)');
    expect(await stroke('e5')).toBe('rgb(14, 116, 144)');

    await page.getByRole('button', { name: /Tidy up layout/ }).click();
    await page.waitForTimeout(500);
    const wide = artifactPath('conversation-replay-1440.png');
    await page.screenshot({ path: wide });
    publishScreenshot(wide, 'conversation-replay.png');
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.screenshot({ path: artifactPath('conversation-replay-1280.png') });
    await page.setViewportSize({ width: 1440, height: 900 });

    await player.getByRole('button', { name: 'Leave replay' }).click();
    await page.waitForURL(`${server.url}/flows/${FLOW}`);
    expect(await player.count()).toBe(0);
    expect(await page.locator('[data-testid="replay-steps"]').count()).toBe(0);
  });
});
