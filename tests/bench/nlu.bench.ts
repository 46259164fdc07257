/**
 * Intent classifier speed: training on 1,000 phrases (target < 1 s), on ~8,000 (Banking77 80%,
 * target ~10 s), and one prediction (target < 1 ms). Each figure is shown in wall and CPU time
 * beside a baseline measured in the same run (JSON round-trip of the training phrases), because
 * this machine is shared: CPU time is the figure to hold against the target.
 */
import { readFileSync } from 'node:fs';
import { parseJsonl, toTrainInput, type LabelledText } from '../../runtime/src/nlu/dataset';
import { predict } from '../../runtime/src/nlu/predict';
import { fewShotSplit, stratifiedSplit } from '../../runtime/src/nlu/split';
import { trainClassifier } from '../../runtime/src/nlu/train';

const DATA = new URL('../../../shared/datasets/banking77/train.jsonl', import.meta.url);
const items = parseJsonl(readFileSync(DATA, 'utf8'), 'banking77');

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

// 13 phrases of each of the 77 intents: 1,001 phrases, the size the target names.
const small = fewShotSplit(items, 13, 1).train;
const large = stratifiedSplit(items, 0.8, 1);

const base = baselineMs(small);
console.log(`baseline JSON round-trip of ${small.length} phrases: ${base.toFixed(2)} CPU-ms`);

const warm = trainClassifier({ ...toTrainInput(small.slice(0, 200), 'en') });
void warm;
const t1 = measure(() => trainClassifier(toTrainInput(small, 'en')));
console.log(
  `train ${small.length} phrases: ${t1.wallMs.toFixed(0)} ms wall, ${t1.cpuMs.toFixed(0)} CPU-ms (ratio ${(t1.cpuMs / base).toFixed(0)}x baseline)  target < 1000 ms ${verdict(t1.cpuMs, 1000)}`,
);

const texts = large.test.map((l) => l.text);
for (const t of texts.slice(0, 200)) predict(t1.value, t);
const perCall = texts.map((t) => measure(() => predict(t1.value, t)).wallMs);
const p50 = median(perCall);
const p99 = [...perCall].sort((a, b) => a - b)[Math.floor(perCall.length * 0.99)] as number;
console.log(`predict (77 intents): median ${(p50 * 1000).toFixed(0)} µs, p99 ${(p99 * 1000).toFixed(0)} µs (median ratio ${(p50 / base).toFixed(2)}x baseline)  target < 1 ms ${verdict(p50, 1)}`);

const t2 = measure(() => trainClassifier(toTrainInput(large.train, 'en')));
console.log(
  `train ${large.train.length} phrases: ${t2.wallMs.toFixed(0)} ms wall, ${t2.cpuMs.toFixed(0)} CPU-ms (ratio ${(t2.cpuMs / base).toFixed(0)}x baseline)  target ~10000 ms ${verdict(t2.cpuMs, 10_000)}`,
);
