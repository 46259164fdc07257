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

/**
 * Folds text to the form used for matching what customers type: lowercase, no diacritics,
 * punctuation turned into spaces, single spaces, trimmed. "Zwrot  TOWARU!" -> "zwrot towaru".
 */
export function normalize(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(COMBINING_MARKS_RE, '')
    .replace(UNDECOMPOSABLE_RE, (ch) => UNDECOMPOSABLE[ch] ?? ch)
    .replace(NON_WORD_RE, ' ')
    .trim();
}

/** The normalised words of a text, in order. */
export function tokens(text: string): string[] {
  const n = normalize(text);
  return n === '' ? [] : n.split(' ');
}
