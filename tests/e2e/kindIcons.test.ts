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

/** The lucide class of an icon, e.g. "lucide lucide-flag": names the drawing, not its size. */
const iconClass = (selector: string) => page.locator(selector).first().evaluate((svg) => svg.getAttribute('class') ?? '');

/**
 * Large flows open at 100 % on the start step, so a card further along may lie off screen:
 * zoom out (as a person would, with the canvas's own button) until it is inside the canvas.
 */
async function zoomOutUntilVisible(card: ReturnType<Page['locator']>) {
  const pane = await page.locator('.sb-canvas').boundingBox();
  for (let i = 0; i < 12; i++) {
    await card.waitFor({ state: 'attached', timeout: 500 }).catch(() => undefined);
    const box = await card.boundingBox().catch(() => null);
    const inside =
      box && pane && box.x >= pane.x && box.y >= pane.y && box.x + box.width <= pane.x + pane.width && box.y + box.height <= pane.y + pane.height;
    if (inside) return;
    await page.locator('.react-flow__controls-zoomout').click();
    await page.waitForTimeout(150);
  }
}

describe('node kind icons', () => {
  it('the canvas card and the inspector show the same icon and colour for every kind in the bank card sample', async () => {
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
    await page.locator('.sb-canvas .react-flow__node').first().waitFor();
    await page.screenshot({ path: artifactPath('kinds-canvas-1440.png') });

    let questionText = '';
    const kinds = ['question', 'choice', 'condition', 'end', 'message', 'handoff', 'set', 'jump'];
    for (const kind of kinds) {
      const card = page.locator(`.react-flow__node:has(.sbn[data-kind="${kind}"])`).first();
      await zoomOutUntilVisible(card);
      const nodeId = await card.getAttribute('data-id');
      await card.locator('.sbn-head').click();
      const header = page.locator(`.sb-kind-icon[data-kind="${kind}"]`);
      await header.waitFor();
      const onCard = await iconClass(`.react-flow__node[data-id="${nodeId}"] .sbn-icon svg`);
      const inInspector = await iconClass(`.sb-kind-icon[data-kind="${kind}"] svg`);
      expect(onCard, kind).toMatch(/lucide-[a-z]/);
      expect(inInspector, kind).toBe(onCard);
      const colours = await page.evaluate((nid) => {
        const c = document.querySelector(`.react-flow__node[data-id="${nid}"] .sbn-icon`)!;
        const h = document.querySelector('.sb-kind-icon')!;
        return [getComputedStyle(c).color, getComputedStyle(h).color];
      }, nodeId);
      expect(colours[1], kind).toBe(colours[0]);
      if (kind === 'question') questionText = (await card.locator('.sbn-text').first().textContent()) ?? '';
    }

    // Find centres the question at a readable zoom and selects it, so both icons can be seen side by side.
    await page.keyboard.press('Control+f');
    await page.getByRole('searchbox', { name: 'Find a step' }).fill(questionText.slice(0, 30));
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await page.locator('.sb-kind-icon[data-kind="question"]').waitFor();
    await page.waitForTimeout(500);
    await page.screenshot({ path: artifactPath('kinds-question-1440.png') });
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.waitForTimeout(300);
    await page.screenshot({ path: artifactPath('kinds-question-1280.png') });
  });
});
