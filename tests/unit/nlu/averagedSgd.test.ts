import { describe, expect, it } from 'vitest';
import { trainSoftmax, type SoftmaxOptions } from '../../../runtime/src/nlu/softmax';
import type { SparseVector } from '../../../runtime/src/nlu/vectorize';

const row = (idx: number[], val: number[]): SparseVector => ({ idx: Int32Array.from(idx), val: Float32Array.from(val) });

describe('averaged SGD', () => {
  // One row makes each pass a single step, so the weights after step s are those of a plain
  // run of s passes, and the average can be computed by brute force.
  const rows = [row([0, 2], [0.6, 0.8])];
  const labels = [1];
  const classes = 3;
  const base: SoftmaxOptions = { epochs: 1, learningRate: 2, l2: 0, seed: 3 };

  function bruteForceMean(options: SoftmaxOptions, from: number, to: number): { weights: number[]; bias: number[] } {
    const weights = new Array<number>(3 * classes).fill(0);
    const bias = new Array<number>(classes).fill(0);
    for (let epochs = from + 1; epochs <= to; epochs++) {
      const p = trainSoftmax(rows, labels, 3, classes, { ...options, epochs, averageFrom: undefined });
      p.weights.forEach((v, j) => (weights[j] = (weights[j] as number) + v / (to - from)));
      p.bias.forEach((v, c) => (bias[c] = (bias[c] as number) + v / (to - from)));
    }
    return { weights, bias };
  }

  it('returns the mean of the weights over the steps from the given pass on', () => {
    const options = { ...base, epochs: 9, averageFrom: 4 };
    const averaged = trainSoftmax(rows, labels, 3, classes, options);
    const expected = bruteForceMean(options, 4, 9);
    averaged.weights.forEach((v, j) => expect(v).toBeCloseTo(expected.weights[j] as number, 5));
    averaged.bias.forEach((v, c) => expect(v).toBeCloseTo(expected.bias[c] as number, 5));
    // Not the last step's weights: the mean lags behind them.
    const last = trainSoftmax(rows, labels, 3, classes, { ...options, averageFrom: undefined });
    expect(Math.abs((averaged.weights[0 * classes + 1] as number) - (last.weights[0 * classes + 1] as number))).toBeGreaterThan(1e-3);
  });

  it('stays exact when L2 makes the lazy shrink factor fold into the weights mid-average', () => {
    // The shared scale shrinks by (1 - eta x l2) a step and is folded into the weights once it
    // falls below 1e-6; with eta0 x l2 near 1 that happens after a few hundred steps. Find the
    // step by the same schedule and average across it.
    const options = { ...base, l2: 0.4999 };
    let scale = 1;
    let fold = -1;
    for (let t = 0; fold < 0; t++) {
      scale *= 1 - (options.learningRate / (1 + options.learningRate * options.l2 * t)) * options.l2;
      if (scale < 1e-6) fold = t;
    }
    expect(fold).toBeGreaterThan(10);
    const averaged = trainSoftmax(rows, labels, 3, classes, { ...options, epochs: fold + 4, averageFrom: fold - 2 });
    const expected = bruteForceMean(options, fold - 2, fold + 4);
    averaged.weights.forEach((v, j) => expect(v).toBeCloseTo(expected.weights[j] as number, 4));
  });

  it('is plain SGD when no pass is averaged', () => {
    const a = trainSoftmax(rows, labels, 3, classes, { ...base, epochs: 5 });
    const b = trainSoftmax(rows, labels, 3, classes, { ...base, epochs: 5, averageFrom: 5 });
    expect(Array.from(b.weights)).toEqual(Array.from(a.weights));
  });
});
