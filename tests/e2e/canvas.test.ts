import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactPath, launchBrowser, login, startTestServer, type TestServer, publishScreenshot } from './support';

let server: TestServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

const nodeOfKind = (kind: string) => page.locator(`.react-flow__node:has(.sbn[data-kind="${kind}"])`);
const nodes = () => page.locator('.sb-canvas .react-flow__node');
const edges = () => page.locator('.sb-canvas .react-flow__edge');

async function connect(from: Locator, handle: string, to: Locator) {
  const source = from.locator(`.react-flow__handle.source[data-handleid="${handle}"]`);
  const target = to.locator('.react-flow__handle.target');
  const a = (await source.boundingBox())!;
  const b = (await target.boundingBox())!;
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 12 });
  await page.mouse.up();
}

/** A point on the canvas with room for a card (and its handles) clear of every node and overlay. */
async function freeSpot(): Promise<{ x: number; y: number }> {
  return page.evaluate(() => {
    const pane = document.querySelector('.sb-canvas .react-flow__pane')!.getBoundingClientRect();
    const blockers = [...document.querySelectorAll('.react-flow__node, .react-flow__minimap, .react-flow__controls')].map(
      (el) => el.getBoundingClientRect(),
    );
    for (let y = pane.top + 30; y < pane.bottom - 180; y += 20) {
      for (let x = pane.left + 40; x < pane.right - 300; x += 20) {
        const r = { left: x - 40, top: y - 30, right: x + 280, bottom: y + 180 };
        if (blockers.every((b) => b.right < r.left || b.left > r.right || b.bottom < r.top || b.top > r.bottom)) return { x, y };
      }
    }
    throw new Error('no free space left on the canvas');
  });
}

async function waitSaved() {
  await page.locator('[data-testid="save-status"][data-state="saved"]').waitFor({ timeout: 15_000 });
}

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  page = await context.newPage();
  // Leaving with unsaved changes asks first; these tests wait for the save, so always go on.
  page.on('dialog', (d) => void d.accept());
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

describe('flow canvas', () => {
  it('builds a flow from the palette, undoes, pastes and keeps it all after a reload', async () => {
    await login(page, server);
    await page.getByRole('button', { name: 'New flow' }).first().click();
    await page.getByRole('dialog').getByLabel('Name', { exact: true }).fill('Canvas e2e');
    await page.getByRole('dialog').getByRole('button', { name: 'Create flow' }).click();
    await page.waitForURL(/\/flows\//);
    await nodes().first().waitFor();
    const startCount = await nodes().count();
    const startEdges = await edges().count();

    // Four different kinds, each dragged from the palette onto a free patch of canvas.
    const pane = page.locator('.sb-canvas .react-flow__pane');
    for (const kind of ['question', 'choice', 'handoff', 'end']) {
      const spot = await freeSpot();
      const box = (await pane.boundingBox())!;
      await page.locator(`.sb-palette__item[data-kind="${kind}"]`).dragTo(pane, {
        targetPosition: { x: spot.x - box.x, y: spot.y - box.y },
      });
      await nodeOfKind(kind).waitFor();
    }
    expect(await nodes().count()).toBe(startCount + 4);

    const message = nodeOfKind('message').first();
    await connect(message, 'next', nodeOfKind('question'));
    await connect(nodeOfKind('question'), 'next', nodeOfKind('choice'));
    const optionId = await nodeOfKind('choice').locator('.react-flow__handle.source').first().getAttribute('data-handleid');
    await connect(nodeOfKind('choice'), optionId!, nodeOfKind('handoff'));
    await connect(nodeOfKind('handoff'), 'resolved', nodeOfKind('end'));
    await page.screenshot({ path: artifactPath('canvas-built.png') });
    await expect.poll(() => edges().count()).toBe(startEdges + 4);

    await page.locator('.sb-canvas').click({ position: { x: 10, y: 10 } });
    await page.keyboard.press('Control+z');
    await expect.poll(() => edges().count()).toBe(startEdges + 3);
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => edges().count()).toBe(startEdges + 4);
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+y');
    await expect.poll(() => edges().count()).toBe(startEdges + 4);

    // Copy and paste the choice and handoff together: the edge between them comes along.
    await nodeOfKind('choice').click();
    await nodeOfKind('handoff').click({ modifiers: ['Shift'] });
    await page.keyboard.press('Control+c');
    await page.keyboard.press('Control+v');
    await expect.poll(() => nodes().count()).toBe(startCount + 6);
    await expect.poll(() => edges().count()).toBe(startEdges + 5);
    const clip = await page.evaluate(() => navigator.clipboard.readText());
    expect(JSON.parse(clip)).toMatchObject({ switchboard: 'nodes' });

    // Find jumps to a node by its text.
    await page.keyboard.press('Control+f');
    await page.getByRole('searchbox', { name: 'Find a step' }).fill('hello');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.react-flow__node.selected').count()).toBeGreaterThan(0);
    await page.keyboard.press('Escape');

    await waitSaved();
    const before = { nodes: await nodes().count(), edges: await edges().count() };
    await page.reload();
    await nodes().first().waitFor();
    await expect.poll(() => nodes().count()).toBe(before.nodes);
    await expect.poll(() => edges().count()).toBe(before.edges);
    expect(await nodeOfKind('choice').count()).toBe(2);
    expect(await nodeOfKind('handoff').count()).toBe(2);
  });

  it('opens the quick-add menu when a connection is dropped on empty canvas', async () => {
    // The pasted copy landed under the pointer, maybe off screen: zoom out until both handoffs show.
    for (let i = 0; i < 2; i++) await page.locator('.react-flow__controls-zoomout').click();
    await page.waitForTimeout(300);
    const handle = nodeOfKind('handoff').last().locator('.react-flow__handle.source[data-handleid="offline"]');
    const a = (await handle.boundingBox())!;
    // The nearest point to the right of the handle where nothing but empty canvas is under the pointer.
    const spot = await page.evaluate(({ x0, y0 }) => {
      for (let r = 120; r < 800; r += 20) {
        for (const [dx, dy] of [[r, 0], [r, r / 2], [r, -r / 2], [0, r], [r / 2, r]] as const) {
          const el = document.elementFromPoint(x0 + dx, y0 + dy);
          if (el?.classList.contains('react-flow__pane')) return { x: x0 + dx, y: y0 + dy };
        }
      }
      return null;
    }, { x0: a.x + a.width / 2, y0: a.y + a.height / 2 });
    expect(spot).not.toBeNull();
    const count = await nodes().count();
    const edgeCount = await edges().count();
    await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
    await page.mouse.down();
    await page.mouse.move(spot!.x, spot!.y, { steps: 10 });
    await page.mouse.up();
    const menu = page.getByRole('listbox', { name: 'Add a connected step' });
    await menu.waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => nodes().count()).toBe(count + 1);
    await expect.poll(() => edges().count()).toBe(edgeCount + 1);
    await expect(menu.count()).resolves.toBe(0);
  });

  it('shows the bank card sample clearly', async () => {
    if (await page.locator('[data-testid="save-status"]').count()) await waitSaved();
    else await login(page, server);
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
    await nodes().first().waitFor();
    await page.setViewportSize({ width: 1600, height: 1000 });
    // Find centres the main menu at a readable zoom, as a user looking for it would.
    await page.keyboard.press('Control+f');
    await page.getByRole('searchbox', { name: 'Find a step' }).fill('What do you need help with');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await page.waitForTimeout(500);
    const file = artifactPath('canvas.png');
    await page.screenshot({ path: file });
    publishScreenshot(file, 'canvas.png');

    // Tidy up lays the measured cards out with no two overlapping.
    await page.getByRole('button', { name: 'Tidy up layout' }).click();
    await page.waitForTimeout(500);
    await page.screenshot({ path: artifactPath('canvas-layout.png') });
    const boxes = await nodes().evaluateAll((els) => els.map((el) => el.getBoundingClientRect().toJSON() as DOMRect));
    const overlaps = boxes.flatMap((a, i) =>
      boxes.slice(i + 1).filter((b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom),
    );
    expect(overlaps).toEqual([]);
  });
});
