import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactPath, launchBrowser, login, startTestServer, type TestServer, publishScreenshot } from './support';

let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
  contexts.push(context);
  const page = await context.newPage();
  page.on('dialog', (d) => void d.accept());
  await login(page, server);
  return page;
}

const saveStatus = (page: Page) => page.locator('[data-testid="save-status"]');
const waitSaved = (page: Page) => page.locator('[data-testid="save-status"][data-state="saved"]').waitFor({ timeout: 15_000 });
const nodeOfKind = (page: Page, kind: string) => page.locator(`.react-flow__node:has(.sbn[data-kind="${kind}"])`);
const messageField = (page: Page) => page.locator('.fe-inspector').getByRole('combobox', { name: 'Message', exact: true });

async function createBlankFlow(page: Page, name: string): Promise<string> {
  await page.getByRole('button', { name: 'New flow' }).first().click();
  await page.getByRole('dialog').getByLabel('Name', { exact: true }).fill(name);
  await page.getByRole('dialog').getByRole('button', { name: 'Create flow' }).click();
  await page.waitForURL(/\/flows\//);
  await nodeOfKind(page, 'message').first().waitFor();
  return new URL(page.url()).pathname;
}

async function selectMessage(page: Page) {
  await nodeOfKind(page, 'message').first().click();
  await messageField(page).waitFor();
}

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await server?.stop();
});

describe('saving without losing work', () => {
  it('saves an inspector edit and finds it after a reload', async () => {
    const page = await newPage();
    const flowPath = await createBlankFlow(page, 'Save e2e');
    await selectMessage(page);
    await messageField(page).fill('Hello from the inspector');
    await page.locator('[data-testid="save-status"][data-state="unsaved"], [data-testid="save-status"][data-state="saving"]').first().waitFor();
    await waitSaved(page);
    await page.reload();
    await page.waitForURL(`**${flowPath}`);
    await selectMessage(page);
    await expect.poll(() => messageField(page).inputValue()).toBe('Hello from the inspector');
  });

  it('shows a validation problem in the problems panel, then clears it when fixed', async () => {
    const page = await newPage();
    await createBlankFlow(page, 'Problems e2e');
    await page.getByRole('tab', { name: /Problems/ }).click();
    await selectMessage(page);
    await messageField(page).fill('');
    const problem = page.locator('.sb-problems').getByRole('button', { name: /no text, image or links/ });
    await problem.waitFor();
    await page.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
    await problem.click();
    await messageField(page).waitFor();
    await messageField(page).fill('Fixed text');
    await problem.waitFor({ state: 'detached' });
    await waitSaved(page);
  });

  it('raises the conflict dialog in the second tab and "save mine as a copy" keeps both edits', async () => {
    const a = await newPage();
    const flowPath = await createBlankFlow(a, 'Conflict e2e');
    const b = await newPage();
    await b.goto(`${server.url}${flowPath}`);
    await nodeOfKind(b, 'message').first().waitFor();

    await selectMessage(a);
    await messageField(a).fill('Edit from tab A');
    await waitSaved(a);

    await selectMessage(b);
    await messageField(b).fill('Edit from tab B');
    const dialog = b.getByRole('alertdialog', { name: 'Someone else changed this flow' });
    await dialog.waitFor({ timeout: 15_000 });
    await expect.poll(() => saveStatus(b).getAttribute('data-state')).toBe('conflict');
    await dialog.getByRole('button', { name: 'Save mine as a copy' }).click();
    await b.waitForURL((url) => url.pathname.startsWith('/flows/') && url.pathname !== flowPath);
    await selectMessage(b);
    await expect.poll(() => messageField(b).inputValue()).toBe('Edit from tab B');
    await expect.poll(() => b.locator('.fe-name').textContent()).toBe('Conflict e2e (my copy)');

    await a.reload();
    await selectMessage(a);
    await expect.poll(() => messageField(a).inputValue()).toBe('Edit from tab A');
  });

  it('screenshots the inspector with a choice selected', async () => {
    const page = await newPage();
    await createBlankFlow(page, 'Card help');
    await page.locator('.sb-palette__item[data-kind="choice"]').click();
    const inspector = page.locator('.fe-inspector');
    await inspector.getByRole('combobox', { name: 'Question' }).fill('What can we help you with, {{');
    await page.keyboard.press('Escape');
    await inspector.getByRole('combobox', { name: 'Question' }).fill('What can we help you with today?');
    await inspector.getByLabel('Text of button 1').fill('My card is lost');
    await inspector.getByRole('button', { name: 'Add a button' }).click();
    await inspector.getByLabel('Text of button 2').fill('Check my balance');
    await inspector.getByRole('button', { name: 'Add a button' }).click();
    await inspector.getByLabel('Text of button 3').fill('Talk to a person');
    const synonyms = inspector.getByLabel('Add another word for "My card is lost"');
    await synonyms.fill('stolen');
    await synonyms.press('Enter');
    await synonyms.fill('block card');
    await synonyms.press('Enter');
    // Move the new card off the welcome message and wire it in, as a user would before a screenshot.
    const card = nodeOfKind(page, 'choice').first();
    const box = (await card.boundingBox())!;
    await page.mouse.move(box.x + 60, box.y + 14);
    await page.mouse.down();
    await page.mouse.move(box.x + 380, box.y + 14, { steps: 10 });
    await page.mouse.up();
    const message = nodeOfKind(page, 'message').first();
    const from = (await message.locator('.react-flow__handle.source').first().boundingBox())!;
    const to = (await card.locator('.react-flow__handle.target').boundingBox())!;
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 12 });
    await page.mouse.up();
    await card.click({ position: { x: 60, y: 14 } });
    await inspector.evaluate((el) => el.scrollTo(0, 0));
    await waitSaved(page);
    const shot = artifactPath('inspector.png');
    await page.screenshot({ path: shot });
    publishScreenshot(shot, 'inspector.png');
    expect(await inspector.getByTestId('option-row').count()).toBe(3);
  });
});
