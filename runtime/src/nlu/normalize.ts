import { normalize } from '../text/normalize';
import { stemmerFor } from './stem';

/**
 * What the classifier sees of a message. Words are folded the same way in every locale (case,
 * diacritics, punctuation), so "zamowienie" typed without Polish letters still matches
 * "zamówienie"; stemming depends on the language.
 */
export interface TextFeatures {
  /** Stemmed words and adjacent stem pairs. */
  words: string[];
  bigrams: string[];
  /** Character 3- and 4-grams inside each folded word, with `^`/`$` marking the word's edges. */
  chars: string[];
}

export const CHAR_NGRAM_MIN = 3;
/**
 * Longest character n-gram of models trained now (version 3). 5-grams, which versions 1 and 2
 * used, added nothing on splits carved from CLINC150's and Banking77's training files and cost
 * a quarter of the features and a sixth of the training time.
 */
export const CHAR_NGRAM_MAX = 4;

/** Folded words of a message: "Gdzie jest MOJE zamówienie?" -> ["gdzie", "jest", "moje", "zamowienie"]. */
export function nluWords(text: string): string[] {
  const folded = normalize(text);
  return folded === '' ? [] : folded.split(' ');
}

/** Folded, stemmed words: "Zamówieniem" and "zamowienia" both give ["zamowien"] for Polish. */
export function nluStems(text: string, locale: string): string[] {
  const stem = stemmerFor(locale);
  return nluWords(text).map(stem);
}

/** `max` is the longest n-gram; older stored models pass theirs (see `charNgramMax` in model.ts). */
export function charNgrams(word: string, out: string[] = [], max = CHAR_NGRAM_MAX): string[] {
  const padded = `^${word}$`;
  for (let n = CHAR_NGRAM_MIN; n <= max; n++) {
    for (let i = 0; i + n <= padded.length; i++) out.push(padded.slice(i, i + n));
    if (n >= padded.length) break;
  }
  return out;
}

export function textFeatures(text: string, locale: string, charMax = CHAR_NGRAM_MAX): TextFeatures {
  const stem = stemmerFor(locale);
  const words = nluWords(text);
  const stems = words.map(stem);
  const bigrams: string[] = [];
  for (let i = 0; i + 1 < stems.length; i++) bigrams.push(`${stems[i]} ${stems[i + 1]}`);
  const chars: string[] = [];
  for (const w of words) charNgrams(w, chars, charMax);
  return { words: stems, bigrams, chars };
}
