import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import type { EncryptedValue } from '../storage/secretStore';
import { SecretKeyMismatchError } from './errors';

const IV_BYTES = 12;

export interface SecretCipher {
  /** Fingerprint of the key (an HMAC of a constant), stored to tell a wrong key at once. */
  keyCheck: string;
  encrypt(name: string, plaintext: string): EncryptedValue;
  decrypt(name: string, value: EncryptedValue): string;
}

/**
 * AES-256-GCM with a random 12-byte IV per value. The secret's name is authenticated data, so a
 * value moved to another name in the file fails to decrypt instead of being sent as that one.
 */
export function createSecretCipher(key: Buffer): SecretCipher {
  if (key.length !== 32) throw new Error('The secret key must be 32 bytes');
  return {
    keyCheck: createHmac('sha256', key).update('switchboard secret key check v1').digest('base64'),
    encrypt(name, plaintext) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(Buffer.from(name, 'utf8'));
      const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return { v: 1, iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64') };
    },
    decrypt(name, value) {
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(value.iv, 'base64'));
        decipher.setAAD(Buffer.from(name, 'utf8'));
        decipher.setAuthTag(Buffer.from(value.tag, 'base64'));
        return Buffer.concat([decipher.update(Buffer.from(value.data, 'base64')), decipher.final()]).toString('utf8');
      } catch {
        throw new SecretKeyMismatchError(`the secret ${name} cannot be decrypted`);
      }
    },
  };
}
