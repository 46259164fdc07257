import type { Page } from 'playwright-core';
import type { TestServer } from './server';

/** Signs in through the real login form, as a user would, and waits for the app behind it. */
export async function login(
  page: Page,
  server: Pick<TestServer, 'url' | 'adminEmail' | 'adminPassword'>,
  credentials: { email: string; password: string } = { email: server.adminEmail, password: server.adminPassword },
): Promise<void> {
  await page.goto(`${server.url}/login`);
  await page.locator('input[name="email"]').fill(credentials.email);
  await page.locator('input[name="password"]').fill(credentials.password);
  await page.locator('form button[type="submit"]').click();
  await page.waitForURL((url) => url.pathname !== '/login', { timeout: 15_000 });
  await page.locator('header.sb-header').waitFor();
}
