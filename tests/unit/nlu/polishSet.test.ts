/**
 * The Polish shop/bank/hotel set (tests/unit/nlu/polish, written for this project, not
 * translated): 150 training phrases over 10 intents, 340 separate test messages typed plainly,
 * without diacritics, inflected and with typos, plus out-of-scope chatter. Scored at the flow
 * setting (trainForFlow, node floor). Floors sit a few points under the figures measured when
 * they were set (README lists those), so a change that makes understanding worse fails here.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseJsonl, toTrainInput, type LabelledText } from '../../../runtime/src/nlu/dataset';
import { evaluatePredictions } from '../../../runtime/src/nlu/evaluate';
import { FLOW_MODEL_SEED, trainForFlow } from '../../../runtime/src/nlu/flowModels';
import { NODE_MIN_THRESHOLD } from '../../../runtime/src/nlu/thresholdFloor';
import { predict } from '../../../runtime/src/nlu/predict';
import { flowShapeSplit } from '../../../runtime/src/nlu/split';

const dir = new URL('./polish/', import.meta.url);
const train = parseJsonl(readFileSync(new URL('train.jsonl', dir), 'utf8'), 'train.jsonl');
const testRaw = readFileSync(new URL('test.jsonl', dir), 'utf8');
const test = parseJsonl(testRaw, 'test.jsonl');
const kinds = testRaw
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => (JSON.parse(l) as { kind: string }).kind);

// Measured with the version 3 model (README, "Understanding free text"): in-scope 89.6%, OOS
// recall 93.3%; plain 90.0%, no diacritics 95.7%, inflected 85.7%, typos 86.7%; 8x10 shape 84.4% / 94.0%.
const FLOORS = {
  inScope: 0.86,
  oosRecall: 0.9,
  byKind: { plain: 0.87, ascii: 0.9, inflect: 0.8, typo: 0.83 },
  smallFlow: { inScope: 0.81, oosRecall: 0.9 },
};

const flowModel = (lines: LabelledText[]) => trainForFlow({ ...toTrainInput(lines, 'pl'), seed: FLOW_MODEL_SEED }, NODE_MIN_THRESHOLD);

describe('Polish set at the flow setting', () => {
  const model = flowModel(train);
  const predictions = test.map((l) => predict(model, l.text));
  const figures = evaluatePredictions(test, predictions);

  it('keeps its training phrases apart from its test messages', () => {
    const seen = new Set(train.map((l) => l.text.toLowerCase()));
    expect(test.filter((l) => seen.has(l.text.toLowerCase()))).toEqual([]);
    expect(test.length).toBeGreaterThanOrEqual(300);
  });

  it('recognises in-scope messages and falls back on out-of-scope ones', () => {
    expect(figures.inScopeAccuracy).toBeGreaterThanOrEqual(FLOORS.inScope);
    expect(figures.oosRecall).toBeGreaterThanOrEqual(FLOORS.oosRecall);
  });

  it.each(['plain', 'ascii', 'inflect', 'typo'] as const)('recognises %s messages', (kind) => {
    const idx = test.map((_, i) => i).filter((i) => kinds[i] === kind && test[i]!.intent !== 'oos');
    const f = evaluatePredictions(
      idx.map((i) => test[i]!),
      idx.map((i) => predictions[i]!),
    );
    expect(f.inScopeAccuracy).toBeGreaterThanOrEqual(FLOORS.byKind[kind]);
  });

  it('handles the shape of a small flow: 8 intents x 10 phrases, the other intents out of scope', () => {
    const shape = flowShapeSplit(train, test, 8, 10, 1);
    const m = flowModel(shape.train);
    const f = evaluatePredictions(shape.test, shape.test.map((l) => predict(m, l.text)));
    expect(f.inScopeAccuracy).toBeGreaterThanOrEqual(FLOORS.smallFlow.inScope);
    expect(f.oosRecall).toBeGreaterThanOrEqual(FLOORS.smallFlow.oosRecall);
  });
});
