import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { artifactPath, launchBrowser, login, REPO_ROOT, startTestServer, type TestServer, publishScreenshot } from './support';

const LOCALES = path.join(REPO_ROOT, 'editor/src/i18n/locales');
const readLocale = (lng: string, ns: string) => JSON.parse(readFileSync(path.join(LOCALES, lng, `${ns}.json`), 'utf8')) as unknown;

function flatten(value: unknown, prefix = '', out = new Map<string, string>()): Map<string, string> {
  if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else out.set(prefix, String(value));
  return out;
}

/**
 * English UI fragments that must not survive a switch to Polish: every en string of the given
 * namespaces that Polish translates differently, split at `{{placeholders}}` and `<tags>`.
 */
function englishFragments(namespaces: string[]): string[] {
  const fragments = new Set<string>();
  for (const ns of namespaces) {
    const en = flatten(readLocale('en', ns));
    const pl = flatten(readLocale('pl', ns));
    for (const [key, value] of en) {
      // Each language option is named in its own language ("English" / "Polski") on purpose.
      if (pl.get(key) === value || key.startsWith('languageName.')) continue;
      for (const part of value.split(/\{\{[^}]+\}\}|<\/?\w+>/)) {
        const trimmed = part.trim().replace(/^[\s·:(…]+|[\s·:.)…]+$/g, '');
        if (/[A-Za-z]{3,}/.test(trimmed)) fragments.add(trimmed);
      }
    }
  }
  return [...fragments];
}

/** Visible UI text plus accessible names, leaving out what users typed (flow names, descriptions, people). */
async function uiText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const clone = document.body.cloneNode(true) as HTMLElement;
    clone.querySelectorAll('.sb-flows__name, .sb-flows__description, .sb-user-trigger__name, .sb-flows td:nth-child(4), script, style').forEach((el) => el.remove());
    const attributes = [...clone.querySelectorAll('[aria-label], [title], [placeholder]')].flatMap((el) =>
      ['aria-label', 'title', 'placeholder'].map((a) => el.getAttribute(a) ?? ''),
    );
    const names = [...document.querySelectorAll('.sb-flows__name')].map((el) => el.textContent ?? '');
    // Accessible names embed flow names ("Usuń Bank card"); strip those so English flow names are not flagged.
    const cleaned = attributes.map((a) => names.reduce((s, n) => (n ? s.split(n).join('') : s), a));
    return `${clone.textContent ?? ''}\n${cleaned.join('\n')}`;
  });
}

function untranslated(text: string, fragments: string[]): string[] {
  return fragments.filter((f) => new RegExp(`(^|[^\\p{L}])${f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}])`, 'u').test(text));
}

describe('app shell in a real browser', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
    context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 800 }, acceptDownloads: true });
    page = await context.newPage();
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  });

  it('rejects wrong credentials inline, then signs in as admin', async () => {
    await page.goto(`${server.url}/`);
    await page.waitForURL('**/login');
    await page.getByRole('heading', { name: 'Sign in to Switchboard' }).waitFor();
    await page.screenshot({ path: artifactPath('login-en.png') });

    await page.getByLabel('Email').fill(server.adminEmail);
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('Wrong email or password.');

    await login(page, server);
    await page.getByRole('heading', { name: 'Flows', level: 1 }).waitFor();
  });

  it('creates a blank flow and finds it on the dashboard as a Draft', async () => {
    await page.getByRole('button', { name: 'New flow' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Create a flow' });
    await dialog.getByLabel('Name', { exact: true }).fill('E2E Returns');
    await dialog.getByRole('button', { name: 'Create flow' }).click();
    await page.waitForURL(/\/flows\/[^/]+$/);

    await page.getByRole('link', { name: 'Flows' }).click();
    await page.waitForURL(`${server.url}/`);
    const row = page.locator('tr', { has: page.getByRole('link', { name: 'E2E Returns', exact: true }) });
    await row.waitFor();
    expect(await row.getByText('Draft').isVisible()).toBe(true);
    expect(await row.textContent()).toContain('Admin');
  });

  it('searches by name', async () => {
    const rowsBefore = await page.locator('tbody tr').count();
    expect(rowsBefore).toBeGreaterThan(1);
    await page.getByRole('searchbox', { name: 'Search flows' }).fill('e2e retu');
    await expect.poll(() => page.locator('tbody tr').count()).toBe(1);
    await page.getByRole('searchbox', { name: 'Search flows' }).fill('');
    await expect.poll(() => page.locator('tbody tr').count()).toBe(rowsBefore);
  });

  it('refuses a bad JSON file with the field paths to fix', async () => {
    const bad = artifactPath('bad-flow.json');
    writeFileSync(bad, JSON.stringify({ schemaVersion: 2, id: 'x', name: 'Bad', nodes: [{ id: 'm', type: 'message', position: { x: 0, y: 0 }, data: { text: 5 } }], edges: [] }));
    await page.getByTestId('import-file-input').setInputFiles(bad);
    const dialog = page.getByRole('alertdialog', { name: 'Could not import bad-flow.json' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('nodes.0.data.text');
    await page.screenshot({ path: artifactPath('import-error-en.png') });
    await dialog.getByRole('button', { name: 'Close' }).first().click();
    await dialog.waitFor({ state: 'detached' });
  });

  it('exports a flow as a JSON download that imports back', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Export E2E Returns as JSON' }).click()]);
    const file = artifactPath('export.json');
    await download.saveAs(file);
    expect(download.suggestedFilename()).toMatch(/\.json$/);
    const doc = JSON.parse(readFileSync(file, 'utf8')) as { name: string; nodes: unknown[]; revision?: unknown };
    expect(doc.name).toBe('E2E Returns');
    expect(doc.nodes.length).toBeGreaterThan(0);
    expect(doc).not.toHaveProperty('revision');
  });

  it('duplicates, then deletes the copy only after confirming', async () => {
    await page.getByRole('button', { name: 'Duplicate E2E Returns' }).click();
    const copy = page.getByRole('link', { name: 'E2E Returns (copy)', exact: true });
    await copy.waitFor();

    await page.getByRole('button', { name: 'Delete E2E Returns (copy)' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Delete this flow?' });
    expect(await confirm.textContent()).toContain('E2E Returns (copy)');
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    expect(await copy.isVisible()).toBe(true);

    await page.getByRole('button', { name: 'Delete E2E Returns (copy)' }).click();
    await confirm.getByRole('button', { name: 'Delete flow' }).click();
    await copy.waitFor({ state: 'detached' });
    expect(await page.getByRole('link', { name: 'E2E Returns', exact: true }).isVisible()).toBe(true);

    const res = await page.request.get(`${server.url}/api/flows`);
    const names = ((await res.json()) as { flows: { name: string }[] }).flows.map((f) => f.name);
    expect(names).toContain('E2E Returns');
    expect(names).not.toContain('E2E Returns (copy)');
  });

  it('takes the English dashboard screenshot', async () => {
    await page.mouse.move(0, 0);
    await page.waitForTimeout(5500); // let success toasts fade so the screenshot shows the dashboard itself
    const shot = artifactPath('dashboard-en.png');
    await page.screenshot({ path: shot });
    // The README image is refreshed on request only, so ordinary runs leave the tree clean.
    publishScreenshot(shot, 'dashboard.png');
  });

  it('switches to Polish, leaving no English on the dashboard, and remembers it', async () => {
    await page.getByRole('button', { name: /^Account menu for/ }).click();
    await page.getByRole('button', { name: 'Polski' }).click();
    await page.getByRole('heading', { name: 'Przepływy', level: 1 }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('pl');

    const fragments = englishFragments(['common', 'dashboard']);
    expect(untranslated(await uiText(page), fragments)).toEqual([]);
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'Nowy przepływ' }).first().click();
    await page.getByRole('dialog', { name: 'Utwórz przepływ' }).waitFor();
    expect(untranslated(await uiText(page), fragments)).toEqual([]);
    await page.keyboard.press('Escape');

    await page.reload();
    await page.getByRole('heading', { name: 'Przepływy', level: 1 }).waitFor();
    await page.screenshot({ path: artifactPath('dashboard-pl.png') });

    await page.getByRole('button', { name: /^Menu konta/ }).click();
    await page.getByRole('menuitem', { name: 'Wyloguj się' }).click();
    await page.getByRole('heading', { name: 'Zaloguj się do Switchboard' }).waitFor();
    expect(untranslated(await uiText(page), englishFragments(['common', 'auth']))).toEqual([]);
    await page.screenshot({ path: artifactPath('login-pl.png') });
  });

  it('follows a Polish browser on first visit', async () => {
    const polish = await browser.newContext({ locale: 'pl-PL' });
    const p = await polish.newPage();
    await p.goto(`${server.url}/login`);
    await p.getByRole('heading', { name: 'Zaloguj się do Switchboard' }).waitFor();
    await polish.close();
  });
});
