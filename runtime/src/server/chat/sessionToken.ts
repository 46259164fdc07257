import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 256 random bits: unguessable, and short enough for a URL query or a header. */
export function createSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashSessionToken(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

/** Constant-time, so response timing says nothing about how much of a guess was right. */
export function sessionTokenMatches(token: string, storedHash: Buffer): boolean {
  const hash = hashSessionToken(token);
  return hash.length === storedHash.length && timingSafeEqual(hash, storedHash);
}
