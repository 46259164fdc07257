/**
 * Intent classifier speed and size, against the issue's targets: training 15,000 phrases
 * (CLINC150's training file) under 10 s, one prediction under 1 ms, and the model of a typical
 * flow (10 intents x 20 phrases) under 1 MB of JSON. Each time is shown in wall and CPU time
 * beside a baseline measured in the same run (JSON round-trip of the training phrases), because
 * this machine is shared: CPU time is the figure to hold against the target. The data sets live
 * outside the repo (see support/datasets.ts); without them the benchmark says so and skips.
 */
import { readFileSync } from 'node:fs';
import { parseJsonl, toTrainInput, type LabelledText } from '../../runtime/src/nlu/dataset';
import { FLOW_MODEL_SEED, trainForFlow } from '../../runtime/src/nlu/flowModels';
import { NODE_MIN_THRESHOLD } from '../../runtime/src/nlu/thresholdFloor';
import { predict } from '../../runtime/src/nlu/predict';
import { flowShapeSplit } from '../../runtime/src/nlu/split';
import { datasetFile } from './support/datasets';

function measure<T>(fn: () => T): { value: T; wallMs: number; cpuMs: number } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = fn();
  const wallMs = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { value, wallMs, cpuMs: (c.user + c.system) / 1000 };
}

function baselineMs(lines: LabelledText[]): number {
  return measure(() => {
    for (let i = 0; i < 20; i++) JSON.parse(JSON.stringify(lines));
  }).cpuMs / 20;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)] as number;
const verdict = (ms: number, target: number) => (ms < target ? 'MET' : 'MISSED');
const flowTrain = (lines: LabelledText[]) => trainForFlow({ ...toTrainInput(lines, 'en'), seed: FLOW_MODEL_SEED }, NODE_MIN_THRESHOLD);

const clincTrain = datasetFile('clinc150/train.jsonl');
const clincVal = datasetFile('clinc150/val.jsonl');
if (clincTrain && clincVal) {
  const train = parseJsonl(readFileSync(clincTrain, 'utf8'), 'clinc150 train');
  const val = parseJsonl(readFileSync(clincVal, 'utf8'), 'clinc150 val');
  const base = baselineMs(train);
  console.log(`baseline JSON round-trip of ${train.length} phrases: ${base.toFixed(2)} CPU-ms`);

  flowTrain(train.slice(0, 300));
  const big = measure(() => flowTrain(train));
  console.log(
    `train ${train.length} phrases (150 intents + oos): ${big.wallMs.toFixed(0)} ms wall, ${big.cpuMs.toFixed(0)} CPU-ms (ratio ${(big.cpuMs / base).toFixed(0)}x baseline)  target < 10000 ms ${verdict(big.cpuMs, 10_000)}`,
  );

  const texts = val.map((l) => l.text);
  for (const t of texts.slice(0, 200)) predict(big.value, t);
  const perCall = texts.map((t) => measure(() => predict(big.value, t)).wallMs);
  const p50 = median(perCall);
  const p99 = [...perCall].sort((a, b) => a - b)[Math.floor(perCall.length * 0.99)] as number;
  console.log(`predict (150 intents): median ${(p50 * 1000).toFixed(0)} µs, p99 ${(p99 * 1000).toFixed(0)} µs (median ratio ${(p50 / base).toFixed(3)}x baseline)  target < 1 ms ${verdict(p50, 1)}`);

  const shape = flowShapeSplit(train, val, 10, 20, 1);
  const small = measure(() => flowTrain(shape.train));
  const bytes = Buffer.byteLength(JSON.stringify(small.value));
  console.log(
    `typical flow (10 intents x 20 phrases): trained in ${small.cpuMs.toFixed(0)} CPU-ms (ratio ${(small.cpuMs / base).toFixed(1)}x baseline), model ${(bytes / 1024).toFixed(0)} KB of JSON  target < 1024 KB ${verdict(bytes, 1024 * 1024)}`,
  );
}
