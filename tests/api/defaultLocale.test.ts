import { afterEach, describe, expect, it } from 'vitest';
import { as, makeTestApp, type TestApp } from './support/testApp';
import { applyDefaultLocale } from '../../api/src/bootstrap/applyDefaultLocale';
import { loadConfig } from '../../api/src/config';

let t: TestApp | undefined;
afterEach(() => t?.close());

describe('the organisation default language', () => {
  it('is set once from SWITCHBOARD_DEFAULT_LOCALE; the admin’s later choice survives restarts', async () => {
    t = await makeTestApp({ env: { SWITCHBOARD_DEFAULT_LOCALE: 'pl' } });
    expect(t.deps.config.defaultLocale).toBe('pl');
    expect(await applyDefaultLocale(t.deps.stores.settings, t.deps.config)).toBe(true);
    expect((await t.deps.stores.settings.get()).defaultLocale).toBe('pl');
    await t.deps.stores.settings.set({ ...(await t.deps.stores.settings.get()), defaultLocale: 'en' });
    expect(await applyDefaultLocale(t.deps.stores.settings, t.deps.config)).toBe(false);
    expect((await t.deps.stores.settings.get()).defaultLocale).toBe('en');
  });

  it('refuses a value that is not a language code, naming the variable', () => {
    expect(() => loadConfig({ SWITCHBOARD_DEFAULT_LOCALE: 'polish please' })).toThrow(/SWITCHBOARD_DEFAULT_LOCALE/);
  });

  it('is the language of a new blank flow that names none', async () => {
    t = await makeTestApp();
    const admin = as(t.app, t.accounts.admin);
    await admin.put('/api/settings').send({ organizationName: 'Sklep', defaultLocale: 'pl', inboxHighlightMinutes: 5 });
    const created = await as(t.app, t.accounts.editor).post('/api/flows').send({ name: 'Zamówienia' });
    expect(created.status).toBe(201);
    expect(created.body.locale).toBe('pl');
    expect(created.body.settings.fallbackText).toBe('Przepraszam, nie zrozumiałem.');
    const english = await as(t.app, t.accounts.editor).post('/api/flows').send({ name: 'Orders', locale: 'en' });
    expect(english.body.settings.fallbackText).toBe("Sorry, I didn't get that.");
  });
});
