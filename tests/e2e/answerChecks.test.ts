import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactPath, launchBrowser, login, startTestServer, type TestServer } from './support';

let server: TestServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
  page = await context.newPage();
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

describe('answer checks in the question form', () => {
  it('offers the checks in plain words and the number options, at 1440x900 and 1280x800', async () => {
    await login(page, server);
    const id = await page.evaluate(async () => {
      const me = await (await fetch('/api/auth/me')).json();
      const { samples } = await (await fetch('/api/samples')).json();
      const sample = samples.find((x: { id: string }) => x.id.includes('bank-card'));
      const res = await fetch('/api/flows', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': me.csrfToken },
        body: JSON.stringify({ sampleId: sample.id }),
      });
      return (await res.json()).id as string;
    });
    await page.goto(`${server.url}/flows/${id}`);
    const card = page.locator('.react-flow__node:has(.sbn[data-kind="question"])').first();
    await card.waitFor();
    await card.locator('.sbn-head').click();
    const kind = page.getByLabel('Expected answer');
    await kind.selectOption('number');
    await expect(page.getByRole('checkbox', { name: 'Allow negative numbers' }).isChecked()).resolves.toBe(true);
    await page.getByRole('checkbox', { name: 'Allow decimals' }).uncheck();
    await expect(page.getByTestId('answer-check-rule').textContent()).resolves.toContain('decimals are refused');
    await page.screenshot({ path: artifactPath('question-answer-checks-1440.png') });
    await kind.selectOption('postcodePl');
    await expect(page.getByTestId('answer-check-rule').textContent()).resolves.toContain('00-950');
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.screenshot({ path: artifactPath('question-answer-checks-1280.png') });
  });
});
