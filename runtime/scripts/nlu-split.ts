/**
 * `npx tsx runtime/scripts/nlu-split.ts --input FILE [--out DIR] [--seed N] [--shots 10] [--train-fraction 0.8] [--oos-intents 10]`
 *
 * Carves validation splits out of a labelled JSONL file (e.g. Banking77's training file) into a
 * temporary directory — never into the repository:
 *   fewshot.train/test   `shots` per intent for training, the rest for testing
 *   full.train/test      stratified `train-fraction` / rest
 *   *-oos.train/test     the same with `oos-intents` intents removed from training and their
 *                        test lines relabelled "oos", to measure fallback on unseen topics
 * Prints the directory.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parseJsonl, type LabelledText } from '../src/nlu/dataset';
import { fewShotSplit, holdOutIntents, stratifiedSplit, type Split } from '../src/nlu/split';

const { values } = parseArgs({
  options: {
    input: { type: 'string' },
    out: { type: 'string' },
    seed: { type: 'string', default: '1' },
    shots: { type: 'string', default: '10' },
    'train-fraction': { type: 'string', default: '0.8' },
    'oos-intents': { type: 'string', default: '10' },
  },
});
if (!values.input) {
  console.error('usage: tsx runtime/scripts/nlu-split.ts --input FILE [--out DIR] [--seed N]');
  process.exit(2);
}
const items = parseJsonl(readFileSync(values.input, 'utf8'), values.input);
const seed = Number(values.seed);
const out = values.out ?? mkdtempSync(path.join(tmpdir(), 'nlu-splits-'));
mkdirSync(out, { recursive: true });

const write = (name: string, lines: LabelledText[]) =>
  writeFileSync(path.join(out, `${name}.jsonl`), lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
const emit = (name: string, split: Split) => {
  write(`${name}.train`, split.train);
  write(`${name}.test`, split.test);
};

const fewshot = fewShotSplit(items, Number(values.shots), seed);
const full = stratifiedSplit(items, Number(values['train-fraction']), seed);
const oosCount = Number(values['oos-intents']);
emit('fewshot', fewshot);
emit('full', full);
const fewOos = holdOutIntents(fewshot, oosCount, seed);
const fullOos = holdOutIntents(full, oosCount, seed);
emit('fewshot-oos', fewOos);
emit('full-oos', fullOos);
console.error(`held out as out-of-scope: ${fullOos.heldOut.join(', ')}`);
console.log(out);
