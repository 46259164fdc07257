import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { artifactPath, launchBrowser, login, startTestServer, type TestServer } from './support';

// The editor's top bar at laptop widths: the save status, the edit tools and the release controls
// each keep their own room; at 1024 px the status folds to an icon whose tooltip says it.
const FLOW = 'sample-bank-card-en';
let server: TestServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
  page = await (await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US' })).newPage();
  await login(page, server);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

type Box = { name: string; x: number; y: number; width: number; height: number };

/** Every visible part of the top bar, in order, with its box as drawn. */
async function barParts(): Promise<Box[]> {
  return page.evaluate(() => {
    const top = document.querySelector('.fe-top')!;
    const parts = [top.querySelector('.fe-back'), top.querySelector('.fe-name'), top.querySelector('.sb-save'), ...top.querySelectorAll('.fe-tools button'), ...top.querySelectorAll('.pb-toolbar > *')];
    return parts
      .filter((el): el is Element => el !== null)
      .map((el) => {
        const r = el.getBoundingClientRect();
        return { name: el.getAttribute('aria-label') ?? el.textContent ?? el.className, x: r.x, y: r.y, width: r.width, height: r.height };
      })
      .filter((b) => b.width > 0);
  });
}

describe('editor top bar', () => {
  it('never overlaps at 1440 and 1280, and folds the save status to an icon at 1024', async () => {
    await page.goto(`${server.url}/flows/${FLOW}`);
    await page.locator('.react-flow__node').first().waitFor();
    // Hold saves so "Unsaved changes"/"Saving…" stays up while we measure, as after a real edit.
    await page.route('**/api/flows/**', (route) => (route.request().method() === 'PUT' ? undefined : route.continue()));
    await page.locator('.react-flow__node:has(.sbn[data-kind="message"])').first().click();
    await page.keyboard.press('Control+d');
    await page.locator('[data-testid="save-status"]:not([data-state="saved"])').waitFor();

    for (const [width, height] of [[1440, 900], [1280, 800], [1024, 768]] as const) {
      await page.setViewportSize({ width, height });
      const parts = await barParts();
      for (let i = 1; i < parts.length; i++) {
        const before = parts[i - 1]!;
        const part = parts[i]!;
        expect(part.x, `${part.name} starts after ${before.name} ends at ${width}px`).toBeGreaterThanOrEqual(before.x + before.width - 0.5);
      }
      const last = parts[parts.length - 1]!;
      expect(last.x + last.width).toBeLessThanOrEqual(width);
      const status = page.locator('.fe-save .sb-save');
      const text = page.locator('.fe-save .sb-save__text');
      const shown = await text.evaluate((el) => {
        // The words' own width against the room they got: an ellipsis means they did not fit.
        const words = document.createRange();
        words.selectNodeContents(el);
        const room = el.getBoundingClientRect().width;
        return room > 1 && words.getBoundingClientRect().width <= room + 0.5 && el.scrollWidth <= el.clientWidth;
      });
      // The status reads in full at laptop widths; at 1024 it is an icon with the words as tooltip.
      expect(shown, `status words shown in full at ${width}px`).toBe(width >= 1280);
      expect(await status.getAttribute('title')).toBe(await text.textContent());
      await page.screenshot({ path: artifactPath(`editor-toolbar-${width}.png`), clip: { x: 0, y: 0, width, height: 160 } });
    }
    await page.setViewportSize({ width: 1440, height: 900 });
  });
});
