import type { ChoiceOption } from '../schema/nodes/choice';
import { normalize } from '../text/normalize';

interface PreparedOption {
  /** The label and each synonym, normalised; empty ones dropped. */
  phrases: string[];
  words: Set<string>;
}

interface PreparedChoice {
  options: PreparedOption[];
  /** Normalised phrase -> indexes of the options that have it, each once. */
  exact: Map<string, number[]>;
}

// Option lists are immutable parts of an immutable flow, so normalising them once per list is safe.
const prepared = new WeakMap<readonly ChoiceOption[], PreparedChoice>();

function prepareOption(option: ChoiceOption): PreparedOption {
  const phrases = [option.label, ...(option.synonyms ?? [])].map(normalize).filter((s) => s !== '');
  const words = new Set<string>();
  for (const phrase of phrases) for (const w of phrase.split(' ')) words.add(w);
  return { phrases, words };
}

function prepare(options: readonly ChoiceOption[]): PreparedChoice {
  let p = prepared.get(options);
  if (!p) {
    const prepOptions = options.map(prepareOption);
    const exact = new Map<string, number[]>();
    prepOptions.forEach((o, i) => {
      for (const phrase of o.phrases) {
        const at = exact.get(phrase);
        if (!at) exact.set(phrase, [i]);
        else if (at[at.length - 1] !== i) at.push(i);
      }
    });
    p = { options: prepOptions, exact };
    prepared.set(options, p);
  }
  return p;
}

/** Shorter prefixes ("z", "zw") would make almost every typed word match something. */
const MIN_PREFIX = 3;

function wordMatches(typed: string, words: Set<string>): boolean {
  if (words.has(typed)) return true;
  if (typed.length < MIN_PREFIX) return false;
  for (const w of words) if (w.startsWith(typed)) return true;
  return false;
}

/** Picks the single best-scoring option; a tie for the best is ambiguity, hence no match. */
function unique(scores: number[]): number | null {
  let best = 0;
  let bestAt = -1;
  let tie = false;
  for (let i = 0; i < scores.length; i++) {
    const s = scores[i]!;
    if (s > best) {
      best = s;
      bestAt = i;
      tie = false;
    } else if (s === best && s > 0) {
      tie = true;
    }
  }
  return bestAt >= 0 && !tie ? bestAt : null;
}

const DIGITS_RE = /^\d+$/;

/**
 * Which option a typed answer means, or null. In order of strength:
 * 1. the whole answer equals a label or synonym ("zwrot towaru!" for "Zwrot towaru");
 * 2. a number 1..n, as menus are often answered by position;
 * 3. the answer contains a whole label or synonym ("I want a refund please"), longest wins;
 * 4. every typed word is (a prefix of) a word of one option ("zwrot", "zwr tow").
 */
export function matchChoice(options: readonly ChoiceOption[], typed: string): ChoiceOption | null {
  const text = normalize(typed);
  if (text === '' || options.length === 0) return null;
  const prep = prepare(options);

  const exact = prep.exact.get(text);
  if (exact !== undefined) return exact.length === 1 ? options[exact[0]!]! : null;

  if (DIGITS_RE.test(text)) {
    const n = Number(text);
    if (n >= 1 && n <= options.length) return options[n - 1]!;
  }

  const padded = ` ${text} `;
  const contained = prep.options.map((p) => {
    let longest = 0;
    for (const phrase of p.phrases) if (phrase.length > longest && padded.includes(` ${phrase} `)) longest = phrase.length;
    return longest;
  });
  if (contained.some((s) => s > 0)) {
    const best = unique(contained);
    return best === null ? null : options[best]!;
  }

  const typedWords = text.split(' ');
  const byWords = unique(prep.options.map((p) => (typedWords.every((w) => wordMatches(w, p.words)) ? 1 : 0)));
  return byWords === null ? null : options[byWords]!;
}
