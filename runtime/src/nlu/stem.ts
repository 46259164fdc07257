/**
 * Light suffix stripping, applied to words already folded by `normalize` (lowercase, no
 * diacritics). The goal is that inflected forms of one word collapse onto one stem, not that the
 * stem is a real word; character n-grams catch what these rules miss (stem alternations such as
 * Polish "karta"/"karcie").
 */

// Longest first, so "zamowieniami" loses "iami" rather than just "i".
const POLISH_SUFFIXES = [
  'owaniami', 'owaniach', 'ilismy', 'alismy', 'owanie', 'owania', 'owaniu', 'ujesz', 'owali', 'owala', 'owac', 'ywac',
  'iami', 'iach', 'owie', 'ilem', 'ilam', 'alem', 'alam', 'elem', 'elam', 'iemy', 'owal', 'ego', 'emu', 'ymi', 'imi',
  'ych', 'ich', 'iem', 'iom', 'iow', 'ami', 'ach', 'esz', 'isz', 'asz', 'uje', 'ila', 'ala', 'ela', 'cie', 'owy', 'owa',
  'owe', 'om', 'ow', 'em', 'ie', 'ia', 'iu', 'ym', 'im', 'ej', 'ic', 'ac', 'ec', 'il', 'al', 'a', 'e', 'i', 'o', 'u', 'y',
].sort((a, b) => b.length - a.length);
const POLISH_MIN_STEM = 3;

export function stemPolish(word: string): string {
  if (word.length <= POLISH_MIN_STEM) return word;
  for (const suffix of POLISH_SUFFIXES) {
    if (word.length - suffix.length >= POLISH_MIN_STEM && word.endsWith(suffix)) {
      return word.slice(0, word.length - suffix.length);
    }
  }
  return word;
}

const DOUBLED_CONSONANT_RE = /([bdfgkmnprt])\1$/;

/** "charge", "charges", "charged", "charging" -> "charg"; "topped" -> "top"; "cards" -> "card". */
export function stemEnglish(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  let w = word;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('ing') && w.length > 5) w = undouble(w.slice(0, -3));
  else if (w.endsWith('ed') && w.length > 4) w = undouble(w.slice(0, -2));
  else if (w.endsWith('es') && w.length > 4 && !w.endsWith('ses')) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.endsWith('ly') && w.length > 5) w = w.slice(0, -2);
  if (w.endsWith('e') && w.length > 3) w = w.slice(0, -1);
  return w;
}

function undouble(stem: string): string {
  return DOUBLED_CONSONANT_RE.test(stem) ? stem.slice(0, -1) : stem;
}

/** The stemmer for a locale such as "pl" or "en-GB"; other languages keep words whole. */
export function stemmerFor(locale: string): (word: string) => string {
  switch (locale.slice(0, 2).toLowerCase()) {
    case 'pl':
      return stemPolish;
    case 'en':
      return stemEnglish;
    default:
      return (word) => word;
  }
}
