import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactPath, launchBrowser, login, startTestServer, type TestServer, publishScreenshot } from './support';

let server: TestServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

const OLD_GOODBYE = 'Thank you for banking with Northbank. Take care!';
const NEW_GOODBYE = 'Thanks for chatting with Northbank. Goodbye!';
const TEST_NAME = 'Lost card, wrong answer first';

interface Msg {
  from: string;
  text?: string;
}

/** A customer on the public chat API, as the widget would be. */
class Customer {
  private constructor(
    private readonly id: string,
    private readonly token: string,
  ) {}

  static async start(flowId: string): Promise<Customer> {
    const res = await fetch(`${server.url}/api/chat/${flowId}/sessions`, { method: 'POST' });
    expect(res.status).toBe(201);
    const body = (await res.json()) as { sessionId: string; sessionToken: string };
    return new Customer(body.sessionId, body.sessionToken);
  }

  /** Sends a reply and returns the bot's texts in the answer. */
  async say(reply: { text: string } | { optionId: string }): Promise<string[]> {
    const res = await fetch(`${server.url}/api/chat/sessions/${this.id}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${this.token}` },
      body: JSON.stringify(reply),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { messages: Msg[] };
    return body.messages.filter((m) => m.from === 'bot').map((m) => m.text ?? '');
  }
}

const bot = () => page.locator('[data-preview-widget] .sb-msg-bot .sb-text');
const node = (id: string) => page.locator(`.sb-canvas .react-flow__node[data-id="${id}"] .sbn`);

async function waitSaved() {
  await page.locator('[data-testid="save-status"][data-state="saved"]').waitFor({ timeout: 15_000 });
}

async function answer(text: string) {
  const field = page.locator('[data-preview-widget] .sb-field');
  await field.fill(text);
  await field.press('Enter');
}

async function publishDialog() {
  await page.locator('.pb-toolbar').getByRole('button', { name: 'Publish' }).click();
  const dialog = page.getByRole('dialog', { name: 'Publish' });
  await dialog.locator('[data-testid="publish-dialog"][data-phase="review"]').waitFor({ timeout: 20_000 });
  return dialog;
}

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1600, height: 960 }, locale: 'en-US' });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  page = await context.newPage();
  page.on('dialog', (d) => void d.accept());
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

describe('preview, tests, publishing and history', () => {
  it('previews a sample, saves the chat as a test, publishes, changes, overrides and rolls back', async () => {
    await login(page, server);
    await page.getByRole('button', { name: 'New flow' }).first().click();
    const create = page.getByRole('dialog');
    await create.getByRole('tab', { name: 'From a template' }).click();
    await create.locator('input[type="radio"][value="sample-bank-card-en"]').check();
    await create.getByRole('button', { name: 'Create flow' }).click();
    await page.waitForURL(/\/flows\/[^/]+$/);
    const flowId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
    await node('main-menu').waitFor();
    await expect.poll(() => page.getByTestId('live-status').getAttribute('data-state')).toBe('draft');

    // 1. Preview: a choice, a wrong answer, the right one, to the end; the highlight follows.
    await page.locator('.pb-toolbar').getByRole('button', { name: 'Preview' }).click();
    await expect.poll(() => bot().allTextContents()).toEqual([
      "Hi, I'm the Northbank virtual assistant. I can help if your card is lost, stolen or blocked.",
      'What do you need help with?',
    ]);
    await expect.poll(() => node('main-menu').getAttribute('class')).toContain('sbn--current');
    await page.locator('[data-preview-widget] .sb-choice[data-option-id="opt-lost"]').click();
    await expect.poll(() => bot().last().textContent()).toBe('Would you like to order a replacement card? (yes/no)');
    await expect.poll(() => node('ask-replacement').getAttribute('class')).toContain('sbn--current');
    expect(await node('main-menu').getAttribute('class')).toContain('sbn--visited');
    await answer('maybe');
    await expect.poll(() => bot().last().textContent()).toBe('Please answer yes or no.');
    await answer('yes');
    await expect.poll(() => bot().last().textContent()).toBe('Is there anything else I can help you with? (yes/no)');
    await expect.poll(() => node('ask-anything-else').getAttribute('class')).toContain('sbn--current');
    expect(await node('replacement-info').getAttribute('class')).toContain('sbn--visited');
    await answer('no');
    await expect.poll(() => bot().last().textContent()).toBe(OLD_GOODBYE);
    await expect.poll(() => node('goodbye').getAttribute('class')).toContain('sbn--visited');
    expect(await page.getByTestId('edge-marks').textContent()).toContain('e-main-menu-opt-lost');
    // Closer in on where the conversation went, so the screenshot shows the highlighted path.
    await node('ask-anything-else').scrollIntoViewIfNeeded();
    for (let i = 0; i < 3; i++) await page.locator('.react-flow__controls-zoomin').click();
    await page.screenshot({ path: artifactPath('preview.png') });
    publishScreenshot(artifactPath('preview.png'), 'preview.png');

    // 2. Save the conversation as a test case, then publish v1.
    await page.getByRole('button', { name: 'Save as test' }).click();
    await page.getByLabel('Test name').fill(TEST_NAME);
    await page.getByRole('button', { name: 'Save test' }).click();
    await page.getByRole('dialog', { name: 'Save as test case' }).waitFor({ state: 'detached' });
    const saved = await page.evaluate(async (id) => (await fetch(`/api/flows/${id}/tests`)).json(), flowId);
    expect((saved as { tests: { name: string }[] }).tests.map((t) => t.name)).toContain(TEST_NAME);

    let dialog = await publishDialog();
    await expect.poll(() => dialog.getByText('First version: everything is new').count()).toBe(1);
    expect(await dialog.getByTestId('publish-failure').count()).toBe(0);
    await dialog.getByLabel('What changed (note for the version history)').fill('First release');
    await dialog.getByRole('button', { name: 'Publish', exact: true }).click();
    await dialog.getByTestId('published-info').waitFor();
    expect(await dialog.getByLabel('Public chat link').inputValue()).toBe(`${server.url}/chat/${flowId}`);
    expect(await dialog.getByLabel('Embed code for your website').inputValue()).toBe(
      `<script src="${server.url}/widget.js" data-flow="${flowId}" async></script>`,
    );
    await dialog.getByRole('button', { name: 'Close' }).first().click();
    await expect.poll(() => page.getByTestId('live-status').textContent()).toBe('Live v1');

    // A customer starts on v1 and gets as far as the last question before v2 goes live.
    const early = await Customer.start(flowId);
    await early.say({ optionId: 'opt-lost' });
    expect(await early.say({ text: 'yes' })).toContain('Is there anything else I can help you with? (yes/no)');

    // 3. Change a message: the summary shows it and the recorded test now fails; override to publish v2.
    await page.locator('.pb-toolbar').getByRole('button', { name: 'Preview' }).click();
    await page.locator('.sb-canvas').click({ position: { x: 10, y: 10 } });
    await page.keyboard.press('Control+f');
    await page.getByRole('searchbox', { name: 'Find a step' }).fill('banking with Northbank');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    const goodbyeField = page.getByLabel('Goodbye message');
    await goodbyeField.fill(NEW_GOODBYE);
    await waitSaved();
    await expect.poll(() => page.getByTestId('live-status').getAttribute('data-state')).toBe('changed');

    dialog = await publishDialog();
    const summary = dialog.getByTestId('change-summary');
    await expect.poll(() => summary.textContent()).toContain('Steps: 0 added, 0 removed, 1 changed');
    expect(await summary.locator('.cs-before').textContent()).toContain(OLD_GOODBYE);
    expect(await summary.locator('.cs-after').textContent()).toContain(NEW_GOODBYE);
    expect(await summary.locator('ins').count()).toBeGreaterThan(0);
    const failure = dialog.getByTestId('publish-failure').filter({ hasText: TEST_NAME });
    await expect.poll(() => failure.count()).toBe(1);
    expect(await failure.locator('.ft-diff__expected').textContent()).toBe(OLD_GOODBYE);
    expect(await failure.locator('.ft-diff__actual').textContent()).toBe(NEW_GOODBYE);
    const publishAnyway = dialog.getByRole('button', { name: 'Publish anyway' });
    expect(await publishAnyway.isDisabled()).toBe(true);
    await dialog.getByLabel('What changed (note for the version history)').fill('Friendlier goodbye');
    await dialog.getByLabel('Why publish despite failing tests? (required)').fill('Goodbye wording approved by marketing; tests to follow');
    await page.screenshot({ path: artifactPath('publish-summary.png') });
    await publishAnyway.click();
    await dialog.getByTestId('published-info').waitFor();
    expect(await dialog.getByTestId('published-info').textContent()).toContain('Version 2 is live.');
    await dialog.getByRole('button', { name: 'Close' }).first().click();
    await expect.poll(() => page.getByTestId('live-status').textContent()).toBe('Live v2');

    // 4. New conversations get v2; the one started on v1 still gets v1 on its next turn.
    const late = await Customer.start(flowId);
    await late.say({ optionId: 'opt-lost' });
    await late.say({ text: 'yes' });
    expect(await late.say({ text: 'no' })).toEqual([NEW_GOODBYE]);
    expect(await early.say({ text: 'no' })).toEqual([OLD_GOODBYE]);

    // History: the override note is recorded; compare v1 with v2 on the canvas.
    await page.locator('.pb-toolbar').getByRole('button', { name: 'History' }).click();
    const rows = page.getByTestId('version-row');
    await expect.poll(() => rows.count()).toBe(2);
    expect(await rows.first().textContent()).toContain('Published despite failing tests: Goodbye wording approved');
    await page.getByLabel('Older side').selectOption('1');
    await page.getByLabel('Newer side').selectOption('2');
    await page.getByRole('button', { name: 'Show', exact: true }).click();
    await page.getByTestId('version-banner').waitFor();
    expect(await page.getByTestId('version-banner').textContent()).toContain('Comparing Version 1 with Version 2');
    const changed = page.locator('[data-testid="version-canvas"] .react-flow__node[data-id="goodbye"]');
    await expect.poll(() => changed.locator('.sbn').getAttribute('class')).toContain('sbn--diff-changed');
    await changed.click();
    await page.getByTestId('node-diff').waitFor();
    expect(await page.getByTestId('node-diff').locator('del').allTextContents()).not.toEqual([]);
    await page.screenshot({ path: artifactPath('diff.png') });
    publishScreenshot(artifactPath('diff.png'), 'diff.png');
    await page.getByRole('button', { name: 'Back to draft' }).click();
    await page.getByTestId('version-banner').waitFor({ state: 'detached' });

    // 5. Roll back to v1: a new live version, and new conversations get v1's text.
    await rows.filter({ hasText: 'Version 1' }).getByRole('button', { name: 'Roll back to this' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Roll back' }).click();
    await expect.poll(() => rows.count()).toBe(3);
    // The draft went back to v1 with it, so nothing rolled back is waiting to be published again.
    await expect.poll(() => page.getByTestId('live-status').textContent()).toBe('Live v3');
    await page.getByText('Version 1 is live again and the draft is back to it.').waitFor();
    const after = await Customer.start(flowId);
    await after.say({ optionId: 'opt-lost' });
    await after.say({ text: 'yes' });
    expect(await after.say({ text: 'no' })).toEqual([OLD_GOODBYE]);

    // 6. An unrelated change published after the rollback does not bring v2's goodbye back.
    const draftGoodbye = () =>
      page.evaluate(async (id) => {
        const flow = (await (await fetch(`/api/flows/${id}`)).json()) as { nodes: { id: string; data: { text?: string } }[] };
        return flow.nodes.find((n) => n.id === 'goodbye')?.data.text;
      }, flowId);
    expect(await draftGoodbye()).toBe(OLD_GOODBYE);
    await expect.poll(() => node('goodbye').textContent()).toContain('Take care!');
    await page.locator('.sb-canvas').click({ position: { x: 10, y: 10 } });
    const menuCard = page.locator('.sb-canvas .react-flow__node[data-id="main-menu"]');
    const box = (await menuCard.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + 12);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 60, box.y + 52, { steps: 5 });
    await page.mouse.up();
    await waitSaved();
    await expect.poll(() => page.getByTestId('live-status').getAttribute('data-state')).toBe('changed');
    dialog = await publishDialog();
    expect(await dialog.textContent()).not.toContain(NEW_GOODBYE);
    await dialog.getByLabel('What changed (note for the version history)').fill('Tidy the menu position');
    await dialog.getByRole('button', { name: /^Publish/ }).last().click();
    await dialog.getByTestId('published-info').waitFor();
    await dialog.getByRole('button', { name: 'Close' }).first().click();
    await expect.poll(() => page.getByTestId('live-status').textContent()).toBe('Live v4');
    const later = await Customer.start(flowId);
    await later.say({ optionId: 'opt-lost' });
    await later.say({ text: 'yes' });
    expect(await later.say({ text: 'no' })).toEqual([OLD_GOODBYE]);
  });

  it('flags a question whose "Invalid answer" exit leads nowhere, and once published it stops asking after its retries', async () => {
    const flowId = 'e2e-unconnected-invalid';
    const document = {
      schemaVersion: 2,
      id: flowId,
      name: 'Order number check',
      variables: [{ name: 'order', type: 'number' }],
      nodes: [
        { id: 'start', type: 'start', position: { x: 0, y: 0 }, data: {} },
        { id: 'ask', type: 'question', position: { x: 300, y: 0 }, data: { text: 'Your order number?', variable: 'order', inputKind: 'number', maxRetries: 1 } },
        { id: 'bye', type: 'end', position: { x: 650, y: 0 }, data: { text: 'Thanks, looking up {{order}}.' } },
      ],
      edges: [
        { id: 'e1', source: 'start', sourceHandle: 'next', target: 'ask' },
        { id: 'e2', source: 'ask', sourceHandle: 'next', target: 'bye' },
      ],
    };
    const status = await page.evaluate(async (doc) => {
      const me = (await (await fetch('/api/auth/me')).json()) as { csrfToken: string };
      const res = await fetch('/api/flows', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
        body: JSON.stringify({ document: doc }),
      });
      return res.status;
    }, document);
    expect(status).toBe(201);
    await page.goto(`${server.url}/flows/${flowId}`);
    await node('ask').waitFor();
    await page.getByRole('tab', { name: /Problems/ }).click();
    const problem = page.locator('.sb-problems').getByRole('button', { name: /"Invalid answer" exit of the question "Your order number\?" is not connected/ });
    await problem.waitFor();
    // The canvas names the exit with the same words.
    expect(await node('ask').textContent()).toContain('Invalid answer');

    const dialog = await publishDialog();
    // No tests: said plainly, with the way to add one, rather than "All 0 tests passed".
    expect(await dialog.getByTestId('publish-no-tests').textContent()).toContain('This flow has no tests yet');
    expect(await dialog.textContent()).not.toContain('0 tests passed');
    await dialog.getByRole('button', { name: /^Publish/ }).last().click();
    await dialog.getByTestId('published-info').waitFor();
    await dialog.getByRole('button', { name: 'Close' }).first().click();

    const customer = await Customer.start(flowId);
    expect(await customer.say({ text: 'no idea' })).toEqual(['Please enter a number, for example 12 or 12.5.']);
    // Nobody is in the inbox: the apology, the offline text, and the conversation ends.
    const last = await customer.say({ text: 'still no idea' });
    expect(last[0]).toBe("Sorry, I still can't understand your answer. I'm passing you to a member of our team.");
    expect(last).toHaveLength(2);
    const again = await customer.say({ text: 'hello?' });
    expect(again).toContain('Your order number?');
  });
});
