// Deliberately loose: one @, no spaces, a dotted domain with a 2+ letter ending. Stricter
// checks reject real addresses and annoy customers more than they catch typos.
const EMAIL_RE = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)*\.[^\s@.]{2,}$/;

export function parseEmailAnswer(text: string): string | null {
  const t = text.trim();
  return EMAIL_RE.test(t) ? t : null;
}
