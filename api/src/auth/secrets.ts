import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 32 random bytes, URL-safe. */
export function randomSecret(prefix = ''): string {
  return prefix + randomBytes(32).toString('base64url');
}

/**
 * Session ids and API tokens are stored only as their sha256: a leaked data file then holds no
 * usable credential. A fast hash is right here because the secrets are 256-bit random.
 */
export function sha256(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** API tokens carry a prefix so they are recognisable in logs and secret scanners. */
export const API_TOKEN_PREFIX = 'sbt_';
