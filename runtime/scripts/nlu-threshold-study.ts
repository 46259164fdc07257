/**
 * `npx tsx runtime/scripts/nlu-threshold-study.ts collect OUT_DIR [NAME_PREFIX]`, then
 * `npx tsx runtime/scripts/nlu-threshold-study.ts sweep OUT_DIR`
 *
 * Collects, for the threshold rule's tuning, what calibration sees and what the flow then meets,
 * on splits carved out of the training files only (never CLINC150 `val`): per scenario the
 * calibration samples (held-out in-scope phrases, phrases of hidden intents, held-out "none"
 * phrases) and the final model's confidence on each held-out test message. One JSON file per
 * scenario, so rules can be swept over stored confidences without training again: `sweep` prints,
 * per kind of scenario (averaged over its seeds), the threshold and the held-out in-scope accuracy
 * and out-of-scope recall for each allowed loss of right answers (`MAX_CORRECT_LOSS`) and each
 * exponent of the floor's fall with the number of intents (`thresholdFloor`, 0.25).
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { calibrationSamples, MAX_CORRECT_LOSS } from '../src/nlu/calibrate';
import { OOS_INTENT, parseJsonl, toTrainInput, type LabelledText } from '../src/nlu/dataset';
import { FLOW_MODEL_SEED } from '../src/nlu/flowModels';
import { genericNonePhrases } from '../src/nlu/genericNone';
import { predict } from '../src/nlu/predict';
import { seededRandom, shuffleInPlace } from '../src/nlu/random';
import { flowShapeSplit, stratifiedSplit, type Split } from '../src/nlu/split';
import { chooseThreshold } from '../src/nlu/threshold';
import { FULL_FLOOR_UP_TO, NODE_MIN_THRESHOLD } from '../src/nlu/thresholdFloor';
import { prepareTraining, trainClassifier } from '../src/nlu/train';

const [command, out, only] = process.argv.slice(2);
if ((command !== 'collect' && command !== 'sweep') || out === undefined) {
  console.error('usage: nlu-threshold-study.ts (collect OUT_DIR [NAME_PREFIX] | sweep OUT_DIR)');
  process.exit(2);
}

/** 80% of each intent for training; the "oos" lines split half and half, so the test side has some. */
function carve(items: LabelledText[], seed: number): Split {
  const inScope = stratifiedSplit(items.filter((i) => i.intent !== OOS_INTENT), 0.8, seed);
  const oos = shuffleInPlace(items.filter((i) => i.intent === OOS_INTENT), seededRandom(seed + 100));
  const half = Math.floor(oos.length / 2);
  return { train: [...inScope.train, ...oos.slice(0, half)], test: [...inScope.test, ...oos.slice(half)] };
}

function run(dir: string, name: string, split: Split, locale: string): void {
  const input = { ...toTrainInput(split.train, locale), seed: FLOW_MODEL_SEED, genericNone: genericNonePhrases(locale) };
  const t0 = performance.now();
  const prepared = prepareTraining(input);
  const calibration = calibrationSamples(prepared, prepared.hyper, prepared.seed);
  const model = trainClassifier({ ...input, threshold: 0.5 });
  // Per test message: confidence (-1 where "none" won, so it falls back at any threshold) and kind:
  // 0 in-scope with the right top intent, 1 in-scope with a wrong one, 2 out of scope.
  const test = split.test.map((item) => {
    const p = predict(model, item.text, { threshold: 0 });
    const kind = item.intent === OOS_INTENT ? 2 : p.ranking[0]?.intent === item.intent ? 0 : 1;
    return [p.intent === null ? -1 : p.confidence, kind];
  });
  const finite = (xs: number[]) => xs.map((x) => (Number.isFinite(x) ? x : -1));
  writeFileSync(
    join(dir, `${name}.json`),
    JSON.stringify({
      name,
      intents: prepared.intents,
      phrases: prepared.labels.filter((l) => l < prepared.intents).length,
      none: prepared.labels.length - prepared.labels.filter((l) => l < prepared.intents).length,
      calibration: {
        inScope: calibration.inScope.map((s) => [s.confidence, s.correct ? 1 : 0]),
        heldOutIntents: finite(calibration.heldOutIntents),
        none: finite(calibration.none),
      },
      test,
    }),
  );
  console.log(`${name}: ${prepared.intents} intents, ${split.test.length} test, ${Math.round(performance.now() - t0)} ms`);
}

function collect(dir: string): void {
  mkdirSync(dir, { recursive: true });
  const D = process.env.SWITCHBOARD_DATASETS ?? '../shared/datasets';
  const clinc = parseJsonl(readFileSync(join(D, 'clinc150/train.jsonl'), 'utf8'));
  const banking = parseJsonl(readFileSync(join(D, 'banking77/train.jsonl'), 'utf8'));
  const polish = parseJsonl(readFileSync('tests/unit/nlu/polish/train.jsonl', 'utf8'));
  const want = (name: string) => only === undefined || name.startsWith(only);
  for (const seed of [1, 2]) {
    if (want(`clinc-full-${seed}`)) run(dir, `clinc-full-${seed}`, carve(clinc, seed), 'en');
  }
  if (want('banking-full-1')) run(dir, 'banking-full-1', carve(banking, 1), 'en');
  const shapes: [number, number][] = [
    [8, 10],
    [4, 5],
    [15, 20],
    [30, 30],
    [60, 50],
  ];
  for (const [k, p] of shapes) {
    for (const seed of [1, 2, 3, 4]) {
      if (k >= 30 && seed > 2) continue;
      for (const [set, items] of [
        ['clinc', clinc],
        ['banking', banking],
      ] as const) {
        const name = `${set}-k${k}p${p}-${seed}`;
        if (!want(name)) continue;
        const base = carve(items, seed);
        const s = flowShapeSplit(base.train, base.test, k, p, seed);
        run(dir, name, s, 'en');
      }
    }
  }
  // The Polish set's own training file, carved: its test file stays for the final figures.
  for (const seed of [1, 2, 3]) {
    const name = `polish-k8p10-${seed}`;
    if (!want(name)) continue;
    const base = carve(polish, seed);
    run(dir, name, flowShapeSplit(base.train, base.test, 8, 10, seed), 'pl');
  }
}

interface Stored {
  name: string;
  intents: number;
  calibration: { inScope: [number, number][]; heldOutIntents: number[]; none: number[] };
  test: [number, number][];
}

function figuresAt(s: Stored, threshold: number): { inScope: number; oosRecall: number | null } {
  let inScope = 0;
  let right = 0;
  let oos = 0;
  let rejected = 0;
  for (const [confidence, kind] of s.test) {
    const accepted = confidence > 0 && confidence >= threshold;
    if (kind === 2) {
      oos++;
      if (!accepted) rejected++;
    } else {
      inScope++;
      if (accepted && kind === 0) right++;
    }
  }
  return { inScope: right / Math.max(1, inScope), oosRecall: oos === 0 ? null : rejected / oos };
}

function sweep(dir: string): void {
  const stored = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Stored);
  const kinds = new Map<string, Stored[]>();
  for (const s of stored) {
    const kind = s.name.replace(/-\d+$/, '');
    kinds.set(kind, [...(kinds.get(kind) ?? []), s]);
  }
  const losses = [0.003, MAX_CORRECT_LOSS, 0.0075, 0.01, 1];
  const exponents = [0, 0.25, 0.5];
  const pct = (v: number) => (v * 100).toFixed(1).padStart(5);
  console.log('per scenario (mean over its seeds) and allowed loss of right answers, for floor exponents ' + exponents.join(' | '));
  console.log('cells: threshold in-scope accuracy / out-of-scope recall, on the held-out messages');
  for (const [kind, runs] of kinds) {
    for (const loss of losses) {
      const cells = exponents.map((exponent) => {
        let t = 0;
        let a = 0;
        let r = 0;
        let hasOos = true;
        for (const s of runs) {
          const c = s.calibration;
          const inScope = c.inScope.map(([confidence, correct]) => ({ confidence, correct: correct === 1 }));
          const oos = [...c.heldOutIntents, ...c.none].map((x) => (x < 0 ? -Infinity : x));
          const floor = NODE_MIN_THRESHOLD * Math.min(1, Math.pow(FULL_FLOOR_UP_TO / s.intents, exponent));
          const threshold = Math.max(chooseThreshold(inScope, oos, 0, 0.5, loss), floor);
          const f = figuresAt(s, threshold);
          t += threshold;
          a += f.inScope;
          if (f.oosRecall === null) hasOos = false;
          else r += f.oosRecall;
        }
        const n = runs.length;
        return `${(t / n).toFixed(2)} ${pct(a / n)}/${hasOos ? pct(r / n) : '  -  '}`;
      });
      console.log(`${kind.padEnd(16)} ${String(runs.length)} seeds  loss ${String(loss).padEnd(6)}  ${cells.join('  |  ')}`);
    }
  }
}

if (command === 'collect') collect(out);
else sweep(out);
