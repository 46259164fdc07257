import { normalize } from '../../text/normalize';

// Star glyphs customers paste or type; `*` too, as in "****".
const STARS = /^[\s★⭐☆*]+$/u;
const FILLED = /[★⭐*]/gu;
const WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5,
  jeden: 1, jedna: 1, dwa: 2, trzy: 3, cztery: 4, piec: 5,
};

/**
 * Reads a 1-5 rating from what a customer typed: "4", "4/5", "4 out of 5", "4 stars",
 * "★★★★" (empty ☆ ignored), "four", "cztery". Anything else, including 0 or 6, is null.
 */
export function parseRating(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  if (STARS.test(trimmed)) {
    const count = trimmed.match(FILLED)?.length ?? 0;
    return count >= 1 && count <= 5 ? count : null;
  }
  // Folding would read "4.5" as "4 5", i.e. 4 out of 5; half stars are not on the scale.
  if (/\d\s*[.,]\s*\d/.test(trimmed)) return null;
  const folded = normalize(trimmed);
  const match = /^([1-5])(?: (?:5|out of 5|na 5|z 5|stars?|gwiazdk[aiy]?|gwiazdek))?$/.exec(folded);
  if (match) return Number(match[1]);
  return WORDS[folded] ?? null;
}
