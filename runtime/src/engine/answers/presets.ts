/*
 * Answer checks named in a manager's words. Each is a hand-written check or an anchored pattern
 * made only of character classes and fixed counts, so it runs in linear time on any customer text.
 */

const SPACES_RE = /\s+/g;
const DIGITS_RE = /^\d+$/;
const ORDER_CHARS_RE = /^[A-Z0-9-]+$/;
const HAS_DIGIT_RE = /\d/;
const POSTCODE_PL_RE = /^(\d{2})-?(\d{3})$/;

/** Longest answer a preset looks at; anything longer is refused before any pattern runs. */
const MAX_PRESET_LENGTH = 64;

/** "0012 345" → "0012345": digits only, spaces ignored, kept as text so leading zeros survive. */
export function parseDigitsAnswer(text: string): string | null {
  if (text.length > MAX_PRESET_LENGTH) return null;
  const t = text.replace(SPACES_RE, '');
  return DIGITS_RE.test(t) ? t : null;
}

/**
 * An order number as shops print it: letters and digits, hyphens allowed, 3-30 characters, at
 * least one digit (so a word like "hello" is not taken for one). Stored upper-case without spaces.
 */
export function parseOrderNumberAnswer(text: string): string | null {
  if (text.length > MAX_PRESET_LENGTH) return null;
  const t = text.replace(SPACES_RE, '').toUpperCase();
  if (t.length < 3 || t.length > 30) return null;
  return ORDER_CHARS_RE.test(t) && HAS_DIGIT_RE.test(t) ? t : null;
}

/** A Polish postcode, "00-950" or "00950", stored as "00-950". */
export function parsePostcodePlAnswer(text: string): string | null {
  if (text.length > MAX_PRESET_LENGTH) return null;
  const m = POSTCODE_PL_RE.exec(text.trim());
  return m ? `${m[1]}-${m[2]}` : null;
}
