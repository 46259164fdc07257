import { normalize } from '../../../runtime/src/text';

/** One message the bot did not understand, as read from its event. */
export interface UnrecognizedItem {
  text: string;
  nodeId: string | null;
  version: number;
  at: number;
  reason: string;
  /** The intent or FAQ item the classifier scored highest, when the event has it. */
  best: string | null;
}

export interface GroupNode {
  nodeId: string | null;
  count: number;
  /** The class most often scored highest at this node, when the events had one. */
  best: string | null;
}

/** Near-duplicate messages, shown once with a count. */
export interface MessageGroup {
  /** Every normalised text in the group: what dismissing or adding marks. */
  keys: string[];
  /** The most frequent wording, as typed. */
  text: string;
  count: number;
  /** Distinct wordings, most frequent first, at most `MAX_EXAMPLES`. */
  examples: string[];
  firstSeen: number;
  lastSeen: number;
  /** Most frequent first. */
  nodes: GroupNode[];
  reasons: string[];
  versions: number[];
}

export const MAX_EXAMPLES = 5;
/** Longer texts are cut before normalising: a pasted essay costs no more than a sentence. */
const MAX_TEXT = 500;
/** Token sets at least this similar (Jaccard) are one group: "gdzie jest moja paczka" ~ "gdzie moja paczka". */
export const SIMILARITY = 0.75;
/**
 * Words are compared by their first letters, so Polish inflections ("zamówienie", "zamówienia")
 * count as one word; the normalised text itself keeps the whole words.
 */
const STEM = 6;
/** A message is compared with at most this many groups (those sharing its rarest words): bounded cost. */
const MAX_CANDIDATES = 64;

interface Typed {
  count: number;
  first: number;
}

/** Whether a message, by its normalised text, belongs in the list (not yet reviewed). */
export type Keep = (key: string, item: UnrecognizedItem) => boolean;

interface Wording {
  key: string;
  /** Each typed form of it: how often, and when first. */
  texts: Map<string, Typed>;
  count: number;
  items: UnrecognizedItem[];
}

interface Cluster {
  wordings: Wording[];
  stems: Set<string>;
  count: number;
}

const stemsOf = (key: string): Set<string> => new Set(key.split(' ').map((w) => w.slice(0, STEM)));

function jaccard(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const s of a) if (b.has(s)) shared++;
  return shared / (a.size + b.size - shared);
}

/** Same words in any order: one wording for grouping. */
const wordSetKey = (key: string) => [...new Set(key.split(' '))].sort().join(' ');

function wordingsOf(items: readonly UnrecognizedItem[], keep: Keep): Wording[] {
  const byKey = new Map<string, { items: UnrecognizedItem[]; texts: Map<string, Typed> }>();
  for (const item of items) {
    const key = normalizedKey(item.text);
    if (key === '' || !keep(key, item)) continue;
    let w = byKey.get(key);
    if (!w) byKey.set(key, (w = { items: [], texts: new Map() }));
    w.items.push(item);
    const typed = item.text.trim();
    const seen = w.texts.get(typed);
    if (seen) [seen.count, seen.first] = [seen.count + 1, Math.min(seen.first, item.at)];
    else w.texts.set(typed, { count: 1, first: item.at });
  }
  return [...byKey].map(([key, w]) => ({ key, texts: w.texts, count: w.items.length, items: w.items }));
}

function mostFrequent(counts: Map<string, number>): string {
  let best = '';
  let n = -1;
  for (const [text, c] of counts) if (c > n) [best, n] = [text, c];
  return best;
}

/** The form review marks are kept under; `normalize` folds case, diacritics, punctuation and spaces. */
export function normalizedKey(text: string): string {
  return normalize(text.length > MAX_TEXT ? text.slice(0, MAX_TEXT) : text);
}

/**
 * Groups messages so near-duplicates appear once: the same normalised text, the same words in
 * another order, or word sets (compared by stem) at least `SIMILARITY` alike. Greedy, most
 * frequent wording first, each compared only with groups sharing one of its words (capped), so the
 * cost stays near linear in the number of messages; no regular expression sees the text beyond
 * `normalize`'s linear ones. Groups come most frequent first, then most recent.
 */
export function groupMessages(items: readonly UnrecognizedItem[], keep: Keep = () => true): MessageGroup[] {
  const wordings = wordingsOf(items, keep).sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1));
  const clusters: Cluster[] = [];
  const bySet = new Map<string, Cluster>();
  const byStem = new Map<string, Cluster[]>();
  for (const w of wordings) {
    const setKey = wordSetKey(w.key);
    const stems = stemsOf(w.key);
    let home = bySet.get(setKey) ?? nearest(stems, byStem);
    if (!home) {
      home = { wordings: [], stems, count: 0 };
      clusters.push(home);
      for (const s of stems) {
        const list = byStem.get(s);
        if (list) list.push(home);
        else byStem.set(s, [home]);
      }
    }
    bySet.set(setKey, home);
    home.wordings.push(w);
    home.count += w.count;
  }
  return clusters.map(toGroup).sort((a, b) => b.count - a.count || b.lastSeen - a.lastSeen);
}

function nearest(stems: Set<string>, byStem: Map<string, Cluster[]>): Cluster | undefined {
  // The rarest words narrow the candidates best; common ones ("jak", "the") would list every group.
  const lists = [...stems].map((s) => byStem.get(s) ?? []).filter((l) => l.length > 0);
  lists.sort((a, b) => a.length - b.length);
  const seen = new Set<Cluster>();
  let best: Cluster | undefined;
  let bestScore = 0;
  outer: for (const list of lists) {
    for (const c of list) {
      if (seen.has(c)) continue;
      seen.add(c);
      const score = jaccard(stems, c.stems);
      if (score >= SIMILARITY && score > bestScore) [best, bestScore] = [c, score];
      if (seen.size >= MAX_CANDIDATES) break outer;
    }
  }
  return best;
}

function toGroup(c: Cluster): MessageGroup {
  const items = c.wordings.flatMap((w) => w.items);
  const nodes = new Map<string | null, { count: number; best: Map<string, number> }>();
  const reasons = new Set<string>();
  const versions = new Set<number>();
  let firstSeen = Infinity;
  let lastSeen = -Infinity;
  for (const item of items) {
    let n = nodes.get(item.nodeId);
    if (!n) nodes.set(item.nodeId, (n = { count: 0, best: new Map() }));
    n.count++;
    if (item.best !== null) n.best.set(item.best, (n.best.get(item.best) ?? 0) + 1);
    reasons.add(item.reason);
    versions.add(item.version);
    firstSeen = Math.min(firstSeen, item.at);
    lastSeen = Math.max(lastSeen, item.at);
  }
  const typed = new Map<string, Typed>();
  for (const w of c.wordings) {
    for (const [text, t] of w.texts) {
      const seen = typed.get(text);
      typed.set(text, seen ? { count: seen.count + t.count, first: Math.min(seen.first, t.first) } : t);
    }
  }
  // Equally frequent forms: the one written first leads, so a group's wording stays put as messages come.
  const examples = [...typed].sort((a, b) => b[1].count - a[1].count || a[1].first - b[1].first).map(([text]) => text);
  return {
    keys: c.wordings.map((w) => w.key),
    text: examples[0]!,
    count: c.count,
    examples: examples.slice(0, MAX_EXAMPLES),
    firstSeen,
    lastSeen,
    nodes: [...nodes]
      .map(([nodeId, n]) => ({ nodeId, count: n.count, best: n.best.size > 0 ? mostFrequent(n.best) : null }))
      .sort((a, b) => b.count - a.count),
    reasons: [...reasons].sort(),
    versions: [...versions].sort((a, b) => a - b),
  };
}
