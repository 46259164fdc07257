import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateFlow } from '../../runtime/src/testing/generateFlow';
import { launchBrowser, login, startTestServer, type TestServer } from './support';

const SIZE = 1000;

let server: TestServer;
let browser: Browser;
let page: Page;

/**
 * For every drawn edge whose two cards are on screen: how far (in screen pixels) its ends are
 * from the handles it joins. Checks the guessed handle positions never outlive a measurement.
 */
const EDGE_END_ERRORS = `((edges) => {
  const errors = [];
  for (const edge of document.querySelectorAll('.sb-canvas .react-flow__edge')) {
    const path = edge.querySelector('path.react-flow__edge-path');
    const id = edge.getAttribute('data-id');
    if (!path || !id || !edges[id]) continue;
    const { source, target, sourceHandle: handleId } = edges[id];
    const sourceNode = document.querySelector('.sb-canvas .react-flow__node[data-id="' + source + '"]');
    const targetNode = document.querySelector('.sb-canvas .react-flow__node[data-id="' + target + '"]');
    if (!sourceNode || !targetNode) continue;
    const out = sourceNode.querySelector('.react-flow__handle.source' + (handleId ? '[data-handleid="' + handleId + '"]' : ''));
    const inn = targetNode.querySelector('.react-flow__handle.target');
    if (!out || !inn) continue;
    const m = path.getScreenCTM();
    const at = (len) => { const p = path.getPointAtLength(len); return { x: m.a * p.x + m.c * p.y + m.e, y: m.b * p.x + m.d * p.y + m.f }; };
    const start = at(0);
    const end = at(path.getTotalLength());
    const o = out.getBoundingClientRect();
    const i = inn.getBoundingClientRect();
    const d = (p, x, y) => Math.hypot(p.x - x, p.y - y);
    errors.push({ id, error: Math.max(d(start, o.right, o.top + o.height / 2), d(end, i.left, i.top + i.height / 2)) });
  }
  return errors;
})`;

let edgesById: Record<string, { source: string; target: string; sourceHandle?: string | null }> = {};

async function edgeEndErrors(): Promise<{ id: string; error: number }[]> {
  return (await page.evaluate(`${EDGE_END_ERRORS}(${JSON.stringify(edgesById)})`)) as { id: string; error: number }[];
}

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
  page = await context.newPage();
  page.on('dialog', (d) => void d.accept());
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe(`a ${SIZE}-node flow`, () => {
  it('mounts only the cards on screen, draws edges to their handles, and fills in the minimap and problems', async () => {
    await login(page, server);
    const doc = { ...generateFlow(SIZE), id: 'large-flow', name: 'Large flow' };
    // One option left unconnected, so the deferred validation has something to report.
    const choice = doc.nodes.find((n) => n.type === 'choice' && n.id !== 'start')!;
    const optionIds = new Set(choice.type === 'choice' ? choice.data.options.map((o) => o.id) : []);
    doc.edges = doc.edges.filter((e) => !(e.source === choice.id && optionIds.has(e.sourceHandle ?? '')));
    edgesById = Object.fromEntries(doc.edges.map((e) => [e.id, e]));
    await page.evaluate(async (document) => {
      const me = await (await fetch('/api/auth/me')).json();
      const res = await fetch('/api/flows', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': me.csrfToken },
        body: JSON.stringify({ document }),
      });
      if (!res.ok) throw new Error(`creating the flow failed: ${res.status}`);
    }, doc);

    await page.goto(`${server.url}/flows/large-flow?perf=1`);
    const cards = page.locator('.sb-canvas .react-flow__node');
    await cards.first().waitFor();
    await page.locator('.sb-canvas .react-flow__minimap').waitFor();
    expect(await page.locator('.sb-canvas .react-flow__minimap-node').count()).toBe(SIZE);

    // Far fewer card renders than nodes: off-screen cards were never mounted just to be measured.
    const renders = await page.evaluate(() => window.__sbNodeRenders ?? 0);
    expect(renders).toBeGreaterThan(0);
    expect(renders).toBeLessThan(SIZE / 5);
    expect(await cards.count()).toBeLessThan(SIZE / 5);

    await expect.poll(async () => (await edgeEndErrors()).length).toBeGreaterThan(0);
    await expect.poll(async () => Math.max(...(await edgeEndErrors()).map((e) => e.error))).toBeLessThan(2);

    // Panning brings new cards in; once measured, their edges meet their handles too.
    const pane = page.locator('.sb-canvas .react-flow__pane');
    const box = (await pane.boundingBox())!;
    const seen = new Set(await cards.evaluateAll((els) => els.map((el) => el.getAttribute('data-id'))));
    await page.mouse.move(box.x + box.width - 40, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + 200, box.y + box.height / 2 - 200, { steps: 15 });
    await page.mouse.up();
    await expect
      .poll(async () => (await cards.evaluateAll((els) => els.map((el) => el.getAttribute('data-id')))).some((id) => !seen.has(id)))
      .toBe(true);
    await expect.poll(async () => Math.max(...(await edgeEndErrors()).map((e) => e.error))).toBeLessThan(2);

    // Dragging a card carries its edges with it, still ending at its handles.
    const card = cards.filter({ has: page.locator('.react-flow__handle.target') }).first();
    const head = (await card.locator('.sbn-head').boundingBox())!;
    await page.mouse.move(head.x + head.width / 2, head.y + head.height / 2);
    await page.mouse.down();
    await page.mouse.move(head.x + head.width / 2 + 60, head.y + head.height / 2 + 40, { steps: 8 });
    await page.mouse.up();
    await expect.poll(async () => Math.max(...(await edgeEndErrors()).map((e) => e.error))).toBeLessThan(2);

    // The validator ran after the first paint and reported the unconnected option.
    await expect.poll(async () => Number(await page.locator('.fe-bottom .fe-count').first().textContent({ timeout: 1000 }).catch(() => '0'))).toBeGreaterThan(0);
  });
});
