import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { artifactPath, launchBrowser, login, publishScreenshot, startTestServer, type TestServer } from './support';

// A manager brands the widget in flow settings, publishes, allows their site from the publish
// dialog, and sees the branded widget on that site (another origin).
const FLOW = 'sample-bank-card-en';
let server: TestServer;
let browser: Browser;
let site: http.Server;
let siteUrl = '';
let page: Page;

beforeAll(async () => {
  server = await startTestServer();
  site = http.createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Northbank</title></head>
      <body><h1>Northbank</h1><script src="${server.url}/widget.js" data-flow="${FLOW}" async></script></body></html>`);
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
  browser = await launchBrowser();
  page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  await login(page, server);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((r) => site?.close(r));
  await server?.stop();
});

const preview = () => page.getByTestId('widget-preview');
const inPreview = (selector: string) => preview().locator(selector);

describe('widget settings', () => {
  it('brands the widget with a live preview that never shows the internal flow name', async () => {
    await page.goto(`${server.url}/flows/${FLOW}`);
    await page.getByRole('tab', { name: 'Settings' }).click();
    const opener = page.getByRole('button', { name: 'Edit widget with preview' });
    await opener.click();
    const dialog = page.getByRole('dialog', { name: 'Widget on your website' });
    await dialog.waitFor();
    // Focus starts in the form, so a keyboard user types straight away.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('sb-widget-title');
    await expect.poll(() => inPreview('.sb-title').innerText()).toBe('Northbank cards');
    // Without a title, customers read a customer-facing default, not the flow's internal name.
    await page.getByLabel('Title in the chat window').fill('');
    await expect.poll(() => inPreview('.sb-title').innerText()).toBe('Chat with us');
    await page.getByLabel('Title in the chat window').fill('Northbank help');
    await page.getByLabel('Main colour', { exact: true }).fill('#b91c1c');
    await page.getByLabel('Chat button position').selectOption('left');
    await page.getByLabel('Greeting beside the closed button').fill('Questions about your card?');
    await page.getByLabel('Avatar picture (https address)').fill('http://insecure.example/logo.png');
    await page.getByText('Use an address starting with https://.').waitFor();
    await page.getByLabel('Avatar picture (https address)').fill('');

    await expect.poll(() => inPreview('.sb-title').innerText()).toBe('Northbank help');
    const color = await preview().locator('[data-switchboard-widget]').evaluate((el) => (el as HTMLElement).style.getPropertyValue('--sb-primary'));
    expect(color).toBe('#b91c1c');
    expect(await inPreview('.sb-root').getAttribute('class')).toContain('sb-left');

    // Form and the whole widget side by side, nothing cut off, at both laptop sizes.
    for (const [width, height] of [[1440, 900], [1280, 800]] as const) {
      await page.setViewportSize({ width, height });
      const form = await dialog.locator('.sb-widget-settings__form').boundingBox();
      const box = await preview().boundingBox();
      const frame = await dialog.boundingBox();
      if (!form || !box || !frame) throw new Error('widget dialog not laid out');
      expect(box.x).toBeGreaterThanOrEqual(form.x + form.width);
      expect(Math.abs(box.y - form.y)).toBeLessThan(40);
      expect(box.height).toBeGreaterThan(450);
      expect(frame.y).toBeGreaterThanOrEqual(0);
      expect(frame.y + frame.height).toBeLessThanOrEqual(height);
      const shot = artifactPath(`widget-settings-${width}.png`);
      await page.screenshot({ path: shot });
      if (width === 1440) publishScreenshot(shot, 'widget-settings.png');
    }
    await page.setViewportSize({ width: 1440, height: 900 });

    await page.getByRole('button', { name: 'Show closed' }).click();
    await expect.poll(() => inPreview('.sb-teaser').innerText()).toContain('Questions about your card?');

    // Escape closes it, focus goes back to the button that opened it, and the summary shows the edits.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await opener.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await page.getByTestId('widget-summary').innerText()).toContain('Northbank help');
    await page.getByTestId('widget-summary').scrollIntoViewIfNeeded();
    await page.screenshot({ path: artifactPath('widget-settings-summary.png') });
  });

  it('publishes, is told no website may show the chat, adds the site there, and the site shows the branded widget', async () => {
    await page.locator('[data-testid="save-status"][data-state="saved"]').waitFor({ timeout: 15_000 });
    await page.locator('.pb-toolbar').getByRole('button', { name: 'Publish' }).click();
    const dialog = page.getByRole('dialog', { name: 'Publish' });
    await dialog.locator('[data-testid="publish-dialog"][data-phase="review"]').waitFor({ timeout: 20_000 });
    await dialog.getByRole('button', { name: 'Publish', exact: true }).click();
    await dialog.getByTestId('published-info').waitFor();
    await dialog.getByText('No website may show this chat yet').waitFor();

    await dialog.getByLabel('New website address').fill(siteUrl);
    await dialog.getByRole('button', { name: 'Add website' }).click();
    await dialog.getByText('Your websites get this change when you publish it.').waitFor();
    await dialog.getByRole('button', { name: 'Publish this change' }).click();
    await dialog.getByText(/Published as version \d+: your websites can show the chat now\./).waitFor({ timeout: 20_000 });

    const customer = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    await customer.goto(siteUrl);
    const launcher = customer.locator('button.sb-launcher');
    await launcher.waitFor();
    expect(await customer.locator('.sb-root').getAttribute('class')).toContain('sb-left');
    await customer.locator('.sb-teaser', { hasText: 'Questions about your card?' }).waitFor();
    await launcher.click();
    expect(await customer.locator('.sb-title').innerText()).toBe('Northbank help');
    expect(await customer.locator('[data-switchboard-widget]').evaluate((el) => (el as HTMLElement).style.getPropertyValue('--sb-primary'))).toBe('#b91c1c');
    await customer.locator('.sb-msg').first().waitFor();
    await customer.screenshot({ path: artifactPath('widget-branded-site.png') });
  });
});
