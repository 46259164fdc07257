import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { artifactPath, launchBrowser, login, startTestServer, type TestServer, publishScreenshot } from './support';

const FLOW = 'sample-bank-card-en';
const AGENT = { email: 'anna@example.com', password: 'anna-agent-password-1', name: 'Anna Agent' };
const SCRIPT_PAYLOAD = '<script>window.__pwned=1</script><b>bold?</b>';
const IMG_PAYLOAD = '<img src=x onerror="window.__pwned=2">';

let server: TestServer;
let browser: Browser;
let host: http.Server;
let hostUrl: string;
let agentContext: BrowserContext;
let inbox: Page;

/** Signs in to the API as the admin and calls it with the session cookie and CSRF token. */
async function adminApi() {
  const res = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: server.adminEmail, password: server.adminPassword }),
  });
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  return async (method: string, url: string, body?: unknown, headers: Record<string, string> = {}) => {
    const r = await fetch(`${server.url}${url}`, {
      method,
      headers: { Cookie: cookie, 'X-CSRF-Token': csrfToken, ...(body ? { 'Content-Type': 'application/json' } : {}), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = r.status === 204 ? null : await r.json();
    if (!r.ok) throw new Error(`${method} ${url}: ${r.status} ${JSON.stringify(json)}`);
    return json as Record<string, unknown>;
  };
}

/** A customer's web page on another origin with the one-tag embed. */
function startHostPage(): Promise<http.Server> {
  const page = (serverUrl: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Northbank</title>
    <style>button { all: unset; color: red; } * { font-size: 40px !important; }</style></head>
    <body><h1>Northbank customer page</h1>
    <script src="${serverUrl}/widget.js" data-flow="${FLOW}" async></script></body></html>`;
  const s = http.createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(page(server.url));
  });
  return new Promise((resolve) => s.listen(0, '127.0.0.1', () => resolve(s)));
}

beforeAll(async () => {
  server = await startTestServer();
  host = await startHostPage();
  hostUrl = `http://127.0.0.1:${(host.address() as AddressInfo).port}`;
  const call = await adminApi();
  await call('POST', '/api/users', { email: AGENT.email, name: AGENT.name, role: 'agent', password: AGENT.password });
  await call('PUT', '/api/settings', {
    organizationName: 'Northbank',
    defaultLocale: 'en',
    inboxHighlightMinutes: 5,
    cannedReplies: [{ id: 'greet', title: 'Greeting', text: 'Thanks for waiting, I am looking into it now.' }],
  });
  // The widget is embedded on the host page's origin, so the flow must allow it.
  const flow = await call('GET', `/api/flows/${FLOW}`);
  const settings = { ...(flow.settings as object), allowedOrigins: [hostUrl] };
  await call('PUT', `/api/flows/${FLOW}`, { ...flow, settings }, { 'If-Match': String(flow.revision) });
  await call('POST', `/api/flows/${FLOW}/publish`, { note: 'Allow the test host page' });

  browser = await launchBrowser();
  agentContext = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  // Records desktop notifications instead of showing them.
  await agentContext.addInitScript(() => {
    const w = window as unknown as { __notifications: string[]; Notification: unknown };
    w.__notifications = [];
    w.Notification = class {
      static permission = 'granted';
      static requestPermission = async () => 'granted';
      onclick: (() => void) | null = null;
      constructor(title: string, options?: { body?: string }) {
        w.__notifications.push(`${title}: ${options?.body ?? ''}`);
      }
      close() {}
    };
  });
  inbox = await agentContext.newPage();
  await login(inbox, server, { email: AGENT.email, password: AGENT.password });
  await inbox.goto(`${server.url}/inbox`);
  await inbox.getByRole('heading', { name: 'Inbox', level: 1 }).waitFor();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((r) => host?.close(r));
  await server?.stop();
});

async function setAvailability(status: 'online' | 'away') {
  const toggle = inbox.getByRole('switch', { name: 'Available for new conversations' });
  await expect.poll(() => toggle.isEnabled()).toBe(true);
  if ((await toggle.getAttribute('aria-checked')) !== String(status === 'online')) await toggle.click();
  await expect.poll(() => toggle.getAttribute('aria-checked')).toBe(String(status === 'online'));
}

/** A fresh customer on the host page who asks for a person. */
async function customerAsksForAgent(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 420, height: 800 } });
  const page = await context.newPage();
  await page.goto(hostUrl);
  await page.locator('button.sb-launcher').click();
  await page.locator('button.sb-choice[data-option-id="opt-agent"]').click();
  await page.locator('.sb-msg', { hasText: 'Connecting you with a member of our card team' }).waitFor();
  return { context, page };
}

const widgetText = (page: Page) => page.locator('.sb-window').innerText();

describe('human handoff, customer widget and agent inbox side by side', () => {
  it('notifies the agent, who claims, chats live both ways, and returns the chat to the bot', async () => {
    await setAvailability('online');
    const customer = await customerAsksForAgent();

    // The agent hears about it: the queue row, a screen-reader announcement and a desktop notification.
    const row = inbox.locator('.sb-inbox-group button.sb-inbox-item').first();
    await row.waitFor();
    await expect.poll(() => inbox.evaluate(() => (window as unknown as { __notifications: string[] }).__notifications.length)).toBe(1);
    expect(await inbox.evaluate(() => (window as unknown as { __notifications: string[] }).__notifications[0])).toContain('is waiting in cards');
    await expect.poll(() => inbox.locator('[aria-live="assertive"]').innerText()).toContain('is waiting in cards');
    expect(await inbox.getByRole('region', { name: 'Queue: cards' }).count()).toBe(1);

    await row.click();
    const details = inbox.getByRole('complementary', { name: 'Conversation details' });
    await details.getByText('Customer asked for an agent').first().waitFor();
    expect(await details.innerText()).toContain('cardIssue');
    await inbox.getByRole('button', { name: 'Claim' }).click();
    await inbox.getByRole('button', { name: 'Return to bot' }).waitFor();
    await customer.page.locator('.sb-msg', { hasText: 'Anna Agent joined the conversation' }).waitFor();

    // Agent -> customer, live, with a markup payload that must stay text.
    const reply = inbox.getByLabel('Reply to the customer');
    await reply.fill(`Hello! ${SCRIPT_PAYLOAD}`);
    await reply.press('Enter');
    const agentBubble = customer.page.locator('.sb-msg-agent', { hasText: 'Hello!' });
    await agentBubble.waitFor();
    expect(await agentBubble.innerText()).toContain(SCRIPT_PAYLOAD);
    expect(await agentBubble.locator('script, b').count()).toBe(0);

    // Customer typing shows in the inbox; then customer -> agent, live, with a payload.
    const field = customer.page.locator('input.sb-field');
    await field.pressSequentially('My card ', { delay: 20 });
    await inbox.getByText('The customer is typing…').waitFor();
    await field.fill(`My card ${IMG_PAYLOAD}`);
    await field.press('Enter');
    const transcript = inbox.getByRole('list', { name: 'Transcript' });
    await transcript.getByText(`My card ${IMG_PAYLOAD}`).waitFor();
    expect(await transcript.locator('img, script, b').count()).toBe(0);

    // A canned reply, and an internal note the customer never sees.
    await inbox.getByLabel('Canned replies').selectOption('greet');
    await reply.press('Enter');
    await customer.page.locator('.sb-msg-agent', { hasText: 'Thanks for waiting' }).waitFor();
    await inbox.getByRole('button', { name: 'Internal note' }).click();
    await inbox.getByRole('textbox', { name: 'Internal note' }).fill('Checked the card: blocked by fraud rules');
    await inbox.getByRole('button', { name: 'Add note' }).click();
    await transcript.locator('.sb-msg--note', { hasText: 'blocked by fraud rules' }).waitFor();
    await inbox.getByRole('button', { name: 'Reply', exact: true }).click();
    await reply.fill('Your card is unblocked now.');
    await reply.press('Enter');
    await customer.page.locator('.sb-msg-agent', { hasText: 'Your card is unblocked now.' }).waitFor();
    expect(await widgetText(customer.page)).not.toContain('fraud rules');
    expect(await customer.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await inbox.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();

    const shot = artifactPath('inbox.png');
    await inbox.screenshot({ path: shot });
    publishScreenshot(shot, 'inbox.png');
    await customer.page.screenshot({ path: artifactPath('handoff-widget.png') });

    // Back to the bot: the flow continues at the handoff's `resolved` output.
    await inbox.getByRole('button', { name: 'Return to bot' }).click();
    await customer.page.locator('.sb-msg', { hasText: 'Is there anything else I can help you with?' }).waitFor();
    await inbox.getByText('This conversation was returned to the bot.').waitFor();
    await customer.context.close();
  });

  it('closes a conversation after confirmation', async () => {
    await setAvailability('online');
    const customer = await customerAsksForAgent();
    const row = inbox.locator('.sb-inbox-group button.sb-inbox-item').first();
    await row.waitFor();
    await row.click();
    await inbox.getByRole('button', { name: 'Claim' }).click();
    await inbox.getByRole('button', { name: 'Close', exact: true }).click();
    const dialog = inbox.getByRole('alertdialog', { name: 'Close this conversation?' });
    await dialog.getByRole('button', { name: 'Close conversation' }).click();
    await inbox.getByText('This conversation is closed.').waitFor();
    await customer.page.locator('.sb-msg', { hasText: 'The conversation was closed' }).waitFor();
    await customer.context.close();
  });

  it('takes the offline branch when no agent is online', async () => {
    await setAvailability('away');
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(hostUrl);
    await page.locator('button.sb-launcher').click();
    await page.locator('button.sb-choice[data-option-id="opt-agent"]').click();
    await page.locator('.sb-msg', { hasText: 'Our card team is available Monday to Friday' }).waitFor();
    await context.close();
  });

  it('finds the earlier conversation in the history and shows its transcript read-only, notes included', async () => {
    await inbox.getByRole('tab', { name: 'History' }).click();
    await inbox.getByLabel('Text in the conversation').fill('unblocked now');
    await inbox.getByRole('button', { name: 'Search' }).click();
    const result = inbox.locator('.sb-history__table tbody tr');
    await expect.poll(() => result.count()).toBe(1);
    await result.getByRole('button').click();
    await inbox.getByText('Read-only').waitFor();
    await inbox.locator('.sb-msg--note', { hasText: 'blocked by fraud rules' }).waitFor();
    expect(await inbox.getByLabel('Reply to the customer').count()).toBe(0);
  });
});
