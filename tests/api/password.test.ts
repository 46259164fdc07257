import { describe, expect, it } from 'vitest';
import { OWASP_SCRYPT, scryptHasher } from '../../api/src/auth/password';

describe('scrypt password hashing', () => {
  it('uses OWASP parameters by default and encodes them in the hash', async () => {
    expect(OWASP_SCRYPT).toEqual({ N: 2 ** 17, r: 8, p: 1 });
    const hash = await scryptHasher().hash('correct horse battery staple');
    expect(hash).toMatch(/^scrypt\$N=131072,r=8,p=1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{88}$/);
    expect(await scryptHasher().verify('correct horse battery staple', hash)).toBe(true);
    // 128 MiB of memory-hard work per call is the point; on a shared CI core it takes seconds.
  }, 60_000);

  it('verifies with the parameters stored in the hash, whatever the hasher was built with', async () => {
    const cheap = scryptHasher({ N: 1024, r: 8, p: 1 });
    const hash = await cheap.hash('pässwörd');
    expect(await scryptHasher().verify('pässwörd', hash)).toBe(true);
    expect(await cheap.verify('passwörd', hash)).toBe(false);
  });

  it('salts every hash and rejects malformed or absurd hashes', async () => {
    const cheap = scryptHasher({ N: 1024, r: 8, p: 1 });
    expect(await cheap.hash('same')).not.toBe(await cheap.hash('same'));
    expect(await cheap.verify('x', 'plain-text')).toBe(false);
    expect(await cheap.verify('x', 'scrypt$N=1073741824,r=8,p=1$AAAA$AAAA')).toBe(false);
  });
});
