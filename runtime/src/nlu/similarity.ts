import type { HashedDoc } from './fit';
import { makeIndex } from './fit';
import { buildFeatureIndex, vectorizeCounts } from './vectorize';

const EVEN: { words: number; bigrams: number; chars: number } = { words: 1, bigrams: 1, chars: 0 };
// Words and word pairs only: character n-grams would make every pair of English phrases look
// alike through "^th", and their posting lists would cost seconds on a 15,000-phrase flow.
const wordsOnly = (doc: HashedDoc): HashedDoc => [doc[0] ?? new Map(), doc[1] ?? new Map(), new Map()];

/**
 * The `candidates` whose TF-IDF cosine (over words and word pairs) with every doc of `reference` stays below `maxSimilarity`.
 * Rows are unit length, so the cosine is a dot product, summed through an inverted index of the
 * reference rows: cost grows with shared features, not with |candidates| x |reference|.
 */
export function distantFrom(candidates: HashedDoc[], reference: HashedDoc[], maxSimilarity: number): HashedDoc[] {
  if (reference.length === 0 || candidates.length === 0) return candidates;
  const refs = reference.map(wordsOnly);
  const { hashes, idf } = buildFeatureIndex([...refs, ...candidates.map(wordsOnly)]);
  const index = makeIndex(hashes, idf, EVEN);
  const postings = new Map<number, { doc: number; v: number }[]>();
  refs.forEach((doc, d) => {
    const row = vectorizeCounts(doc, index);
    for (let k = 0; k < row.idx.length; k++) {
      const col = row.idx[k] as number;
      let list = postings.get(col);
      if (!list) postings.set(col, (list = []));
      list.push({ doc: d, v: row.val[k] as number });
    }
  });
  const dots = new Float64Array(reference.length);
  return candidates.filter((doc) => {
    dots.fill(0);
    const row = vectorizeCounts(wordsOnly(doc), index);
    let max = 0;
    for (let k = 0; k < row.idx.length; k++) {
      const v = row.val[k] as number;
      for (const p of postings.get(row.idx[k] as number) ?? []) {
        const s = (dots[p.doc] as number) + v * p.v;
        dots[p.doc] = s;
        if (s > max) max = s;
      }
    }
    return max < maxSimilarity;
  });
}
