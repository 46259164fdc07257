/**
 * How words become index terms, for Polish and English alike: lower case, accents folded
 * (zwrot = zwrót, ł → l), the commonest function words dropped, and a light suffix stemmer so
 * that "zwrotu", "zwroty" and "zwrot", or "returns" and "return", meet. Deliberately crude: a
 * dictionary stemmer would need a data download, and retrieval only has to rank passages.
 */

const STOP_WORDS = new Set(
  [
    // English
    'a an and are as at be but by do does for from has have how i if in is it its me my of on or our so that the their them then there these this to was we were what when where which who why will with you your',
    // Polish (folded)
    'a aby ale bo by czy dla do gdy gdzie i ich ja jak jaki jest jestem jesli juz ktora ktore ktory lub ma mam mi moj moge na nas nie o od oraz po przez sa sie tak tam ten to tu w we z za ze co czym jakie',
  ]
    .join(' ')
    .split(' '),
);

// Longest first; a suffix is cut only when at least MIN_STEM letters remain.
const SUFFIXES = [
  // Polish inflection (folded forms)
  'owania', 'owanie', 'owaniu', 'aniem', 'eniem', 'ami', 'ach', 'owi', 'ego', 'emu', 'ych', 'ymi', 'imi', 'iej', 'ow', 'om', 'em', 'ie', 'iu', 'ia', 'y', 'u', 'a', 'e', 'i', 'o',
  // English
  'ing', 'ies', 'ed', 'es', 's',
].sort((a, b) => b.length - a.length);
const MIN_STEM = 3;

const FOLD = new Map([
  ['ł', 'l'],
  ['đ', 'd'],
  ['ø', 'o'],
  ['ß', 'ss'],
  ['æ', 'ae'],
  ['œ', 'oe'],
]);

/** Lower case without accents: "Zwrót Łódź" → "zwrot lodz". */
export function fold(text: string): string {
  const lower = text.toLowerCase();
  // Plain ASCII has nothing to fold.
  if (!/[^ -~]/.test(lower)) return lower;
  return foldAccents(lower);
}

function foldAccents(lower: string): string {
  const bare = lower.normalize('NFD').replace(/\p{M}+/gu, '');
  let out = '';
  for (const ch of bare) out += FOLD.get(ch) ?? ch;
  return out;
}

export function stem(word: string): string {
  for (const suffix of SUFFIXES) {
    if (word.length - suffix.length >= MIN_STEM && word.endsWith(suffix)) return word.slice(0, -suffix.length);
  }
  return word;
}

// Words repeat far more than they vary, so each word's term is worked out once. Bounded: a
// text of random strings only makes the cache start over.
const TERM_CACHE_SIZE = 50_000;
const termCache = new Map<string, string | null>();

/** The index term for one word, or null for a word not worth indexing. */
export function termOf(word: string): string | null {
  const cached = termCache.get(word);
  if (cached !== undefined) return cached;
  const folded = fold(word);
  const term = folded.length === 0 || STOP_WORDS.has(folded) ? null : stem(folded);
  if (termCache.size >= TERM_CACHE_SIZE) termCache.clear();
  termCache.set(word, term);
  return term;
}

/** Words as the index sees them: runs of letters and digits (a plain character class, linear time). */
const WORD = /[\p{L}\p{N}]+/gu;

export function tokenize(text: string): string[] {
  return text.match(WORD) ?? [];
}

/** Where the words of `text` whose terms are in `terms` stand, as [start, end) character offsets. */
export function highlightRanges(text: string, terms: ReadonlySet<string>): [number, number][] {
  const ranges: [number, number][] = [];
  if (terms.size === 0) return ranges;
  for (const match of text.matchAll(WORD)) {
    const term = termOf(match[0]);
    if (term !== null && terms.has(term)) ranges.push([match.index, match.index + match[0].length]);
  }
  return ranges;
}
