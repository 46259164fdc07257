import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactPath, launchBrowser, login, publishScreenshot, startTestServer, type TestServer } from './support';

// An editor's day with knowledge: open the page from the main navigation, paste the returns
// policy, upload the delivery rules as Markdown, and check what a customer's question retrieves.
let server: TestServer;
let browser: Browser;
let page: Page;

const RETURNS = [
  '# Zwroty',
  'Towar możesz zwrócić w ciągu 30 dni od odbioru, bez podawania przyczyny. Zwrot jest bezpłatny, gdy nadasz paczkę w paczkomacie; kurier kosztuje 15 zł.',
  'Pieniądze oddajemy w ciągu 14 dni od otrzymania zwrotu, tą samą metodą płatności.',
  '# Reklamacje',
  'Reklamację złożysz przez formularz na stronie. Odpowiadamy w ciągu 14 dni.',
].join('\n\n');

const DELIVERY = '# Delivery\n\nCouriers deliver within **two working days**. Delivery is free for orders over 100 zł.\n\n# Pickup points\n\nParcel lockers keep a parcel for 48 hours.';

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

describe('knowledge page', () => {
  it('opens from the main navigation with an empty state', async () => {
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Knowledge' }).click();
    await page.waitForURL(`${server.url}/knowledge`);
    await page.getByRole('heading', { name: 'No knowledge yet' }).waitFor();
    await page.screenshot({ path: artifactPath('knowledge-empty-1440.png') });
  });

  it('adds pasted text and an uploaded Markdown file, and indexes both', async () => {
    await page.getByRole('button', { name: 'Add source' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a knowledge source' });
    await dialog.getByLabel('Text', { exact: true }).fill(RETURNS);
    await dialog.getByLabel('Title', { exact: true }).fill('Zwroty i reklamacje');
    await dialog.getByLabel('Public link (optional)').fill('https://sklep.example.pl/zwroty');
    await dialog.getByRole('button', { name: 'Add source' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const row = page.getByRole('row', { name: /Zwroty i reklamacje/ });
    // Indexing runs after the save; the list shows the passage count once it is done.
    await expect.poll(() => row.locator('td').nth(2).textContent(), { timeout: 15_000 }).toBe('2');

    const dir = mkdtempSync(path.join(os.tmpdir(), 'sb-kb-e2e-'));
    const file = path.join(dir, 'delivery.md');
    writeFileSync(file, DELIVERY);
    await page.getByRole('button', { name: 'Add source' }).click();
    await dialog.getByRole('tab', { name: 'Upload a file' }).click();
    await dialog.getByLabel('File', { exact: true }).setInputFiles(file);
    await dialog.getByRole('button', { name: 'Add source' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const uploaded = page.getByRole('row', { name: /delivery\.md/ });
    expect(await uploaded.locator('td').nth(1).textContent()).toBe('Markdown');
    await expect.poll(() => uploaded.locator('td').nth(2).textContent(), { timeout: 15_000 }).toBe('2');
  });

  it('shows which passages a question retrieves, matched words highlighted', async () => {
    await page.getByLabel('Question', { exact: true }).fill('Ile dni mam na zwrot towaru?');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    const first = page.locator('.sbk-passage').first();
    await first.waitFor();
    expect(await first.locator('.sbk-passage__source').textContent()).toBe('Zwroty i reklamacje');
    const marked = await first.locator('mark').allTextContents();
    expect(marked).toEqual(expect.arrayContaining(['Zwroty', 'Towar', 'dni', 'Zwrot']));
    expect(marked).not.toContain('możesz');
    expect(await first.locator('.sbk-passage__text').textContent()).toContain('30 dni');

    // The "added" notices would cover the results in the picture.
    const notices = page.getByRole('region', { name: 'Notifications' }).getByRole('button', { name: 'Dismiss' });
    while ((await notices.count()) > 0) await notices.first().click();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1440);
    const wide = artifactPath('knowledge-1440.png');
    await page.screenshot({ path: wide });
    publishScreenshot(wide, 'knowledge.png');
    await page.setViewportSize({ width: 1280, height: 800 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
    await page.screenshot({ path: artifactPath('knowledge-1280.png') });
    await page.setViewportSize({ width: 1440, height: 900 });

    await page.getByLabel('Question', { exact: true }).fill('how long does delivery take');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await expect.poll(() => page.locator('.sbk-passage__source').first().textContent()).toBe('delivery');
  });

  it('deletes a source after confirming', async () => {
    await page.getByRole('button', { name: 'Delete delivery' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('row', { name: /delivery\.md/ }).waitFor({ state: 'detached' });
    expect(await page.getByRole('row').count()).toBe(2);
  });
});
