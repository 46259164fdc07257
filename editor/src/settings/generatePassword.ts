// No look-alikes (0/O, 1/l/I), so a password read out over the phone is typed right.
const ALPHABET = 'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A random password for a new account or a reset: 16 characters, about 93 bits. */
export function generatePassword(length = 16, random: (count: number) => Uint8Array = (n) => crypto.getRandomValues(new Uint8Array(n))): string {
  let out = '';
  while (out.length < length) {
    // Rejection sampling keeps every character equally likely.
    for (const byte of random(length)) {
      if (byte < 256 - (256 % ALPHABET.length) && out.length < length) out += ALPHABET[byte % ALPHABET.length];
    }
  }
  return out;
}
