import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createTestDatabase, runPostgresTests, TEST_SECRET_KEY, type TestDatabase } from '../support/postgres';
import { runRedisTests, TEST_REDIS_URL, uniqueRedisPrefix } from '../support/redis';
import { artifactPath, ensureEditorBuilt, launchBrowser, login, TEST_ADMIN } from './support';
import { startServerProcess, type ServerProcess } from './support/serverProcess';
import { startFailoverProxy, type FailoverProxy } from './support/failoverProxy';

// Two real server processes on one PostgreSQL database and one Redis, as deployed behind a load
// balancer: the customer's widget reaches instance A through a proxy, the agent's inbox reaches B.
// Then A dies (kill -9) and B is stopped (SIGTERM), and the conversation carries on each time.

const FLOW = 'sample-bank-card-en';
const AGENT = { email: 'anna@example.com', password: 'anna-agent-password-1', name: 'Anna Agent' };
/** Live delivery across instances, generous for a 2-core machine shared with other test runs. */
const LIVE_BOUND_MS = 2_000;

let db: TestDatabase;
let env: Record<string, string>;
const servers: ServerProcess[] = [];
let a: ServerProcess;
let b: ServerProcess;
/** The customer's way in: A first, B when A is down. */
let customerProxy: FailoverProxy;
/** The agent's way in: B first, A when B is down. */
let agentProxy: FailoverProxy;
let browser: Browser;
let customerContext: BrowserContext;
let agentContext: BrowserContext;
let widget: Page;
let inbox: Page;
const measured: Record<string, number> = {};

async function startInstance(name: string): Promise<ServerProcess> {
  const server = await startServerProcess(name, env);
  servers.push(server);
  return server;
}

/** Waits for every start, so one that fails cannot leave another starting unseen by afterAll. */
async function startInstances(...names: string[]): Promise<ServerProcess[]> {
  const started = await Promise.allSettled(names.map(startInstance));
  const failed = started.find((s) => s.status === 'rejected');
  if (failed) throw failed.reason;
  return started.map((s) => (s as PromiseFulfilledResult<ServerProcess>).value);
}

async function createAgent(serverUrl: string): Promise<void> {
  const res = await fetch(`${serverUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(TEST_ADMIN),
  });
  expect(res.status).toBe(200);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const created = await fetch(`${serverUrl}/api/users`, {
    method: 'POST',
    headers: { Cookie: cookie, 'X-CSRF-Token': csrfToken, 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: AGENT.email, name: AGENT.name, role: 'agent', password: AGENT.password }),
  });
  expect(created.status).toBe(201);
}

interface SocketLog {
  opens: { url: string; at: number }[];
  closes: { url: string; code: number }[];
}

/**
 * Records when each page's WebSockets opened and how they closed (the code tells a graceful 1012
 * from a dropped line), so a reconnect is known to be a socket again and not the polling fallback.
 */
async function recordSockets(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const w = window as unknown as { __sockets: SocketLog; WebSocket: typeof WebSocket };
    const log: SocketLog = { opens: [], closes: [] };
    w.__sockets = log;
    const Native = w.WebSocket;
    w.WebSocket = class extends Native {
      constructor(url: string | URL, protocols?: string | string[]) {
        super(url, protocols);
        this.addEventListener('open', () => log.opens.push({ url: String(url), at: Date.now() }));
        this.addEventListener('close', (event) => log.closes.push({ url: String(url), code: event.code }));
      }
    };
  });
}

const sockets = (page: Page) => page.evaluate(() => (window as unknown as { __sockets: SocketLog }).__sockets);
const closes = async (page: Page) => (await sockets(page)).closes;
/** How long after `since` a socket whose URL holds `path` first opened; null while none has. */
const openedAfter = async (page: Page, path: string, since: number) => {
  const open = (await sockets(page)).opens.find((o) => o.url.includes(path) && o.at >= since);
  return open ? open.at - since : null;
};
const CHAT_SOCKET = '/api/chat/sessions/';
const INBOX_SOCKET = '/api/inbox/ws';
const widgetTexts = (page: Page) => page.locator('[data-switchboard-widget] .sb-msg .sb-text').allTextContents();
const transcript = () => inbox.getByRole('list', { name: 'Transcript' });
const banner = (page: Page) => page.locator('[data-switchboard-widget] .sb-banner');

/** Sends from the inbox and returns how long the customer's widget took to show it. */
async function agentSays(text: string): Promise<number> {
  const reply = inbox.getByLabel('Reply to the customer');
  await reply.fill(text);
  const sentAt = Date.now();
  await reply.press('Enter');
  await widget.locator('.sb-msg-agent', { hasText: text }).waitFor({ timeout: 20_000 });
  return Date.now() - sentAt;
}

/** Sends from the widget and returns how long the agent's inbox took to show it. */
async function customerSays(text: string): Promise<number> {
  const field = widget.locator('input.sb-field');
  await field.fill(text);
  const sentAt = Date.now();
  await field.press('Enter');
  await transcript().getByText(text, { exact: true }).waitFor({ timeout: 20_000 });
  return Date.now() - sentAt;
}

/** Every text once, in this order, in the inbox transcript. */
async function expectInInbox(texts: string[]): Promise<void> {
  const all = await transcript().innerText();
  let from = 0;
  for (const text of texts) {
    const at = all.indexOf(text, from);
    expect(at, `"${text}" in the inbox transcript after position ${from}`).toBeGreaterThanOrEqual(0);
    expect(all.indexOf(text, at + text.length), `"${text}" only once in the inbox transcript`).toBe(-1);
    from = at + text.length;
  }
}

async function screenshots(name: string): Promise<void> {
  for (const [width, height] of [
    [1440, 900],
    [1280, 800],
  ] as const) {
    for (const [who, page] of [
      ['widget', widget],
      ['inbox', inbox],
    ] as const) {
      await page.setViewportSize({ width, height });
      await page.screenshot({ path: artifactPath(`two-instances-${name}-${who}-${width}x${height}.png`) });
    }
  }
}

describe.skipIf(!runPostgresTests || !runRedisTests)('two server processes on one PostgreSQL and one Redis', () => {
  beforeAll(async () => {
    await ensureEditorBuilt();
    db = await createTestDatabase('sb_e2e_two');
    env = {
      DATABASE_URL: db.url,
      REDIS_URL: TEST_REDIS_URL,
      REDIS_PREFIX: uniqueRedisPrefix('sbe2e'),
      SWITCHBOARD_SECRET_KEY: TEST_SECRET_KEY,
      SWITCHBOARD_ADMIN_EMAIL: TEST_ADMIN.email,
      SWITCHBOARD_ADMIN_PASSWORD: TEST_ADMIN.password,
    };
    // Started together: the migrations, the first admin and the samples are made once between them.
    [a, b] = (await startInstances('A', 'B')) as [ServerProcess, ServerProcess];
    customerProxy = await startFailoverProxy([
      { name: 'A', port: a.port },
      { name: 'B', port: b.port },
    ]);
    agentProxy = await startFailoverProxy([
      { name: 'B', port: b.port },
      { name: 'A', port: a.port },
    ]);
    await createAgent(b.url);

    browser = await launchBrowser();
    agentContext = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    customerContext = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await recordSockets(agentContext);
    await recordSockets(customerContext);
    inbox = await agentContext.newPage();
    await login(inbox, { url: agentProxy.url, adminEmail: AGENT.email, adminPassword: AGENT.password });
    await inbox.goto(`${agentProxy.url}/inbox`);
    await inbox.getByRole('heading', { name: 'Inbox', level: 1 }).waitFor();
    widget = await customerContext.newPage();
  }, 300_000);

  afterAll(async () => {
    // Whatever failed above: no process, proxy or database outlives the test.
    await browser?.close().catch(() => undefined);
    await Promise.all(servers.map((s) => s.kill()));
    await customerProxy?.close();
    await agentProxy?.close();
    await db?.drop();
    if (Object.keys(measured).length) process.stdout.write(`two instances, measured (ms): ${JSON.stringify(measured)}\n`);
  });

  it('hands the customer on A over to the agent on B, live both ways', async () => {
    const toggle = inbox.getByRole('switch', { name: 'Available for new conversations' });
    await expect.poll(() => toggle.isEnabled()).toBe(true);
    if ((await toggle.getAttribute('aria-checked')) !== 'true') await toggle.click();
    await expect.poll(() => toggle.getAttribute('aria-checked')).toBe('true');

    // The hosted chat page through the proxy, which sends it to A.
    await widget.goto(`${customerProxy.url}/chat/${FLOW}`);
    await widget.locator('button.sb-choice[data-option-id="opt-agent"]').click();
    await widget.locator('.sb-msg', { hasText: 'Connecting you with a member of our card team' }).waitFor();
    expect(new Set(customerProxy.routed)).toEqual(new Set(['A']));

    // B's inbox hears of the waiting customer over Redis.
    const row = inbox.locator('.sb-inbox-group button.sb-inbox-item').first();
    await row.waitFor({ timeout: 20_000 });
    await row.click();
    await inbox.getByRole('button', { name: 'Claim' }).click();
    await inbox.getByRole('button', { name: 'Return to bot' }).waitFor();
    await widget.locator('.sb-msg', { hasText: `${AGENT.name} joined the conversation` }).waitFor({ timeout: 20_000 });

    measured.agentToCustomer = await agentSays('Hello, I can see your card is blocked.');
    measured.customerToAgent = await customerSays('Yes, since this morning.');
    measured.agentToCustomer2 = await agentSays('Unblocking it now.');
    measured.customerToAgent2 = await customerSays('Thank you!');
    for (const ms of Object.values(measured)) expect(ms).toBeLessThan(LIVE_BOUND_MS);
    expect(new Set(agentProxy.routed)).toEqual(new Set(['B']));
  });

  it('after kill -9 of A, the widget reconnects through the proxy to B and nothing acknowledged is lost', async () => {
    const before = await widgetTexts(widget);
    expect(before).toEqual(expect.arrayContaining(['Hello, I can see your card is blocked.', 'Yes, since this morning.', 'Unblocking it now.', 'Thank you!']));
    await expectInInbox(['Hello, I can see your card is blocked.', 'Yes, since this morning.', 'Unblocking it now.', 'Thank you!']);
    const routedBefore = customerProxy.routed.length;

    const killedAt = Date.now();
    await a.kill();
    // The dropped socket (1006: no close frame from a killed process), then a new socket, to B: A is gone.
    await expect.poll(async () => (await closes(widget)).some((c) => c.url.includes(CHAT_SOCKET) && c.code === 1006), { timeout: 10_000 }).toBe(true);
    await expect.poll(() => openedAfter(widget, CHAT_SOCKET, killedAt), { timeout: 20_000 }).not.toBeNull();
    measured.widgetSocketBackAfterKill = (await openedAfter(widget, CHAT_SOCKET, killedAt))!;
    expect(customerProxy.routed.slice(routedBefore)).toContain('B');
    expect(await banner(widget).isHidden()).toBe(true);

    measured.customerToAgentAfterKill = await customerSays('Is it done?');
    measured.agentToCustomerAfterKill = await agentSays('Yes, your card works again.');
    for (const key of ['customerToAgentAfterKill', 'agentToCustomerAfterKill']) expect(measured[key]).toBeLessThan(LIVE_BOUND_MS);

    const after = await widgetTexts(widget);
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after.slice(before.length)).toEqual(['Is it done?', 'Yes, your card works again.']);
    await expectInInbox(['Hello, I can see your card is blocked.', 'Yes, since this morning.', 'Unblocking it now.', 'Thank you!', 'Is it done?', 'Yes, your card works again.']);
    await screenshots('after-kill');

    // B holds the whole conversation: a reload shows it from PostgreSQL, once each.
    await widget.reload();
    await expect.poll(() => widgetTexts(widget), { timeout: 20_000 }).toEqual(after);
  });

  it('after SIGTERM of B, widget and inbox get close code 1012, reconnect to a restarted A and miss nothing', async () => {
    const a2 = await startInstance('A2');
    customerProxy.setUpstream({ name: 'A', port: a2.port });
    agentProxy.setUpstream({ name: 'A', port: a2.port });
    await customerProxy.waitUntil('A', true);
    await agentProxy.waitUntil('A', true);
    await expect.poll(async () => (await widgetTexts(widget)).length).toBeGreaterThan(0);
    const before = await widgetTexts(widget);
    const widgetClosesBefore = (await closes(widget)).length;
    const inboxClosesBefore = (await closes(inbox)).length;

    const stoppedAt = Date.now();
    const exit = b.terminate();
    await expect.poll(async () => (await closes(widget)).slice(widgetClosesBefore).map((c) => c.code), { timeout: 10_000 }).toContain(1012);
    // Said while the widget reconnects (0.5-1 s after the close): it must come by the socket to A or be fetched by message id.
    const reply = inbox.getByLabel('Reply to the customer');
    await reply.fill('One more thing: the new PIN arrives by post.');
    await reply.press('Enter');
    expect(await exit).toBe(0);
    await expect.poll(async () => (await closes(inbox)).slice(inboxClosesBefore).map((c) => c.code), { timeout: 10_000 }).toContain(1012);

    await widget.locator('.sb-msg-agent', { hasText: 'One more thing' }).waitFor({ timeout: 20_000 });
    // Both back on sockets, to A: B has exited.
    await expect.poll(() => openedAfter(widget, CHAT_SOCKET, stoppedAt), { timeout: 20_000 }).not.toBeNull();
    await expect.poll(() => openedAfter(inbox, INBOX_SOCKET, stoppedAt), { timeout: 20_000 }).not.toBeNull();
    measured.widgetSocketBackAfterSigterm = (await openedAfter(widget, CHAT_SOCKET, stoppedAt))!;
    measured.inboxSocketBackAfterSigterm = (await openedAfter(inbox, INBOX_SOCKET, stoppedAt))!;
    expect(await banner(widget).isHidden()).toBe(true);
    measured.customerToAgentAfterSigterm = await customerSays('Great, thanks.');
    measured.agentToCustomerAfterSigterm = await agentSays('You are welcome.');
    for (const key of ['customerToAgentAfterSigterm', 'agentToCustomerAfterSigterm']) expect(measured[key]).toBeLessThan(LIVE_BOUND_MS);

    const after = await widgetTexts(widget);
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after.slice(before.length)).toEqual(['One more thing: the new PIN arrives by post.', 'Great, thanks.', 'You are welcome.']);
    await expectInInbox([
      'Hello, I can see your card is blocked.',
      'Yes, since this morning.',
      'Unblocking it now.',
      'Thank you!',
      'Is it done?',
      'Yes, your card works again.',
      'One more thing: the new PIN arrives by post.',
      'Great, thanks.',
      'You are welcome.',
    ]);
    await screenshots('after-sigterm');
  });
});
