import { OOS_INTENT, type LabelledText } from './dataset';
import { seededRandom, shuffleInPlace } from './random';

export interface Split {
  train: LabelledText[];
  test: LabelledText[];
}

function byIntent(items: LabelledText[]): Map<string, LabelledText[]> {
  const groups = new Map<string, LabelledText[]>();
  for (const item of items) {
    const list = groups.get(item.intent) ?? [];
    list.push(item);
    groups.set(item.intent, list);
  }
  return groups;
}

/** `perIntent` random items of each intent for training, the rest for testing. */
export function fewShotSplit(items: LabelledText[], perIntent: number, seed: number): Split {
  return splitEach(items, seed, (n) => Math.min(n, perIntent));
}

/** `trainFraction` of each intent for training (stratified), the rest for testing. */
export function stratifiedSplit(items: LabelledText[], trainFraction: number, seed: number): Split {
  return splitEach(items, seed, (n) => Math.round(n * trainFraction));
}

function splitEach(items: LabelledText[], seed: number, trainCount: (n: number) => number): Split {
  const random = seededRandom(seed);
  const split: Split = { train: [], test: [] };
  for (const group of byIntent(items).values()) {
    shuffleInPlace(group, random);
    const n = trainCount(group.length);
    split.train.push(...group.slice(0, n));
    split.test.push(...group.slice(n));
  }
  return split;
}

/**
 * Simulates out-of-scope traffic: `count` intents (seeded choice) vanish from training, and
 * their test items are relabelled `oos`, which the classifier should turn into fallbacks.
 */
export function holdOutIntents(split: Split, count: number, seed: number): Split & { heldOut: string[] } {
  const intents = [...byIntent(split.train).keys()].filter((i) => i !== OOS_INTENT).sort();
  const heldOut = shuffleInPlace(intents, seededRandom(seed ^ 0x9e3779b9)).slice(0, count);
  const held = new Set(heldOut);
  return {
    heldOut: heldOut.sort(),
    train: split.train.filter((i) => !held.has(i.intent)),
    test: split.test.map((i) => (held.has(i.intent) ? { text: i.text, intent: OOS_INTENT } : i)),
  };
}

/**
 * The shape of a real flow carved out of a benchmark: `intents` intents (seeded choice among the
 * training file's, "oos" excluded) with `phrases` training phrases each. Out-of-scope lines of the
 * training file are left out, since a flow has only what staff write. In the test file every
 * message of an intent not chosen becomes "oos": the flow has never heard of it and should fall back.
 */
export function flowShapeSplit(train: LabelledText[], test: LabelledText[], intents: number, phrases: number, seed: number): Split & { chosen: string[] } {
  const random = seededRandom(seed);
  const groups = byIntent(train.filter((i) => i.intent !== OOS_INTENT));
  const names = shuffleInPlace([...groups.keys()].sort(), random).slice(0, intents);
  const chosen = new Set(names);
  const trainOut: LabelledText[] = [];
  for (const name of names) trainOut.push(...shuffleInPlace([...(groups.get(name) ?? [])], random).slice(0, phrases));
  return {
    chosen: names,
    train: trainOut,
    test: test.map((i) => (chosen.has(i.intent) ? i : { text: i.text, intent: OOS_INTENT })),
  };
}
