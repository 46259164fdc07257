/**
 * `npm run nlu:eval -- --train FILE --test FILE [options]`
 *
 * Trains the intent classifier on one JSONL file of {"text","intent"} lines (the format of the
 * data sets under ../shared/datasets) and evaluates it on another. Intent "oos" is out of scope:
 * none examples in training, an expected fallback in testing.
 *
 * By default it scores exactly what a published intent step does: the flow's training path
 * (`trainForFlow`, the flow seed) and its threshold rule, the calibrated threshold raised to the
 * node floor (0.35 up to 8 intents, lower for more; see thresholdFloor.ts). Options for study:
 *   --global          the global-intent floor (0.5 up to 8 intents) instead of the node floor
 *   --threshold T     a fixed threshold, as when staff set one on the node
 *   --curve           in-scope accuracy and out-of-scope recall over a range of thresholds
 *   --intents K --phrases P [--seed S]
 *                     the shape of a real flow: K intents sampled with seed S, P phrases each;
 *                     every test message of another intent counts as out of scope, and the
 *                     training file's "oos" lines are left out (a flow has only what staff write)
 *   --holdout F       no --test file: hold out share F of each intent of --train (seeded) for testing
 *   --shots P         no --test file: train on P phrases of each intent of --train (seeded), test on the rest
 *   --no-generic      without the built-in out-of-scope phrases (genericNone.ts) that flows train with
 *   --locale L        stemming language (default en)
 *   --hyper JSON      overrides of the training defaults (experiments only)
 * The last line printed is one JSON object with the headline figures; ratios are null when
 * their denominator is 0 (e.g. oosPrecision when nothing fell back).
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parseJsonl, toTrainInput, type LabelledText } from '../src/nlu/dataset';
import { evaluatePredictions } from '../src/nlu/evaluate';
import type { Hyper } from '../src/nlu/fit';
import { FLOW_MODEL_SEED, trainForFlow } from '../src/nlu/flowModels';
import { GLOBAL_MIN_THRESHOLD, NODE_MIN_THRESHOLD, thresholdFloor } from '../src/nlu/thresholdFloor';
import { predict, type Prediction } from '../src/nlu/predict';
import { fewShotSplit, flowShapeSplit, stratifiedSplit } from '../src/nlu/split';

const USAGE =
  'usage: npm run nlu:eval -- --train FILE (--test FILE | --holdout F | --shots P) [--global | --threshold T] [--curve] [--intents K --phrases P] [--seed S] [--locale en] [--hyper JSON]';

const { values } = parseArgs({
  options: {
    train: { type: 'string' },
    test: { type: 'string' },
    locale: { type: 'string', default: 'en' },
    seed: { type: 'string', default: '1' },
    hyper: { type: 'string' },
    top: { type: 'string', default: '10' },
    global: { type: 'boolean', default: false },
    threshold: { type: 'string' },
    curve: { type: 'boolean', default: false },
    intents: { type: 'string' },
    phrases: { type: 'string' },
    'no-generic': { type: 'boolean', default: false },
    holdout: { type: 'string' },
    shots: { type: 'string' },
  },
});

function fail(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

function positiveInt(name: string, raw: string): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) fail(`--${name} must be a whole number of at least 1, got "${raw}"`);
  return n;
}

const carve = [values.holdout, values.shots].filter((v) => v !== undefined).length;
if (!values.train) fail('--train is required');
if (carve > 1) fail('--holdout and --shots exclude each other');
if ((carve === 0) === (values.test === undefined)) fail('give either --test FILE or one of --holdout / --shots');
if (values.global && values.threshold !== undefined) fail('--global and --threshold exclude each other');
if ((values.intents === undefined) !== (values.phrases === undefined)) fail('--intents and --phrases go together');
const fixedThreshold = values.threshold === undefined ? undefined : Number(values.threshold);
if (fixedThreshold !== undefined && !(fixedThreshold >= 0 && fixedThreshold <= 1)) fail('--threshold must be between 0 and 1');
const seed = positiveInt('seed', values.seed);

let train = parseJsonl(readFileSync(values.train, 'utf8'), values.train);
let test: LabelledText[];
let shape = 'full training file';
if (values.test !== undefined) test = parseJsonl(readFileSync(values.test, 'utf8'), values.test);
else if (values.holdout !== undefined) {
  const share = Number(values.holdout);
  if (!(share > 0 && share < 1)) fail('--holdout must be between 0 and 1');
  ({ train, test } = stratifiedSplit(train, 1 - share, seed));
  shape = `${values.train} with ${share} of each intent held out (seed ${seed})`;
} else {
  const p = positiveInt('shots', values.shots!);
  ({ train, test } = fewShotSplit(train, p, seed));
  shape = `${values.train}: ${p} phrases per intent, the rest held out (seed ${seed})`;
}
if (values.intents !== undefined && values.phrases !== undefined) {
  const k = positiveInt('intents', values.intents);
  const p = positiveInt('phrases', values.phrases);
  const split = flowShapeSplit(train, test, k, p, seed);
  train = split.train;
  test = split.test;
  shape = `flow shape: ${split.chosen.length} intents x ${p} phrases (seed ${seed}), from ${shape}`;
}

const input = toTrainInput(train, values.locale);
input.seed = FLOW_MODEL_SEED;
if (fixedThreshold !== undefined) input.threshold = fixedThreshold;
if (values['no-generic']) input.genericNone = [];
if (values.hyper !== undefined) input.hyper = JSON.parse(values.hyper) as Partial<Hyper>;
const baseFloor = values.global ? GLOBAL_MIN_THRESHOLD : NODE_MIN_THRESHOLD;

const t0 = performance.now();
const model = trainForFlow(input, baseFloor);
const trainMs = performance.now() - t0;
const floor = thresholdFloor(baseFloor, model.intents.length).toFixed(3);
const setting =
  fixedThreshold !== undefined
    ? `fixed threshold ${fixedThreshold}`
    : `${values.global ? 'global intents' : 'intent step'} (calibrated, floor ${floor} for ${model.intents.length} intents)`;

const times: number[] = [];
const predictions: Prediction[] = test.map((item) => {
  const s = performance.now();
  const p = predict(model, item.text);
  times.push(performance.now() - s);
  return p;
});
times.sort((a, b) => a - b);
const predictMsMedian = times.length === 0 ? null : (times[Math.floor((times.length - 1) / 2)] as number);

const f = evaluatePredictions(test, predictions);
// The same predictions with the threshold at 0: how much accuracy the fallback costs.
const topOne = evaluatePredictions(
  test,
  predictions.map((p) => ({ ...p, intent: p.ranking[0]?.intent ?? null })),
);
const pct = (v: number | null) => (v === null ? 'n/a' : `${(v * 100).toFixed(2)}%`);
const top = Number(values.top);
console.log(`${shape}; setting: ${setting}`);
console.log(`train: ${train.length} lines, ${model.intents.length} intents, ${input.noneExamples?.length ?? 0} oos; test: ${test.length} lines`);
console.log(`threshold ${model.threshold.toFixed(4)} (${model.thresholdSource}), ${model.features.length} features, trained in ${trainMs.toFixed(0)} ms`);
console.log(`in-scope accuracy ${pct(f.inScopeAccuracy)} over ${f.inScopeCount}; fallbacks ${f.fallbackCount}`);
console.log(`in-scope accuracy without fallback (top-1) ${pct(topOne.inScopeAccuracy)}`);
console.log(`oos recall ${pct(f.oosRecall)} over ${f.oosCount}; oos precision ${pct(f.oosPrecision)}`);
if (top > 0) {
  console.log(`\nworst intents:`);
  for (const i of f.perIntent.slice(0, top)) console.log(`  ${pct(i.accuracy).padStart(8)}  ${i.correct}/${i.total}  ${i.intent}`);
  console.log(`\ntop confusions (expected -> predicted):`);
  for (const c of f.confusions.slice(0, top)) console.log(`  ${String(c.count).padStart(4)}  ${c.expected} -> ${c.predicted ?? '(fallback)'}`);
}
if (values.curve) {
  // To study the trade-off, not to pick a threshold from test data.
  console.log('\nthreshold  inScopeAccuracy  oosRecall  oosPrecision  (study only)');
  for (let t = 0; t <= 0.9 + 1e-9; t += 0.05) {
    const g = evaluatePredictions(test, test.map((item) => predict(model, item.text, { threshold: t })));
    console.log(`  ${t.toFixed(2)}      ${pct(g.inScopeAccuracy).padStart(7)}       ${pct(g.oosRecall).padStart(7)}     ${pct(g.oosPrecision).padStart(7)}`);
  }
}
console.log(
  JSON.stringify({
    setting: fixedThreshold !== undefined ? 'fixed' : values.global ? 'global' : 'node',
    threshold: model.threshold,
    inScopeAccuracy: f.inScopeAccuracy,
    oosRecall: f.oosRecall,
    oosPrecision: f.oosPrecision,
    trainMs: Math.round(trainMs),
    predictMsMedian,
  }),
);
