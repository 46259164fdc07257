import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { artifactPath, launchBrowser, login, startTestServer, type TestServer } from './support';

// A Polish team: the server starts with SWITCHBOARD_DEFAULT_LOCALE=pl and the manager's browser
// is Polish. A new blank flow must then be Polish everywhere a customer or the manager looks.
let server: TestServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startTestServer({ env: { SWITCHBOARD_DEFAULT_LOCALE: 'pl' } });
  browser = await launchBrowser();
  page = await (await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'pl-PL' })).newPage();
  await login(page, server);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('a Polish organisation', () => {
  it("creates a new flow that is Polish throughout: greeting, settings texts, widget and preview", async () => {
    await page.getByRole('button', { name: 'Nowy przepływ' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Utwórz przepływ' });
    await dialog.getByLabel('Nazwa').fill('Zamówienia');
    await dialog.getByRole('button', { name: 'Utwórz przepływ' }).click();
    await page.waitForURL(/\/flows\//);
    await page.locator('.react-flow__node', { hasText: 'Dzień dobry! W czym mogę pomóc?' }).waitFor();

    await page.getByRole('tab', { name: 'Ustawienia' }).click();
    const language = page.getByLabel('Język rozmowy');
    expect(await language.inputValue()).toBe('pl');
    expect(await language.locator('option:checked').innerText()).toBe('Polski');
    expect(await page.getByLabel('Gdy bot nie rozumie, powiedz').inputValue()).toBe('Przepraszam, nie zrozumiałem.');
    expect(await page.getByLabel('Gdy żaden konsultant nie jest dostępny, powiedz').inputValue()).toBe(
      'Nasz zespół jest teraz niedostępny. Spróbuj ponownie w godzinach pracy.',
    );
    // The widget's own settings open in a dialog beside the real widget.
    await page.getByRole('button', { name: 'Edytuj widżet z podglądem' }).click();
    const widgetDialog = page.getByRole('dialog', { name: 'Widżet na Twojej stronie' });
    await expect.poll(() => widgetDialog.getByTestId('widget-preview').locator('.sb-title').innerText()).toBe('Czat z nami');
    await widgetDialog.getByRole('button', { name: 'Gotowe' }).click();
    await widgetDialog.waitFor({ state: 'hidden' });

    await page.locator('.pb-toolbar').getByRole('button', { name: 'Podgląd' }).click();
    await expect
      .poll(() => page.locator('[data-preview-widget] .sb-msg-bot .sb-text').allTextContents())
      .toEqual(['Dzień dobry! W czym mogę pomóc?']);
    // The preview shows what customers see: the customer-facing title, not the flow's name.
    expect(await page.locator('[data-preview-widget] .sb-title').innerText()).toBe('Czat z nami');
    await page.screenshot({ path: artifactPath('polish-new-flow.png') });
  });
});
