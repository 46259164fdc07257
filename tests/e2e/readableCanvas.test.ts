import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactPath, launchBrowser, login, startTestServer, type TestServer } from './support';

const FLOW = 'sample-bank-card-en';
const READABLE_ZOOM = 0.75;

let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

async function openSample(width: number, height: number): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height }, locale: 'en-US' });
  contexts.push(context);
  const page = await context.newPage();
  await login(page, server);
  await page.goto(`${server.url}/flows/${FLOW}`);
  await page.locator('.sb-canvas .react-flow__node').first().waitFor();
  await page.locator('.sb-canvas .react-flow__minimap').waitFor();
  // Let the fit (after the cards are measured) settle.
  await page.waitForTimeout(400);
  return page;
}

const zoomOf = (page: Page) =>
  page.locator('.sb-canvas .react-flow__viewport').evaluate((el) => new DOMMatrixReadOnly(getComputedStyle(el).transform).a);

/** Cards on screen that the minimap or the zoom buttons overlap (only the part inside the canvas counts). */
const coveredCards = (page: Page) =>
  page.evaluate(() => {
    const pane = document.querySelector('.sb-canvas')!.getBoundingClientRect();
    const covers = [...document.querySelectorAll('.sb-canvas .react-flow__minimap, .sb-canvas .react-flow__controls')].map((el) =>
      el.getBoundingClientRect(),
    );
    return [...document.querySelectorAll('.sb-canvas .react-flow__node')]
      .filter((el) => {
        const b = el.getBoundingClientRect();
        const r = { left: Math.max(b.left, pane.left), right: Math.min(b.right, pane.right), top: Math.max(b.top, pane.top), bottom: Math.min(b.bottom, pane.bottom) };
        if (r.left >= r.right || r.top >= r.bottom) return false;
        return covers.some((c) => r.left < c.right && r.right > c.left && r.top < c.bottom && r.bottom > c.top);
      })
      .map((el) => el.getAttribute('data-id'));
  });

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await server?.stop();
});

describe('a readable canvas', () => {
  for (const [width, height] of [
    [1440, 900],
    [1280, 800],
  ] as const) {
    it(`opens the bank-card sample readable at ${width}x${height}, with nothing under the minimap`, async () => {
      const page = await openSample(width, height);
      await page.screenshot({ path: artifactPath(`bank-card-${width}x${height}.png`) });
      expect(await zoomOf(page)).toBeGreaterThanOrEqual(READABLE_ZOOM);
      expect(await coveredCards(page)).toEqual([]);
      // Fit to screen keeps the same floor.
      await page.locator('.react-flow__controls-fitview').click();
      await page.waitForTimeout(300);
      await page.screenshot({ path: artifactPath(`bank-card-fit-${width}x${height}.png`) });
      expect(await zoomOf(page)).toBeGreaterThanOrEqual(READABLE_ZOOM);
      expect(await coveredCards(page)).toEqual([]);
    });
  }

  it('opening the preview hides the empty inspector rather than squeezing the canvas', async () => {
    const page = await openSample(1280, 800);
    const canvasWidth = async () => (await page.locator('.sb-canvas').boundingBox())!.width;
    const before = await canvasWidth();
    await page.locator('.pb-toolbar').getByRole('button', { name: 'Preview' }).click();
    await page.locator('[data-preview-widget]').waitFor();
    expect(await page.locator('.fe-inspector').isVisible()).toBe(false);
    // The preview takes about the room the empty inspector gave up.
    expect(await canvasWidth()).toBeGreaterThan(before - 60);
    await page.screenshot({ path: artifactPath('bank-card-preview-1280x800.png') });
    // Selecting a step brings the inspector back beside the preview.
    await page.locator('.sb-canvas .react-flow__node[data-id="main-menu"]').click();
    await page.locator('.fe-inspector').waitFor({ state: 'visible' });
  });

  it('pastes copied steps where the pointer is, not on top of the original', async () => {
    const page = await openSample(1440, 900);
    const original = page.locator('.sb-canvas .react-flow__node[data-id="main-menu"]');
    await original.click();
    await page.keyboard.press('Control+c');
    const pane = (await page.locator('.sb-canvas').boundingBox())!;
    // An empty spot above the start, clear of the original menu to the right.
    const target = { x: pane.x + 100, y: pane.y + 40 };
    await page.mouse.move(target.x, target.y);
    const before = await page.locator('.sb-canvas .react-flow__node').count();
    await page.keyboard.press('Control+v');
    await expect.poll(() => page.locator('.sb-canvas .react-flow__node').count()).toBe(before + 1);
    const pasted = page.locator('.sb-canvas .react-flow__node.selected');
    const box = (await pasted.boundingBox())!;
    const from = (await original.boundingBox())!;
    // Its top-left corner sits at the pointer (within the grid snap and the header grip).
    expect(Math.abs(box.x - target.x)).toBeLessThan(40);
    expect(Math.abs(box.y - target.y)).toBeLessThan(40);
    expect(Math.abs(box.x - from.x) > from.width || Math.abs(box.y - from.y) > from.height).toBe(true);
  });
});
