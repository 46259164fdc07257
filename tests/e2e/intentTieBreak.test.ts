import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactPath, launchBrowser, login, startTestServer, type TestServer } from './support';

let server: TestServer;
let browser: Browser;
let page: Page;
const flowId = 'unsure-e2e';

function flowDocument() {
  const at = (y: number) => ({ x: 0, y });
  return {
    schemaVersion: 2,
    id: flowId,
    name: 'Unsure intents',
    nodes: [
      { id: 'start', type: 'start', position: at(0), data: {} },
      { id: 'understand', type: 'intent', position: at(150), data: { text: 'What do you need?', intents: [{ id: 'track', name: 'track order', examples: ['where is my order'] }] } },
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
