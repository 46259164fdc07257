import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactPath, launchBrowser, login, startTestServer, type TestServer } from './support';
import { startLlmStub, type LlmStub } from '../support/llmStub';

// Answers from knowledge, end to end: the language model (a stub on loopback) set up in
// Organisation settings, a source added on the knowledge page, a flow with the step previewed
// (passages visible) and published, a customer asking in the hosted chat and watching the answer
// stream in with its source link, then a question the knowledge does not cover handed off (to
// the handoff's offline exit, as no agent is signed in).
let server: TestServer;
let stub: LlmStub;
let browser: Browser;
let page: Page;
const flowId = 'kb-e2e';

const RETURNS = 'You can return shoes within 30 days of delivery, free of charge at any parcel locker.\n\nRefunds reach your card within 5 working days.';

function flowDocument() {
  const at = (y: number) => ({ x: 0, y });
  return {
    schemaVersion: 2,
    id: flowId,
    name: 'Shop answers',
    nodes: [
      { id: 'start', type: 'start', position: at(0), data: {} },
      { id: 'answer', type: 'knowledgeAnswer', position: at(160), data: { text: 'Ask me anything about our shop.', tone: 'Friendly and brief' } },
      { id: 'more', type: 'end', position: at(360), data: { text: 'Anything else? Just write again.' } },
      { id: 'agent', type: 'handoff', position: at(560), data: { text: 'Let me find a person who knows.', queue: 'support' } },
      { id: 'sorry', type: 'end', position: at(760), data: { text: 'Sorry, I cannot answer right now.' } },
      { id: 'later', type: 'end', position: at(960), data: { text: 'Nobody from the team is free now; we will write back by e-mail.' } },
    ],
    edges: [
      { id: 'e1', source: 'start', sourceHandle: 'next', target: 'answer' },
      { id: 'e2', source: 'answer', sourceHandle: 'answered', target: 'more' },
      { id: 'e3', source: 'answer', sourceHandle: 'noAnswer', target: 'agent' },
      { id: 'e4', source: 'answer', sourceHandle: 'error', target: 'sorry' },
      { id: 'e5', source: 'agent', sourceHandle: 'resolved', target: 'more' },
      { id: 'e6', source: 'agent', sourceHandle: 'offline', target: 'later' },
    ],
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
  stub = await startLlmStub();
  server = await startTestServer({ env: { SWITCHBOARD_HTTP_ALLOWLIST: '127.0.0.1' } });
  browser = await launchBrowser();
  page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  await login(page, server);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await stub?.close();
});

describe('Answer from knowledge', () => {
  it('sets up the language model in Organisation settings and tests the connection', async () => {
    await page.goto(`${server.url}/settings?section=languageModel`);
    await page.getByRole('button', { name: 'Add a provider' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Local stub');
    await page.getByLabel('Model', { exact: true }).fill('stub-1');
    await page.getByLabel('Base URL', { exact: true }).fill(stub.baseUrl);
    await page.getByLabel('API key', { exact: true }).fill('sk-e2e-secret');
    stub.script({ kind: 'answer', text: 'ready' });
    await page.getByRole('button', { name: 'Test connection' }).click();
    await page.getByText('Connected: the model answered “ready”').waitFor();
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('A key is stored.').waitFor();
    expect(await page.getByLabel('API key', { exact: true }).inputValue()).toBe('');
    await page.screenshot({ path: artifactPath('language-model-1440.png'), fullPage: true });
  });

  it('adds a knowledge source on the knowledge page', async () => {
    await page.goto(`${server.url}/knowledge`);
    await page.getByRole('button', { name: 'Add source' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Add a knowledge source' });
    await dialog.getByLabel('Text', { exact: true }).fill(RETURNS);
    await dialog.getByLabel('Title', { exact: true }).fill('Returns policy');
    await dialog.getByLabel('Public link (optional)').fill('https://shop.example.com/returns');
    await dialog.getByRole('button', { name: 'Add source' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const row = page.getByRole('row', { name: /Returns policy/ });
    await expect.poll(() => row.locator('td').nth(2).textContent(), { timeout: 15_000 }).not.toBe('0');
  });

  it('previews a flow with the step: the passages, the masked text sent and the raw answer are shown', async () => {
    expect(await api('POST', '/api/flows', { document: flowDocument() })).toBe(201);
    await page.goto(`${server.url}/flows/${flowId}`);
    const card = page.locator(`.sb-canvas .react-flow__node[data-id="answer"] .sbn`);
    await card.click();
    await page.getByLabel('Tone').waitFor();
    await page.screenshot({ path: artifactPath('knowledge-step-form-1440.png') });
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.screenshot({ path: artifactPath('knowledge-step-form-1280.png') });
    await page.setViewportSize({ width: 1440, height: 900 });

    stub.script({ kind: 'answer', text: 'You have 30 days to return shoes, free at any parcel locker [1].' });
    await page.locator('.pb-toolbar').getByRole('button', { name: 'Preview' }).click();
    const field = page.locator('[data-preview-widget] .sb-field');
    await field.fill('How long can I return shoes? My e-mail is jan@example.com');
    await field.press('Enter');
    const debug = page.getByTestId('knowledge-debug');
    await debug.waitFor({ timeout: 15_000 });
    expect(await debug.textContent()).toContain('You can return shoes within 30 days');
    await debug.getByText(/Text sent to the model/).click();
    expect(await debug.textContent()).toContain('My e-mail is [email]');
    expect(await debug.textContent()).not.toContain('jan@example.com');
    expect(await debug.textContent()).toContain('[1].');
    await expect.poll(() => page.locator('[data-preview-widget] .sb-msg-bot .sb-text').allTextContents()).toContain('You have 30 days to return shoes, free at any parcel locker.');
    await page.screenshot({ path: artifactPath('knowledge-preview-1440.png') });
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.screenshot({ path: artifactPath('knowledge-preview-1280.png') });
  });

  it('published, it answers a customer in the chat with the answer streaming in and the source as a link', async () => {
    expect(await api('POST', `/api/flows/${flowId}/publish`, { note: 'v1' })).toBe(201);
    const customer = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
    await customer.goto(`${server.url}/chat/${flowId}`);
    await customer.getByText('Ask me anything about our shop.').waitFor();
    stub.script({ kind: 'answer', text: 'You have 30 days to return your shoes, and it is free at any parcel locker [1].', chunkDelayMs: 120 });
    const field = customer.locator('.sb-field');
    await field.fill('Can I return shoes?');
    await field.press('Enter');
    // The draft bubble grows while the model writes, then the stored message takes its place.
    await customer.locator('.sb-draft').waitFor({ timeout: 15_000 });
    await customer.screenshot({ path: artifactPath('knowledge-widget-streaming-1440.png') });
    await customer.getByText('You have 30 days to return your shoes, and it is free at any parcel locker.').waitFor({ timeout: 15_000 });
    await customer.locator('.sb-draft').waitFor({ state: 'detached' });
    const link = customer.getByRole('link', { name: 'Returns policy' });
    expect(await link.getAttribute('href')).toBe('https://shop.example.com/returns');
    await customer.screenshot({ path: artifactPath('knowledge-widget-1440.png') });
    await customer.setViewportSize({ width: 1280, height: 800 });
    await customer.screenshot({ path: artifactPath('knowledge-widget-1280.png') });

    // A question the knowledge does not cover: noAnswer, on to the handoff, without asking the model.
    await customer.close();
    const asked = stub.requests.length;
    const other = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    await other.goto(`${server.url}/chat/${flowId}`);
    await other.getByText('Ask me anything about our shop.').waitFor();
    await other.locator('.sb-field').fill('Do you sell bicycles?');
    await other.locator('.sb-field').press('Enter');
    // With no agent signed in, the handoff takes its "Nobody available" exit.
    await other.getByText('Nobody from the team is free now; we will write back by e-mail.').waitFor({ timeout: 15_000 });
    expect(stub.requests.length).toBe(asked);
    await other.close();
  });
});
