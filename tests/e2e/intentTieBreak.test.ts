import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactPath, launchBrowser, login, startTestServer, type TestServer } from './support';

const POLL = { timeout: 20_000 };

let server: TestServer;
let browser: Browser;
let page: Page;
const flowId = 'unsure-e2e';

/** A flow document as the API takes it (JSON), so a test can add steps before sending it. */
interface FlowJson {
  schemaVersion: number;
  id: string;
  name: string;
  nodes: { id: string; type: string; position: { x: number; y: number }; data: Record<string, unknown> }[];
  edges: { id: string; source: string; sourceHandle: string; target: string }[];
}

function flowDocument(id = flowId, askModelWhenUnsure = false): FlowJson {
  const at = (y: number) => ({ x: 0, y });
  return {
    schemaVersion: 2,
    id,
    name: 'Unsure intents',
    nodes: [
      { id: 'start', type: 'start', position: at(0), data: {} },
      {
        id: 'understand',
        type: 'intent',
        position: at(150),
        data: { text: 'What do you need?', askModelWhenUnsure, intents: [{ id: 'track', name: 'track order', examples: ['where is my order'] }] },
      },
    ],
    edges: [{ id: 'e1', source: 'start', sourceHandle: 'next', target: 'understand' }],
  };
}

async function api(method: string, url: string, body?: unknown): Promise<number> {
  return page.evaluate(
    async ({ method, url, body }) => {
      const me = (await (await fetch('/api/auth/me')).json()) as { csrfToken: string };
      const res = await fetch(url, { method, headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken }, body: body === undefined ? undefined : JSON.stringify(body) });
      return res.status;
    },
    { method, url, body },
  );
}

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
  page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  await login(page, server);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('intent step: ask the language model when unsure (editor)', () => {
  it('switches the option on and shows the time limit', async () => {
    expect(await api('POST', '/api/flows', { document: flowDocument() })).toBe(201);
    await page.goto(`${server.url}/flows/${flowId}`);
    await page.locator('.sb-canvas .react-flow__node[data-id="understand"] .sbn').click();
    const box = page.getByRole('checkbox', { name: 'Ask the language model when unsure' });
    await box.scrollIntoViewIfNeeded();
    await box.check();
    const limit = page.getByLabel('Time limit (seconds)');
    await limit.waitFor();
    expect(await limit.getAttribute('placeholder')).toBe('3');
    await limit.scrollIntoViewIfNeeded();
    await page.screenshot({ path: artifactPath('intent-ask-model-1440.png') });
    await page.setViewportSize({ width: 1280, height: 800 });
    await limit.scrollIntoViewIfNeeded();
    await page.screenshot({ path: artifactPath('intent-ask-model-1280.png') });
  });
});

describe('intent step: ask the language model when unsure (chat, preview and analytics)', () => {
  const liveId = 'unsure-live';

  async function shoot(name: string) {
    for (const [width, height] of [
      [1440, 900],
      [1280, 800],
    ] as const) {
      await page.setViewportSize({ width, height });
      await page.screenshot({ path: artifactPath(`${name}-${width}.png`) });
    }
    await page.setViewportSize({ width: 1440, height: 900 });
  }

  it('with no model set up, an unsure message takes "Not understood" and the analytics page counts a failed tie-break; the preview says the step asks the model on the server', async () => {
    const live = flowDocument(liveId, true);
    live.nodes.push(
      { id: 'tracking', type: 'end', position: { x: 300, y: 150 }, data: { text: 'Let me look up your order.' } },
      { id: 'sorry', type: 'end', position: { x: 300, y: 300 }, data: { text: 'Sorry, I did not get that. A person will help.' } },
    );
    live.edges.push(
      { id: 'e2', source: 'understand', sourceHandle: 'track', target: 'tracking' },
      { id: 'e3', source: 'understand', sourceHandle: 'fallback', target: 'sorry' },
    );
    expect(await api('POST', '/api/flows', { document: live })).toBe(201);
    expect(await api('POST', `/api/flows/${liveId}/publish`, { note: 'v1' })).toBe(201);

    // A customer on the hosted chat page types something the step is unsure about.
    const customer = await (await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' })).newPage();
    await customer.goto(`${server.url}/chat/${liveId}`);
    const field = customer.locator('input.sb-field');
    await field.waitFor(POLL);
    await field.fill('my shoes pinch at the heel');
    await field.press('Enter');
    await expect.poll(() => customer.locator('.sb-msg-bot .sb-text').allTextContents(), POLL).toContain('Sorry, I did not get that. A person will help.');
    await customer.context().close();

    await page.goto(`${server.url}/flows/${liveId}/analytics`);
    const figure = (id: string) => page.locator(`[data-figure="${id}"] .sba-card__value`);
    await expect.poll(() => figure('intentTieBreaks').textContent(), POLL).toBe('0 / 0 / 1');
    expect(await figure('tieBreakAgreement').textContent()).toBe('—');
    await page.locator('[data-figure="intentTieBreaks"]').scrollIntoViewIfNeeded();
    await shoot('analytics-tie-breaks');

    await page.goto(`${server.url}/flows/${liveId}`);
    await page.locator('.pb-toolbar').getByRole('button', { name: 'Preview' }).click();
    await page.getByRole('note').filter({ hasText: 'does so on the server' }).waitFor(POLL);
    await shoot('preview-tie-break-note');
  });
});
