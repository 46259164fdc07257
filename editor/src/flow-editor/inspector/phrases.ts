import { normalize } from '@switchboard/runtime';

/** Every schema phrase list is capped at this many; pasting more keeps the first ones. */
export const MAX_PHRASES = 1000;

/** One phrase per line, as pasted from a spreadsheet column or a chat export. */
export function splitPastedPhrases(text: string): string[] {
  return text
    .split(/\r?\n|\r/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

export interface AppendResult {
  phrases: string[];
  added: number;
  /** Phrases left out because the list already had them (compared as the classifier sees them). */
  duplicates: number;
}

/**
 * Adds phrases the list does not already hold. "Where's my order?" and "where's my ORDER" are
 * the same to the classifier, so a second copy would only skew training.
 */
export function appendPhrases(existing: readonly string[], incoming: readonly string[], max = MAX_PHRASES): AppendResult {
  const seen = new Set(existing.map(normalize));
  const phrases = [...existing];
  let added = 0;
  let duplicates = 0;
  for (const raw of incoming) {
    const phrase = raw.trim().slice(0, 500);
    const key = normalize(phrase);
    if (key === '') continue;
    if (seen.has(key)) {
      duplicates++;
      continue;
    }
    if (phrases.length >= max) break;
    seen.add(key);
    phrases.push(phrase);
    added++;
  }
  return { phrases, added, duplicates };
}

export interface PhraseGroup {
  id: string;
  examples: readonly string[];
}

/**
 * Phrases that appear, once normalised, under more than one group: the classifier cannot tell
 * which intent such a phrase means. Maps the normalised phrase to the ids of the groups holding it.
 */
export function findPhraseClashes(groups: readonly PhraseGroup[]): Map<string, string[]> {
  const owners = new Map<string, string[]>();
  for (const g of groups) {
    for (const phrase of g.examples) {
      const key = normalize(phrase);
      if (key === '') continue;
      const ids = owners.get(key);
      if (!ids) owners.set(key, [g.id]);
      else if (!ids.includes(g.id)) ids.push(g.id);
    }
  }
  for (const [key, ids] of owners) if (ids.length < 2) owners.delete(key);
  return owners;
}
