import { copyFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactPath, launchBrowser, login, REPO_ROOT, startTestServer, type TestServer } from './support';

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
  page.on('console', (m) => { if (m.type() === 'error') console.log('BROWSER', m.text()); });
  page.on('pageerror', (e) => console.log('PAGEERROR', e.message));
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

    // Four different kinds, dragged from the palette to free spots on the canvas.
    const pane = page.locator('.sb-canvas .react-flow__pane');
    const box = (await pane.boundingBox())!;
    const drops: Array<[string, number, number]> = [
      ['question', 0.04, 0.04],
      ['choice', 0.1, 0.62],
      ['handoff', 0.42, 0.04],
      ['end', 0.72, 0.45],
    ];
    for (const [kind, fx, fy] of drops) {
      await page.locator(`.sb-palette__item[data-kind="${kind}"]`).dragTo(pane, {
        targetPosition: { x: box.width * fx, y: box.height * fy },
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
    const end = nodeOfKind('end').first();
    await nodeOfKind('handoff').first().scrollIntoViewIfNeeded();
    const handle = nodeOfKind('handoff').first().locator('.react-flow__handle.source[data-handleid="offline"]');
    const a = (await handle.boundingBox())!;
    const count = await nodes().count();
    await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
    await page.mouse.down();
    await page.mouse.move(a.x + 160, a.y + 140, { steps: 10 });
    await page.mouse.up();
    await page.screenshot({ path: artifactPath('canvas-quickadd.png') });
    const menu = page.getByRole('listbox', { name: 'Add a connected step' });
    await menu.waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => nodes().count()).toBe(count + 1);
    await nodeOfKind('question').nth(1).waitFor();
    void end;
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
    await page.screenshot({ path: artifactPath('canvas-sample-debug.png') });
    await nodes().first().waitFor();
    await page.waitForTimeout(600);
    await nodeOfKind('choice').first().click();
    await page.waitForTimeout(300);
    const file = artifactPath('canvas.png');
    await page.screenshot({ path: file });
    copyFileSync(file, path.join(REPO_ROOT, 'docs/screenshots/canvas.png'));
    // Every card fits its text: nothing spills outside the node box.
    const overflow = await page.evaluate(() =>
      [...document.querySelectorAll('.sbn')].filter((el) => el.scrollWidth > el.clientWidth + 1).length,
    );
    expect(overflow).toBe(0);
  });
});
