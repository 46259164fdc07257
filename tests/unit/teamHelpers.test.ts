import { describe, expect, it } from 'vitest';
import { generatePassword } from '../../editor/src/settings/generatePassword';
import { isSecretName, toSecretName } from '../../editor/src/settings/secrets/secretName';
import { expiryDate } from '../../editor/src/settings/tokens/NewTokenDialog';

describe('organisation page helpers', () => {
  it('generates 16-character passwords without look-alike characters, skipping biased bytes', () => {
    expect(generatePassword()).toMatch(/^[a-km-zA-HJ-NP-Z2-9]{16}$/);
    // 255 is above the largest unbiased byte for a 57-letter alphabet and must be skipped.
    let calls = 0;
    const random = (n: number) => new Uint8Array(n).fill(calls++ === 0 ? 255 : 0);
    expect(generatePassword(4, random)).toBe('aaaa');
    expect(calls).toBe(2);
  });

  it('turns a typed secret name into the form the server accepts', () => {
    expect(toSecretName('token sklepu łódź')).toBe('TOKEN_SKLEPU_LODZ');
    expect(isSecretName('SHOP_TOKEN')).toBe(true);
    expect(isSecretName('1TOKEN')).toBe(false);
    expect(isSecretName(toSecretName('9 lives'))).toBe(false);
  });

  it('turns an expiry choice into a date, or null for never', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(expiryDate('30', now)).toBe('2026-01-31T00:00:00.000Z');
    expect(expiryDate('never', now)).toBeNull();
  });
});
