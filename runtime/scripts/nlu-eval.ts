/**
 * `npm run nlu:eval -- --train FILE --test FILE [--locale en] [--seed N] [--hyper JSON]`
 *
 * Trains the intent classifier on one JSONL file of {"text","intent"} lines and evaluates it on
 * another. Intent "oos" is out of scope: none examples in training, an expected fallback in
 * testing. The threshold comes from calibration on the training file only. The last line printed
 * is one JSON object with the headline figures; ratios are null when their denominator is 0
 * (e.g. oosPrecision when nothing fell back).
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parseJsonl, toTrainInput } from '../src/nlu/dataset';
import { evaluatePredictions } from '../src/nlu/evaluate';
import type { Hyper } from '../src/nlu/fit';
import { predict, type Prediction } from '../src/nlu/predict';
import { trainClassifier } from '../src/nlu/train';

const { values } = parseArgs({
  options: {
    train: { type: 'string' },
    test: { type: 'string' },
    locale: { type: 'string', default: 'en' },
    seed: { type: 'string' },
    hyper: { type: 'string' },
    top: { type: 'string', default: '10' },
    // Prints accuracy/recall at other thresholds: to study the trade-off, not to pick a threshold from test data.
    curve: { type: 'boolean', default: false },
  },
});
if (!values.train || !values.test) {
  console.error('usage: npm run nlu:eval -- --train FILE --test FILE [--locale en] [--seed N] [--hyper JSON]');
  process.exit(2);
}

const train = parseJsonl(readFileSync(values.train, 'utf8'), values.train);
const test = parseJsonl(readFileSync(values.test, 'utf8'), values.test);
const input = toTrainInput(train, values.locale);
if (values.seed !== undefined) input.seed = Number(values.seed);
if (values.hyper !== undefined) input.hyper = JSON.parse(values.hyper) as Partial<Hyper>;

const t0 = performance.now();
const model = trainClassifier(input);
const trainMs = performance.now() - t0;

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
console.log(`train: ${train.length} lines, ${model.intents.length} intents, ${input.noneExamples?.length ?? 0} oos; test: ${test.length} lines`);
console.log(`threshold ${model.threshold.toFixed(4)} (${model.thresholdSource}), ${model.features.length} features, trained in ${trainMs.toFixed(0)} ms`);
console.log(`in-scope accuracy ${pct(f.inScopeAccuracy)} over ${f.inScopeCount}; fallbacks ${f.fallbackCount}`);
console.log(`in-scope accuracy without fallback (top-1) ${pct(topOne.inScopeAccuracy)}`);
console.log(`oos recall ${pct(f.oosRecall)} over ${f.oosCount}; oos precision ${pct(f.oosPrecision)}`);
console.log(`\nworst intents:`);
for (const i of f.perIntent.slice(0, top)) console.log(`  ${pct(i.accuracy).padStart(8)}  ${i.correct}/${i.total}  ${i.intent}`);
console.log(`\ntop confusions (expected -> predicted):`);
for (const c of f.confusions.slice(0, top)) console.log(`  ${String(c.count).padStart(4)}  ${c.expected} -> ${c.predicted ?? '(fallback)'}`);
if (values.curve) {
  console.log('\nthreshold  inScopeAccuracy  oosRecall  (study only)');
  for (const t of [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]) {
    const g = evaluatePredictions(test, predictions.map((p) => ({ ...p, intent: p.confidence >= t ? p.intent ?? p.ranking[0]?.intent ?? null : null })));
    console.log(`  ${t.toFixed(2)}      ${pct(g.inScopeAccuracy).padStart(7)}       ${pct(g.oosRecall).padStart(7)}`);
  }
}
console.log(
  JSON.stringify({
    inScopeAccuracy: f.inScopeAccuracy,
    oosRecall: f.oosRecall,
    oosPrecision: f.oosPrecision,
    trainMs: Math.round(trainMs),
    predictMsMedian,
  }),
);
