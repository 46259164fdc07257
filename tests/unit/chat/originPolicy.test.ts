import { describe, expect, it } from 'vitest';
import { isOwnOrigin, originAllowed } from '../../../api/src/chat/originPolicy';
import { createSessionToken, hashSessionToken, sessionTokenMatches } from '../../../runtime/src/server/chat/sessionToken';

describe('originAllowed', () => {
  it('matches exact origins, subdomain wildcards and *', () => {
    expect(originAllowed('https://shop.example.com', ['https://shop.example.com/'])).toBe(true);
    expect(originAllowed('https://evil.com', ['https://shop.example.com'])).toBe(false);
    expect(originAllowed('http://shop.example.com', ['https://shop.example.com'])).toBe(false);
    expect(originAllowed('https://a.example.com', ['https://*.example.com'])).toBe(true);
    expect(originAllowed('https://example.com.evil.io', ['https://*.example.com'])).toBe(false);
    expect(originAllowed('https://anything.io', ['*'])).toBe(true);
    expect(originAllowed('null', ['*'])).toBe(false);
    expect(originAllowed('https://x.io', [])).toBe(false);
  });

  it('treats the request host and PUBLIC_URL as the server’s own origin', () => {
    expect(isOwnOrigin('http://localhost:8080', 'localhost:8080', null)).toBe(true);
    expect(isOwnOrigin('https://bots.example.com', 'internal:8080', 'https://bots.example.com')).toBe(true);
    expect(isOwnOrigin('https://evil.com', 'localhost:8080', null)).toBe(false);
  });
});

describe('session tokens', () => {
  it('are 256-bit, stored hashed and compared by hash', () => {
    const a = createSessionToken();
    expect(Buffer.from(a, 'base64url')).toHaveLength(32);
    expect(a).not.toBe(createSessionToken());
    expect(sessionTokenMatches(a, hashSessionToken(a))).toBe(true);
    expect(sessionTokenMatches(`${a}x`, hashSessionToken(a))).toBe(false);
  });
});
