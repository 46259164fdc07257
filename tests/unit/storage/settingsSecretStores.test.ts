import { describe, expect, it } from 'vitest';
import { DEFAULT_ORG_SETTINGS, type OrgSettings } from '../../../api/src/storage/settingsStore';
import type { EncryptedValue } from '../../../api/src/storage/secretStore';
import { createSecretVault, SecretKeyMismatchError } from '../../../api/src/secrets';
import { STORE_BACKENDS, useStoreBackend } from './support/backends';

const AT = '2026-01-01T00:00:00.000Z';
const cipher = (data: string): EncryptedValue => ({ v: 1, iv: 'aXY=', tag: 'dGFn', data });

describe.each(STORE_BACKENDS)('settings and secret stores on $name', (backend) => {
  const h = useStoreBackend(backend);
  const settings = () => h.current.stores.settings;
  const secrets = () => h.current.stores.secrets;

  describe('SettingsStore', () => {
    it('answers the defaults until saved, then what was saved, after a restart too', async () => {
      expect(await settings().get()).toEqual(DEFAULT_ORG_SETTINGS);
      const saved: OrgSettings = {
        organizationName: 'Sklep Kasia',
        defaultLocale: 'pl',
        inboxHighlightMinutes: 12,
        cannedReplies: [{ id: 'hi', title: 'Powitanie', text: 'Dzień dobry!' }],
        retentionDays: 30,
      };
      expect(await settings().set(saved)).toEqual(saved);
      await settings().set({ ...saved, organizationName: 'Sklep Kasi' });
      expect(await (await h.open()).stores.settings.get()).toEqual({ ...saved, organizationName: 'Sklep Kasi' });
    });

    it('fills fields a saved record lacks with their defaults', async () => {
      await settings().set({ organizationName: 'Old', defaultLocale: 'en', inboxHighlightMinutes: 5 });
      expect(await settings().get()).toEqual({ ...DEFAULT_ORG_SETTINGS, organizationName: 'Old' });
    });

    it('remembers one-time steps', async () => {
      expect(await settings().isDone('samplesSeeded')).toBe(false);
      await settings().markDone('samplesSeeded');
      await settings().markDone('samplesSeeded');
      expect(await settings().isDone('samplesSeeded')).toBe(true);
      expect(await settings().isDone('defaultLocaleApplied')).toBe(false);
      expect(await (await h.open()).stores.settings.isDone('samplesSeeded')).toBe(true);
    });
  });

  describe('SecretStore', () => {
    it('creates and replaces secrets, keeping the ciphertext exactly as given', async () => {
      const first = await secrets().put('CRM_KEY', cipher('AAAA'), ['api.shop.pl']);
      expect(first).toEqual({ created: true, secret: { name: 'CRM_KEY', value: cipher('AAAA'), hosts: ['api.shop.pl'], createdAt: AT, updatedAt: AT } });
      h.now.value = Date.parse('2026-01-02T00:00:00Z');
      const replaced = await secrets().put('CRM_KEY', cipher('BBBB'), ['*.shop.pl', 'api.shop.pl']);
      expect(replaced).toEqual({
        created: false,
        secret: { name: 'CRM_KEY', value: cipher('BBBB'), hosts: ['*.shop.pl', 'api.shop.pl'], createdAt: AT, updatedAt: '2026-01-02T00:00:00.000Z' },
      });
      expect(await secrets().get('CRM_KEY')).toEqual(replaced.secret);
      expect(await secrets().get('MISSING')).toBeNull();
    });

    it('lists by name, changes hosts alone and deletes', async () => {
      await secrets().put('ZED', cipher('z'), []);
      await secrets().put('ALPHA', cipher('a'), ['a.pl']);
      await secrets().put('MIDDLE_1', cipher('m'), []);
      expect((await secrets().list()).map((s) => s.name)).toEqual(['ALPHA', 'MIDDLE_1', 'ZED']);
      expect(await secrets().setHosts('ALPHA', ['b.pl'])).toMatchObject({ name: 'ALPHA', hosts: ['b.pl'], value: cipher('a') });
      expect(await secrets().setHosts('NOPE', [])).toBeNull();
      expect(await secrets().delete('ZED')).toBe(true);
      expect(await secrets().delete('ZED')).toBe(false);
      expect((await secrets().list()).map((s) => s.name)).toEqual(['ALPHA', 'MIDDLE_1']);
    });

    it('holds what the vault encrypts: values round-trip, never stored in clear, and another key is refused', async () => {
      const key = Buffer.alloc(32, 1);
      const vault = createSecretVault(secrets(), async () => key);
      await vault.set('CRM_KEY', 'hunter2-very-secret', ['api.shop.pl']);
      const stored = await secrets().get('CRM_KEY');
      expect(JSON.stringify(stored)).not.toContain('hunter2');
      const other = (await h.open()).stores.secrets;
      expect((await createSecretVault(other, async () => key).resolveSecrets('{{secret.CRM_KEY}}'))).toBe('hunter2-very-secret');
      await expect(createSecretVault(other, async () => Buffer.alloc(32, 2)).open()).rejects.toThrow(SecretKeyMismatchError);
    });

    it('keeps the key fingerprint', async () => {
      expect(await secrets().keyCheck()).toBeNull();
      await secrets().setKeyCheck('fp-1');
      expect(await (await h.open()).stores.secrets.keyCheck()).toBe('fp-1');
      await secrets().setKeyCheck('fp-2');
      expect(await secrets().keyCheck()).toBe('fp-2');
    });
  });
});
