// Letters that NFKD leaves whole (they are not a base letter plus a combining mark), so stripping
// marks alone would keep them: Polish "ł" must still match a customer who typed "l".
const UNDECOMPOSABLE: Record<string, string> = {
  ł: 'l',
  đ: 'd',
  ø: 'o',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ı: 'i',
  þ: 'th',
};
const UNDECOMPOSABLE_RE = /[łđøßæœıþ]/g;
const COMBINING_MARKS_RE = /\p{M}+/gu;
const NON_WORD_RE = /[^\p{L}\p{N}]+/gu;
// Matching the whole ASCII range, control characters included, is the point of this one.
// eslint-disable-next-line no-control-regex
const ASCII_RE = /^[\x00-\x7f]*$/;
const ASCII_NON_WORD_RE = /[^a-z0-9]+/g;

/** Lowercase text without diacritics: the letter-folding half of `normalize`. */
function foldLetters(lower: string): string {
  return lower
    .normalize('NFKD')
    .replace(COMBINING_MARKS_RE, '')
    .replace(UNDECOMPOSABLE_RE, (ch) => UNDECOMPOSABLE[ch] ?? ch);
}

/**
 * Latin-1 Supplement and Latin Extended-A/B: the accented letters European customers type.
 * NFKD decomposes character by character and the marks it may reorder are all dropped, so
 * folding these one at a time from a table gives exactly what folding the whole text gives.
 */
const LATIN_END = 0x250;
const latinFolds: (string | undefined)[] = [];

/** `foldLetters` of a lowercased text by table, or null when it has a character outside the table. */
function foldLatin(lower: string): string | null {
  let out = '';
  for (let i = 0; i < lower.length; i++) {
    const code = lower.charCodeAt(i);
    if (code < 0x80) {
      out += lower[i];
    } else if (code < LATIN_END) {
      out += latinFolds[code] ??= foldLetters(lower[i]!);
    } else {
      return null;
    }
  }
  return out;
}

/**
 * Folds text to the form used for matching what customers type: lowercase, no diacritics,
 * punctuation turned into spaces, single spaces, trimmed. "Zwrot  TOWARU!" -> "zwrot towaru".
 */
export function normalize(text: string): string {
  const lower = text.toLowerCase();
  // For ASCII, the letters and digits are exactly \p{L} and \p{N}, and there is nothing to fold.
  if (ASCII_RE.test(lower)) return lower.replace(ASCII_NON_WORD_RE, ' ').trim();
  // Typed answers are mostly Latin, where whole-text Unicode normalisation is the slow part.
  const folded = foldLatin(lower) ?? foldLetters(lower);
  return (ASCII_RE.test(folded) ? folded.replace(ASCII_NON_WORD_RE, ' ') : folded.replace(NON_WORD_RE, ' ')).trim();
}

/** The normalised words of a text, in order. */
export function tokens(text: string): string[] {
  const n = normalize(text);
  return n === '' ? [] : n.split(' ');
}
