import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { artifactPath, launchBrowser, login, publishScreenshot, startTestServer, type TestServer } from './support';

// An admin runs the team from the organisation page alone: no API calls, no CSRF tokens.
let server: TestServer;
let browser: Browser;
let admin: Page;
let agentPassword = '';

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
  admin = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  await login(admin, server);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function openSection(tab: string) {
  await admin.getByRole('button', { name: /^Account menu/ }).click();
  await admin.getByRole('menuitem', { name: 'Organisation settings' }).click();
  await admin.getByRole('tab', { name: tab }).click();
}

describe('organisation page', () => {
  it('adds an agent who signs in straight to the inbox, online', async () => {
    await openSection('People');
    await admin.getByRole('button', { name: 'Add person' }).click();
    const dialog = admin.getByRole('dialog', { name: 'Add a person' });
    await dialog.getByLabel('Name').fill('Olga Agent');
    await dialog.getByLabel('Email').fill('olga@example.com');
    await dialog.getByLabel('Role').selectOption('agent');
    const password = await dialog.getByLabel('First password').inputValue();
    expect(password).toHaveLength(16);
    agentPassword = password;
    await dialog.getByRole('button', { name: 'Add person' }).click();
    const done = admin.getByRole('dialog', { name: 'Olga Agent can sign in now' });
    expect(await done.getByLabel('First password').inputValue()).toBe(password);
    await done.getByRole('button', { name: 'Done' }).click();
    const row = admin.locator('.sb-team-table tr', { hasText: 'olga@example.com' });
    await expect.poll(() => row.innerText()).toContain('Never');

    const agentContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const agent = await agentContext.newPage();
    await login(agent, server, { email: 'olga@example.com', password });
    expect(new URL(agent.url()).pathname).toBe('/inbox');
    const toggle = agent.getByRole('switch', { name: 'Available for new conversations' });
    await expect.poll(() => toggle.getAttribute('aria-checked')).toBe('true');
    // Away is the agent's own choice and survives a reload of the inbox.
    await toggle.click();
    await expect.poll(() => toggle.getAttribute('aria-checked')).toBe('false');
    await agent.reload();
    await expect.poll(() => agent.getByRole('switch', { name: 'Available for new conversations' }).getAttribute('aria-checked')).toBe('false');
    await agentContext.close();

    await admin.reload();
    await expect.poll(() => row.innerText()).not.toContain('Never');
  });

  it('deactivates a person, who can then no longer sign in', async () => {
    const row = admin.locator('.sb-team-table tr', { hasText: 'olga@example.com' });
    await row.getByRole('button', { name: 'Deactivate Olga Agent' }).click();
    await expect.poll(() => row.innerText()).toContain('Deactivated');
    const res = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'olga@example.com', password: agentPassword }),
    });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('account_deactivated');
  });

  it('creates an API token shown once with an expiry, and sets a secret whose value never comes back', async () => {
    await admin.getByRole('tab', { name: 'API tokens' }).click();
    await admin.getByRole('button', { name: 'Create token' }).click();
    const dialog = admin.getByRole('dialog', { name: 'Create an API token' });
    await dialog.getByLabel('Name').fill('Nightly export');
    await dialog.getByLabel('Expires').selectOption('30');
    await dialog.getByRole('button', { name: 'Create token' }).click();
    const shown = admin.getByRole('dialog', { name: 'Your new API token' });
    const secret = await shown.getByLabel('Token').inputValue();
    expect(secret).toMatch(/^sbt_/);
    expect((await fetch(`${server.url}/api/flows`, { headers: { Authorization: `Bearer ${secret}` } })).status).toBe(200);
    await shown.getByRole('button', { name: 'Done' }).click();
    const row = admin.locator('.sb-team-table tr', { hasText: 'Nightly export' });
    await row.waitFor();
    expect(await admin.content()).not.toContain(secret);

    await admin.getByRole('tab', { name: 'Secrets' }).click();
    await admin.getByRole('button', { name: 'Add secret' }).click();
    const add = admin.getByRole('dialog', { name: 'Add a secret' });
    await add.getByLabel('Name').fill('shop token');
    await add.getByText('It will be saved as SHOP_TOKEN.').waitFor();
    await add.getByLabel('Value').fill('s3cret-value-123');
    await add.getByLabel('Allowed hosts').fill('api.shop.example');
    await add.getByRole('button', { name: 'Save secret' }).click();
    await expect.poll(() => admin.locator('.sb-team-table tr', { hasText: 'SHOP_TOKEN' }).innerText()).toContain('api.shop.example');
    expect(await admin.content()).not.toContain('s3cret-value-123');
  });

  it('lets a person change their own password, which signs out their other sessions', async () => {
    const elsewhere = await (await browser.newContext()).newPage();
    await login(elsewhere, server);
    await admin.getByRole('button', { name: /^Account menu/ }).click();
    await admin.getByRole('menuitem', { name: 'Your profile' }).click();
    await admin.getByRole('heading', { name: 'Your profile', level: 1 }).waitFor();
    await admin.getByLabel('Current password').fill(server.adminPassword);
    await admin.getByLabel('New password', { exact: true }).fill('a-new-admin-password-2');
    await admin.getByLabel('New password again').fill('a-new-admin-password-2');
    await admin.getByRole('button', { name: 'Change password' }).click();
    await admin.getByText('Password changed. Your other devices were signed out.').waitFor();
    await admin.screenshot({ path: artifactPath('profile-1440.png') });
    // This tab stays signed in; the other one is sent to the login page on its next request.
    expect(await admin.evaluate(async () => (await fetch('/api/auth/me')).status)).toBe(200);
    expect(await elsewhere.evaluate(async () => (await fetch('/api/auth/me')).status)).toBe(401);
    await elsewhere.context().close();
  });

  it('looks right at 1440x900 and 1280x800', async () => {
    // A fresh load, so the toasts of the earlier steps are not in the picture.
    await admin.goto(`${server.url}/settings?section=people`);
    await admin.locator('.sb-team-table').waitFor();
    const wide = artifactPath('organisation-1440.png');
    await admin.screenshot({ path: wide });
    publishScreenshot(wide, 'organisation.png');
    await admin.setViewportSize({ width: 1280, height: 800 });
    await admin.screenshot({ path: artifactPath('organisation-1280.png') });
  });
});
