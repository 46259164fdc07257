import { fnv1a } from './hash';
import { textFeatures, type TextFeatures } from './normalize';

/** How much each kind of feature counts once each kind has been scaled to unit length. */
export interface BlockWeights {
  words: number;
  bigrams: number;
  chars: number;
}

/** Sparse row: column indexes and their values, same length. */
export interface SparseVector {
  idx: Int32Array;
  val: Float32Array;
}

const BLOCKS = ['words', 'bigrams', 'chars'] as const;
type Block = (typeof BLOCKS)[number];
// The block goes into the hash so the word "abc" and the trigram "abc" are different features.
const PREFIX: Record<Block, string> = { words: 'w\u0001', bigrams: 'b\u0001', chars: 'c\u0001' };

/** Per-block term counts of a message, keyed by feature hash. */
export function hashedCounts(features: TextFeatures): Map<number, number>[] {
  return BLOCKS.map((block) => {
    const counts = new Map<number, number>();
    for (const f of features[block]) {
      const h = fnv1a(PREFIX[block] + f);
      counts.set(h, (counts.get(h) ?? 0) + 1);
    }
    return counts;
  });
}

export interface FeatureIndex {
  column: Map<number, number>;
  idf: Float64Array;
  blockWeights: BlockWeights;
}

/**
 * TF-IDF with sublinear term frequency; each block is scaled to unit length and weighted, then
 * the whole row is scaled to unit length, so a long message and a short one compare fairly.
 * Features never seen in training are dropped.
 */
export function vectorizeCounts(blocks: Map<number, number>[], index: FeatureIndex): SparseVector {
  const idx: number[] = [];
  const val: number[] = [];
  let total = 0;
  BLOCKS.forEach((block, b) => {
    const start = idx.length;
    let sq = 0;
    for (const [h, tf] of blocks[b] ?? []) {
      const col = index.column.get(h);
      if (col === undefined) continue;
      const v = (1 + Math.log(tf)) * (index.idf[col] ?? 0);
      idx.push(col);
      val.push(v);
      sq += v * v;
    }
    if (sq === 0) return;
    const scale = index.blockWeights[block] / Math.sqrt(sq);
    for (let i = start; i < val.length; i++) {
      const v = (val[i] as number) * scale;
      val[i] = v;
      total += v * v;
    }
  });
  if (total > 0) {
    const norm = 1 / Math.sqrt(total);
    for (let i = 0; i < val.length; i++) val[i] = (val[i] as number) * norm;
  }
  return { idx: Int32Array.from(idx), val: Float32Array.from(val) };
}

export function vectorize(text: string, locale: string, index: FeatureIndex): SparseVector {
  return vectorizeCounts(hashedCounts(textFeatures(text, locale)), index);
}

/** Vocabulary and smoothed idf (as scikit-learn's) over the training messages. */
export function buildFeatureIndex(docs: Map<number, number>[][]): { hashes: number[]; idf: number[] } {
  const df = new Map<number, number>();
  for (const blocks of docs) {
    for (const counts of blocks) for (const h of counts.keys()) df.set(h, (df.get(h) ?? 0) + 1);
  }
  const hashes = [...df.keys()].sort((a, b) => a - b);
  const n = docs.length;
  const idf = hashes.map((h) => Math.log((1 + n) / (1 + (df.get(h) ?? 0))) + 1);
  return { hashes, idf };
}
