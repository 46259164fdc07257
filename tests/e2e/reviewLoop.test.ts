import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { reviewFlow } from '../api/support/reviewFlow';
import { artifactPath, launchBrowser, login, publishScreenshot, startTestServer, type TestServer } from './support';

// The improvement loop end to end: a customer writes something the bot does not understand, it
// shows up on the "Not understood" page, one click adds it to an intent, publishing makes it
// live, and the same words through the chat are recognised.

let server: TestServer;
let browser: Browser;
const FLOW = 'review-e2e';
const PARCEL = 'Gdzie jest moja paczka?';
const POLL = { timeout: 15_000 };

async function api(pathname: string, init: { method?: string; body?: unknown; cookie?: string; csrf?: string } = {}) {
  const res = await fetch(`${server.url}${pathname}`, {
    method: init.method ?? 'GET',
    headers: { 'content-type': 'application/json', ...(init.cookie ? { cookie: init.cookie } : {}), ...(init.csrf ? { 'x-csrf-token': init.csrf } : {}) },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  return { status: res.status, body: (await res.json().catch(() => null)) as Record<string, unknown> };
}

/** Another customer, through the public chat API the widget uses: first message at the intent step, the second at the menu. */
async function customer(...texts: string[]) {
  const started = await api(`/api/chat/${FLOW}/sessions`, { method: 'POST', body: {} });
  expect(started.status).toBe(201);
  for (const text of texts) {
    const res = await fetch(`${server.url}/api/chat/sessions/${started.body.sessionId as string}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${started.body.sessionToken as string}` },
      body: JSON.stringify({ text }),
    });
    expect(res.status).toBe(200);
  }
}

/** The hosted chat page (the widget, full page): types a message and returns the bubbles after the bot answered. */
async function chatInWidget(text: string, expectAfter: string): Promise<string[]> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
  const page = await context.newPage();
  await page.goto(`${server.url}/chat/${FLOW}`);
  const field = page.locator('input.sb-field');
  await field.waitFor(POLL);
  await field.fill(text);
  await field.press('Enter');
  const bubbles = page.locator('.sb-msg .sb-text');
  await expect.poll(() => bubbles.allTextContents(), POLL).toContain(expectAfter);
  const all = await bubbles.allTextContents();
  await context.close();
  return all;
}

async function shoot(page: Page, name: string) {
  for (const [width, height] of [
    [1440, 900],
    [1280, 800],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: artifactPath(`${name}-${width}.png`) });
  }
  await page.setViewportSize({ width: 1440, height: 900 });
}

beforeAll(async () => {
  server = await startTestServer();
  const signIn = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: server.adminEmail, password: server.adminPassword }),
  });
  const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
  const csrf = ((await signIn.json()) as { csrfToken: string }).csrfToken;
  expect((await api('/api/flows', { method: 'POST', body: { document: reviewFlow(FLOW) }, cookie, csrf })).status).toBe(201);
  expect((await api(`/api/flows/${FLOW}/publish`, { method: 'POST', body: { note: 'v1' }, cookie, csrf })).status).toBe(201);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

it('unrecognised in the chat, added on the review page, published, then recognised', async () => {
  // v1 does not know the Polish question: the intent step falls back to the menu.
  expect(await chatInWidget(PARCEL, 'Pick one:')).toEqual(['How can I help?', PARCEL, 'Pick one:']);
  // More customers, so the page shows grouping: near-duplicates, a menu miss, a one-off.
  await customer('gdzie jest MOJA paczka', 'pogoda dzisiaj');
  await customer('paczka gdzie jest moja', 'Pogoda, dzisiaj!');
  await customer('zwrot pieniędzy');

  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
  const page = await context.newPage();
  await login(page, server);
  await page.goto(`${server.url}/flows/${FLOW}/not-understood`);
  const group = page.locator('[data-testid="review-group"]', { hasText: PARCEL });
  await group.waitFor(POLL);
  expect(await group.locator('.rv-count').textContent()).toBe('3×');
  expect(await group.textContent()).toContain('paczka gdzie jest moja');
  expect(await page.locator('[data-testid="review-group"]').count()).toBe(3);
  await group.getByRole('button', { name: /Add to intent/ }).click();
  const menu = group.getByRole('menu', { name: 'Intents to add the message to' });
  await menu.waitFor();
  await shoot(page, 'review');

  // The most frequent wording is added; equally frequent here, so the one written first.
  const phrase = (await group.locator('.rv-group__text q').textContent())!;
  expect(phrase).toBe(PARCEL);
  await menu.getByRole('menuitem', { name: /track order/ }).click();
  await page.getByText(`Added “${phrase}” to “track order” in the draft.`).waitFor(POLL);
  await expect.poll(() => page.locator('[data-testid="review-group"]', { hasText: PARCEL }).count()).toBe(0);
  await page.getByText(/not live yet/).waitFor();

  // Publish from the flow editor: the summary says what the bot learns.
  await page.getByRole('link', { name: 'Open the flow to publish' }).click();
  await page.locator('.pb-toolbar').getByRole('button', { name: 'Publish' }).click();
  const dialog = page.getByRole('dialog', { name: 'Publish' });
  await dialog.locator('[data-testid="publish-dialog"][data-phase="review"]').waitFor({ timeout: 20_000 });
  const learned = dialog.getByTestId('phrase-changes');
  await learned.waitFor(POLL);
  expect(await learned.textContent()).toContain('Intent “track order”: 1 new example phrase');
  expect(await learned.textContent()).toContain(phrase);
  await shoot(page, 'publish-learned');
  await dialog.getByRole('button', { name: 'Publish', exact: true }).click();
  await dialog.getByTestId('published-info').waitFor(POLL);
  await context.close();

  // v2 recognises the first customer's words: "track order" leads to the yes/no question instead of the menu.
  expect(await chatInWidget(PARCEL, 'Is it urgent?')).toEqual(['How can I help?', PARCEL, 'Is it urgent?']);
});

afterAll(() => {
  try {
    publishScreenshot(artifactPath('review-1440.png'), 'not-understood.png');
    publishScreenshot(artifactPath('publish-learned-1440.png'), 'publish-learned.png');
  } catch {
    // No screenshot when the test failed before taking it.
  }
});
