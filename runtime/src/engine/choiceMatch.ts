import type { ChoiceOption } from '../schema/nodes/choice';
import { normalize } from '../text/normalize';

interface PreparedOption {
  /** The label and each synonym, normalised; empty ones dropped. */
  phrases: string[];
  words: Set<string>;
}

// Options are immutable parts of an immutable flow, so normalising them once per object is safe.
const prepared = new WeakMap<ChoiceOption, PreparedOption>();

function prepare(option: ChoiceOption): PreparedOption {
  let p = prepared.get(option);
  if (!p) {
    const phrases = [option.label, ...(option.synonyms ?? [])].map(normalize).filter((s) => s !== '');
    const words = new Set<string>();
    for (const phrase of phrases) for (const w of phrase.split(' ')) words.add(w);
    p = { phrases, words };
    prepared.set(option, p);
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
  const prep = options.map(prepare);

  const exact = unique(prep.map((p) => (p.phrases.includes(text) ? 1 : 0)));
  if (exact !== null) return options[exact]!;
  if (prep.some((p) => p.phrases.includes(text))) return null;

  if (/^\d+$/.test(text)) {
    const n = Number(text);
    if (n >= 1 && n <= options.length) return options[n - 1]!;
  }

  const padded = ` ${text} `;
  const contained = prep.map((p) => {
    let longest = 0;
    for (const phrase of p.phrases) if (phrase.length > longest && padded.includes(` ${phrase} `)) longest = phrase.length;
    return longest;
  });
  if (contained.some((s) => s > 0)) {
    const best = unique(contained);
    return best === null ? null : options[best]!;
  }

  const typedWords = text.split(' ');
  const byWords = unique(prep.map((p) => (typedWords.every((w) => wordMatches(w, p.words)) ? 1 : 0)));
  return byWords === null ? null : options[byWords]!;
}
