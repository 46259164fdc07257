import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createSecretCipher } from '../../../api/src/secrets/cipher';
import { secretsForTarget, SecretKeyProblem } from '../../../api/src/migrate/secretsForTarget';
import type { SecretsFile } from '../../../api/src/storage/lowdb/secretStore';

const oldKey = randomBytes(32);
const newKey = randomBytes(32);

function sourceFile(key: Buffer): SecretsFile {
  const c = createSecretCipher(key);
  return {
    keyCheck: c.keyCheck,
    secrets: [
      { name: 'SHOP_API_KEY', value: c.encrypt('SHOP_API_KEY', 'sk-1'), hosts: ['api.shop.example'], createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-02T00:00:00.000Z' },
      { name: 'CRM_TOKEN', value: c.encrypt('CRM_TOKEN', 'crm-2'), createdAt: '2026-01-03T00:00:00.000Z', updatedAt: '2026-01-03T00:00:00.000Z' },
    ],
  };
}

describe('secrets for the PostgreSQL target', () => {
  it('keeps the ciphertext as it is when the target key is the source key', () => {
    const source = sourceFile(oldKey);
    const result = secretsForTarget(source, oldKey, oldKey);
    expect(result.reencrypted).toBe(false);
    expect(result.secrets).toEqual(source.secrets);
    expect(result.keyCheck).toBe(source.keyCheck);
  });

  it('re-encrypts each value with the new key, keeping names, hosts and dates', () => {
    const source = sourceFile(oldKey);
    const result = secretsForTarget(source, oldKey, newKey);
    expect(result.reencrypted).toBe(true);
    expect(result.keyCheck).toBe(createSecretCipher(newKey).keyCheck);
    const target = createSecretCipher(newKey);
    expect(result.secrets.map((s) => target.decrypt(s.name, s.value))).toEqual(['sk-1', 'crm-2']);
    expect(result.secrets.map(({ value: _v, ...rest }) => rest)).toEqual(source.secrets.map(({ value: _v, ...rest }) => rest));
    expect(() => createSecretCipher(oldKey).decrypt('SHOP_API_KEY', result.secrets[0]!.value)).toThrow();
  });

  it('refuses a new key without the old one, or with a wrong old one, and never says a value', () => {
    const source = sourceFile(oldKey);
    expect(() => secretsForTarget(source, null, newKey)).toThrow(SecretKeyProblem);
    let message = '';
    try {
      secretsForTarget(source, randomBytes(32), newKey);
    } catch (err) {
      expect(err).toBeInstanceOf(SecretKeyProblem);
      message = (err as Error).message;
    }
    expect(message).toContain('not the one the secrets were saved with');
    expect(message).not.toMatch(/sk-1|crm-2/);
  });

  it('needs no source key when there are no secrets', () => {
    const result = secretsForTarget({ keyCheck: createSecretCipher(oldKey).keyCheck, secrets: [] }, null, newKey);
    expect(result).toEqual({ secrets: [], keyCheck: createSecretCipher(newKey).keyCheck, reencrypted: false });
  });
});
