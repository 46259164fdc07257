import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chatFlowDocument } from '../unit/chat/support/chatFlow';
import { artifactPath, launchBrowser, login, publishScreenshot, startTestServer, type TestServer } from './support';

// An admin answers a customer's data request and reads the audit log from the UI alone; a
// manager adds a privacy notice that customers then see before their first message.
const FLOW = 'privacy-e2e';
let server: TestServer;
let browser: Browser;
let page: Page;
let cookie = '';
let csrf = '';

async function api(pathname: string, init: { method?: string; body?: unknown; auth?: string } = {}) {
  const res = await fetch(`${server.url}${pathname}`, {
    method: init.method ?? 'GET',
    headers: {
      'content-type': 'application/json',
      ...(init.auth ? { authorization: init.auth } : { cookie, 'x-csrf-token': csrf }),
    },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  return { status: res.status, body: (await res.json().catch(() => null)) as Record<string, unknown> };
}

/** A customer who answers the order question with `answer`, through the public chat API. */
async function customerSays(answer: string): Promise<string> {
  const started = await api(`/api/chat/${FLOW}/sessions`, { method: 'POST', auth: 'none' });
  const id = started.body.sessionId as string;
  const auth = `Bearer ${started.body.sessionToken as string}`;
  expect((await api(`/api/chat/sessions/${id}/messages`, { method: 'POST', body: { optionId: 'order' }, auth })).status).toBe(200);
  expect((await api(`/api/chat/sessions/${id}/messages`, { method: 'POST', body: { text: answer }, auth })).status).toBe(200);
  return id;
}

/** Scrolls the element to the top of the window, below the app header, without any sideways scroll. */
async function scrollToTop(selector: ReturnType<Page['locator']>) {
  await selector.evaluate((el) => window.scrollBy(0, el.getBoundingClientRect().top - 64));
}

async function screenshots(name: string, focus: () => Promise<void>) {
  await focus();
  // Nothing on these pages may push the layout sideways at either size.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(page.viewportSize()!.width);
  const wide = artifactPath(`${name}-1440.png`);
  await page.screenshot({ path: wide });
  publishScreenshot(wide, `${name}.png`);
  await page.setViewportSize({ width: 1280, height: 800 });
  await focus();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
  await page.screenshot({ path: artifactPath(`${name}-1280.png`) });
  await page.setViewportSize({ width: 1440, height: 900 });
}

beforeAll(async () => {
  server = await startTestServer();
  const res = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: server.adminEmail, password: server.adminPassword }),
  });
  cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  csrf = ((await res.json()) as { csrfToken: string }).csrfToken;
  expect((await api('/api/flows', { method: 'POST', body: { document: chatFlowDocument({ id: FLOW }) } })).status).toBe(201);
  expect((await api(`/api/flows/${FLOW}/publish`, { method: 'POST', body: { note: 'v1' } })).status).toBe(201);
  browser = await launchBrowser();
  page = await (await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true })).newPage();
  await login(page, server);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function openSection(tab: string) {
  await page.getByRole('button', { name: /^Account menu/ }).click();
  await page.getByRole('menuitem', { name: 'Organisation settings' }).click();
  await page.getByRole('tab', { name: tab }).click();
}

describe('privacy notice', () => {
  it('is set in flow settings and shown in the chat until the customer writes', async () => {
    await page.goto(`${server.url}/flows/${FLOW}`);
    await page.getByRole('tab', { name: 'Settings' }).click();
    await page.getByLabel('Privacy notice in the chat').fill('We keep this chat for 90 days to answer you.');
    await page.getByLabel('Link to your privacy policy').fill('https://shop.example.com/privacy');
    await page.getByLabel('Link text').fill('How we use your data');
    await page.getByLabel(/E-mail addresses/).check();
    const section = page.getByRole('group', { name: 'Privacy' });
    await screenshots('flow-privacy-settings', () => section.evaluate((el) => el.scrollIntoView({ block: 'start' })));
    await page.locator('[data-testid="save-status"][data-state="saved"]').waitFor({ timeout: 15_000 });
    expect((await api(`/api/flows/${FLOW}/publish`, { method: 'POST', body: { note: 'notice' } })).status).toBe(201);

    const customer = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    await customer.goto(`${server.url}/chat/${FLOW}`);
    const notice = customer.locator('[data-switchboard-widget] .sb-notice');
    await expect.poll(() => notice.innerText(), { timeout: 15_000 }).toContain('We keep this chat for 90 days to answer you.');
    const link = notice.getByRole('link', { name: 'How we use your data' });
    expect(await link.getAttribute('href')).toBe('https://shop.example.com/privacy');
    expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
    await customer.screenshot({ path: artifactPath('widget-privacy-notice-1280.png') });
    await customer.locator('[data-switchboard-widget] .sb-choice').first().click();
    await expect.poll(() => notice.isVisible()).toBe(false);
    await customer.context().close();
  });
});

describe('a customer data request', () => {
  it('finds the customer by e-mail, downloads the conversations and erases them', async () => {
    const first = await customerSays('Jan.Kowalski@example.pl');
    const second = await customerSays('jan.kowalski@example.pl');
    await customerSays('someone.else@example.pl');

    await openSection('Customer data');
    await page.getByLabel('E-mail, phone, order number or conversation id').fill('jan.kowalski@example.pl');
    await page.getByRole('button', { name: 'Find conversations' }).click();
    await page.getByText('2 conversations found for “jan.kowalski@example.pl”.').waitFor();
    const rows = page.locator('.sb-privacy__results tbody tr');
    expect(await rows.count()).toBe(2);
    // E-mail masking was on for the flow: the captured answer is shown masked, as in the inbox.
    expect(await rows.first().innerText()).toContain('orderNo: j***@example.pl');
    await screenshots('customer-data', () => scrollToTop(page.getByRole('heading', { name: 'Organisation settings' })));

    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download 2 conversations (JSON)' }).click();
    const download = await downloading;
    const file = JSON.parse(await readFile((await download.path())!, 'utf8')) as { conversations: { sessionId: string; variables: Record<string, string> }[] };
    expect(file.conversations.map((c) => c.sessionId).sort()).toEqual([first, second].sort());
    // The export is the customer's own data: the captured values as stored.
    expect(file.conversations.map((c) => c.variables.orderNo).sort()).toEqual(['Jan.Kowalski@example.pl', 'jan.kowalski@example.pl']);

    await page.getByRole('button', { name: 'Erase 2 conversations' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Erase 2 conversations for good?' });
    const confirm = dialog.getByRole('button', { name: 'Erase conversations' });
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByLabel('Type ERASE to confirm').fill('ERASE');
    await screenshots('erase-dialog', async () => undefined);
    await confirm.click();
    await page.getByText('Erased 2 conversations.').waitFor();

    await page.getByRole('button', { name: 'Find conversations' }).click();
    await page.getByText('No conversations found for “jan.kowalski@example.pl”.').waitFor();
  });
});

describe('the audit log', () => {
  it('shows who did what, filters by action, and exports CSV', async () => {
    await openSection('Audit log');
    const table = page.locator('.sb-audit__table');
    await expect.poll(() => table.innerText()).toContain('Conversations erased');
    expect(await table.innerText()).toContain('Conversations exported');
    expect(await table.innerText()).toContain('Flow privacy settings changed');
    await screenshots('audit-log', () => scrollToTop(page.getByRole('heading', { name: 'Organisation settings' })));

    await page.getByLabel('What', { exact: true }).selectOption('conversations.erase');
    await page.getByRole('button', { name: 'Filter' }).click();
    await expect.poll(async () => (await table.locator('tbody tr').allInnerTexts()).every((r) => r.includes('Conversations erased'))).toBe(true);
    expect(await table.innerText()).toContain(server.adminEmail);

    const downloading = page.waitForEvent('download');
    await page.getByRole('link', { name: 'CSV' }).click();
    const csv = await readFile((await (await downloading).path())!, 'utf8');
    expect(csv.split('\r\n')[0]).toBe('id,at,actorKind,actorId,actor,action,target,detail');
    expect(csv).toContain('conversations.erase');
    expect(csv).not.toContain('auth.login,');
  });

  it('is not there for editors', async () => {
    const res = await api('/api/users', { method: 'POST', body: { email: 'ed@example.com', name: 'Ed Editor', role: 'editor', password: 'editor-password-1234' } });
    expect(res.status).toBe(201);
    const editor = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    await login(editor, server, { email: 'ed@example.com', password: 'editor-password-1234' });
    await editor.goto(`${server.url}/settings?section=audit`);
    await editor.getByRole('heading').first().waitFor();
    expect(await editor.locator('.sb-audit__table').count()).toBe(0);
    const direct = await editor.request.get(`${server.url}/api/audit`);
    expect(direct.status()).toBe(403);
    await editor.context().close();
  });
});
