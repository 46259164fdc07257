import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactPath, launchBrowser, login, startTestServer, type TestServer, publishScreenshot } from './support';

let server: TestServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

const nodeOfKind = (kind: string) => page.locator(`.sb-canvas .react-flow__node:has(.sbn[data-kind="${kind}"])`);
const inspector = () => page.locator('.fe-inspector');

async function connect(from: Locator, handle: string, to: Locator) {
  const a = (await from.locator(`.react-flow__handle.source[data-handleid="${handle}"]`).boundingBox())!;
  const b = (await to.locator('.react-flow__handle.target').boundingBox())!;
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 12 });
  await page.mouse.up();
}

/** A point on the canvas with room for a card, clear of every node and overlay. */
async function freeSpot(): Promise<{ x: number; y: number }> {
  return page.evaluate(() => {
    const pane = document.querySelector('.sb-canvas .react-flow__pane')!.getBoundingClientRect();
    const blockers = [...document.querySelectorAll('.react-flow__node, .react-flow__minimap, .react-flow__controls')].map((el) => el.getBoundingClientRect());
    for (let y = pane.top + 30; y < pane.bottom - 200; y += 20) {
      for (let x = pane.left + 40; x < pane.right - 300; x += 20) {
        const r = { left: x - 40, top: y - 30, right: x + 280, bottom: y + 200 };
        if (blockers.every((b) => b.right < r.left || b.left > r.right || b.bottom < r.top || b.top > r.bottom)) return { x, y };
      }
    }
    throw new Error('no free space left on the canvas');
  });
}

async function dropFromPalette(kind: string) {
  const pane = page.locator('.sb-canvas .react-flow__pane');
  const spot = await freeSpot();
  const box = (await pane.boundingBox())!;
  const before = await nodeOfKind(kind).count();
  await page.locator(`.sb-palette__item[data-kind="${kind}"]`).dragTo(pane, { targetPosition: { x: spot.x - box.x, y: spot.y - box.y } });
  await expect.poll(() => nodeOfKind(kind).count()).toBe(before + 1);
}

async function writeMessage(card: Locator, text: string) {
  await card.click();
  const field = inspector().getByRole('combobox', { name: 'Message', exact: true });
  await field.fill(text);
}

/** The customer's side: the public chat API of the published flow, as the widget calls it. */
async function chat(flowId: string, text: string): Promise<string[]> {
  const started = await fetch(`${server.url}/api/chat/${flowId}/sessions`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
  expect(started.status).toBe(201);
  const { sessionId, sessionToken, messages } = (await started.json()) as { sessionId: string; sessionToken: string; messages: { text?: string }[] };
  expect(messages.map((m) => m.text)).toContain('What do you need?');
  const res = await fetch(`${server.url}/api/chat/sessions/${sessionId}/messages`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${sessionToken}` },
    body: JSON.stringify({ text }),
  });
  expect(res.status).toBe(200);
  const body = (await res.json()) as { messages: { from: string; text?: string }[] };
  return body.messages.filter((m) => m.from === 'bot').map((m) => m.text ?? '');
}

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
  page = await context.newPage();
  page.on('dialog', (d) => void d.accept());
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

describe('intent step, built in the editor', () => {
  let flowId: string;

  it('builds an intent step with two intents, pasted phrases and three connected branches', async () => {
    await login(page, server);
    await page.getByRole('button', { name: 'New flow' }).first().click();
    await page.getByRole('dialog').getByLabel('Name', { exact: true }).fill('Intent e2e');
    await page.getByRole('dialog').getByRole('button', { name: 'Create flow' }).click();
    await page.waitForURL(/\/flows\//);
    flowId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
    await nodeOfKind('message').first().waitFor();

    await dropFromPalette('intent');
    for (let i = 0; i < 3; i++) await dropFromPalette('message');

    const intent = nodeOfKind('intent');
    await intent.click();
    const form = inspector();
    await form.getByRole('combobox', { name: 'Say first (optional)' }).fill('What do you need?');
    await form.getByLabel('Name of intent 1').fill('Track order');
    await form.getByRole('button', { name: 'Paste many phrases' }).first().click();
    await form
      .getByLabel('Paste phrases for Track order, one per line')
      .fill(['where is my order', 'track my parcel', 'has my package shipped', 'when will my delivery arrive', 'order status'].join('\n'));
    await form.getByRole('button', { name: 'Add 5 phrases' }).click();

    await form.getByRole('button', { name: 'Add an intent' }).click();
    await form.getByLabel('Name of intent 2').fill('Refund');
    const refundInput = form.getByLabel('Add an example phrase to Refund');
    for (const phrase of ['I want my money back', 'refund please', 'return this item for a refund', 'can I get a refund']) {
      await refundInput.fill(phrase);
      await refundInput.press('Enter');
    }
    await expect.poll(() => form.getByRole('list', { name: 'Example phrases of Refund' }).getByTestId('phrase').count()).toBe(4);

    // A phrase under both intents is flagged where it is typed.
    await refundInput.fill('Where is my ORDER?');
    await refundInput.press('Enter');
    await form.getByText('Also under: Track order').waitFor();
    const shot = artifactPath('intent-form.png');
    await form.screenshot({ path: shot });
    publishScreenshot(shot, 'intent-form.png');
    await form.getByRole('button', { name: 'Remove phrase "Where is my ORDER?"' }).click();
    await expect.poll(() => form.getByText('Also under: Track order').count()).toBe(0);

    // The model check trains the production model in the page and answers for a typed message.
    const check = form.getByTestId('model-check');
    await check.getByText('No two intents are too close.').waitFor();
    await check.getByLabel('Try a message').fill('my parcel has not arrived yet');
    await check.getByRole('status').getByText(/^Goes to “Track order” \(\d+% sure; needs \d+%\)\.$/).waitFor();
    // The training ran in a Web Worker, not on the page's main thread.
    expect(await page.evaluate(() => performance.getEntriesByType('resource').some((e) => e.name.includes('nodeModel.worker')))).toBe(true);
    const sensitivity = form.locator('.sb-threshold');
    await sensitivity.getByText(/^Now \d+%: worked out from your phrases\.$/).waitFor();
    await sensitivity.getByText('Asks again more often').waitFor();
    await sensitivity.getByText('Guesses more often').waitFor();
    await sensitivity.scrollIntoViewIfNeeded();
    await page.screenshot({ path: artifactPath('intent-model-check-1440.png') });
    await page.setViewportSize({ width: 1280, height: 800 });
    await sensitivity.scrollIntoViewIfNeeded();
    await page.screenshot({ path: artifactPath('intent-model-check-1280.png') });
    await page.setViewportSize({ width: 1440, height: 900 });

    // The card grew one output per intent, plus the muted fallback.
    const handles = await intent.locator('.react-flow__handle.source').evaluateAll((els) => els.map((e) => e.getAttribute('data-handleid')!));
    expect(handles).toHaveLength(3);
    expect(handles[2]).toBe('fallback');
    await intent.getByText('Track order').waitFor();
    await intent.getByText('Not understood').waitFor();

    const messages = nodeOfKind('message');
    await writeMessage(messages.nth(1), 'Your parcel is on its way.');
    await writeMessage(messages.nth(2), 'I have started your refund.');
    await writeMessage(messages.nth(3), 'Sorry, I did not get that. Try other words.');

    const edges = page.locator('.sb-canvas .react-flow__edge');
    const edgesBefore = await edges.count();
    await connect(messages.nth(0), 'next', intent);
    await connect(intent, handles[0]!, messages.nth(1));
    await connect(intent, handles[1]!, messages.nth(2));
    await connect(intent, 'fallback', messages.nth(3));
    await expect.poll(() => edges.count()).toBe(edgesBefore + 4);
    await page.screenshot({ path: artifactPath('intent-canvas.png') });
    await page.locator('[data-testid="save-status"][data-state="saved"]').waitFor({ timeout: 15_000 });
  });

  it('previews it: free text takes the matching branch, gibberish takes `fallback`', async () => {
    await page.getByRole('button', { name: 'Preview', exact: true }).click();
    const panel = page.getByTestId('preview-panel');
    const botSays = (text: string) => panel.locator('.sb-msg-bot .sb-bubble', { hasText: text });
    const say = async (text: string) => {
      await panel.getByRole('textbox', { name: 'Your message' }).fill(text);
      await panel.getByRole('button', { name: 'Send' }).click();
    };
    await botSays('What do you need?').waitFor();
    await say('Where is my package? It has not arrived');
    await botSays('Your parcel is on its way.').waitFor();
    await page.screenshot({ path: artifactPath('intent-preview.png') });
    await panel.getByRole('button', { name: 'Restart' }).click();
    await expect.poll(() => botSays('Your parcel is on its way.').count()).toBe(0);
    await botSays('What do you need?').waitFor();
    await say('xqzv blorft wibble');
    await botSays('Sorry, I did not get that. Try other words.').waitFor();
    expect(await botSays('Your parcel is on its way.').count()).toBe(0);
    await panel.getByRole('button', { name: 'Close panel' }).click();
  });

  it('takes the right branch for free text and `fallback` for gibberish once published', async () => {
    const published = await page.evaluate(async (id) => {
      const me = await (await fetch('/api/auth/me')).json();
      const res = await fetch(`/api/flows/${encodeURIComponent(id)}/publish`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': me.csrfToken },
        body: JSON.stringify({ note: 'intent e2e' }),
      });
      return { status: res.status, body: await res.text() };
    }, flowId);
    expect(published.status, published.body).toBe(201);

    expect(await chat(flowId, 'Where is my package? It has not arrived')).toContain('Your parcel is on its way.');
    expect(await chat(flowId, 'I would like a refund for this')).toContain('I have started your refund.');
    expect(await chat(flowId, 'xqzv blorft wibble')).toContain('Sorry, I did not get that. Try other words.');
  });
});
