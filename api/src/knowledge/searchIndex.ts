import MiniSearch from 'minisearch';
import { termOf, tokenize } from './terms';

/** One passage as the index holds it. `key` is internal; `passageId` is what callers see. */
export interface IndexedPassage {
  key: number;
  passageId: string;
  sourceId: string;
  /** The source's title and the passage's section heading: words that say what it is about. */
  heading: string;
  text: string;
  /** Which indexing of its source added it (see KnowledgeIndex). */
  generation: number;
}

export interface IndexHit {
  passageId: string;
  sourceId: string;
  text: string;
  score: number;
  /** The index terms that matched (folded and stemmed), for highlighting. */
  terms: string[];
}

/** The longest question searched, in characters: beyond it only the start counts. */
export const MAX_QUERY_CHARS = 1000;

/**
 * A BM25 full-text index with the Polish/English term rules of terms.ts. Query words of four
 * letters or more also match longer words they begin (prefix), so "gwaranc" finds "gwarancja";
 * those matches count for less than exact ones (MiniSearch's prefix weight).
 */
export function createSearchIndex(): MiniSearch<IndexedPassage> {
  return new MiniSearch<IndexedPassage>({
    idField: 'key',
    fields: ['heading', 'text'],
    storeFields: ['passageId', 'sourceId', 'text', 'generation'],
    tokenize,
    processTerm: (term) => termOf(term),
    searchOptions: {
      boost: { heading: 1.5 },
      prefix: (term) => term.length >= 4,
      combineWith: 'OR',
    },
  });
}

/** The best hits of `index` for `text`, keeping only those `keep` accepts. */
export function searchIndex(index: MiniSearch<IndexedPassage>, text: string, limit: number, keep: (p: IndexedPassage) => boolean): IndexHit[] {
  const query = text.slice(0, MAX_QUERY_CHARS);
  if (limit <= 0 || query.trim() === '') return [];
  const results = index.search(query, { filter: (r) => keep(r as unknown as IndexedPassage) });
  return results.slice(0, limit).map((r) => ({
    passageId: r.passageId as string,
    sourceId: r.sourceId as string,
    text: r.text as string,
    score: r.score,
    terms: r.terms,
  }));
}
