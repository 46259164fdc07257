import { seededRandom, shuffleInPlace } from './random';
import type { SparseVector } from './vectorize';

export interface SoftmaxOptions {
  epochs: number;
  /** Initial step; decays as eta0 / (1 + eta0 * l2 * t) (Bottou's schedule for L2-regularised SGD). */
  learningRate: number;
  l2: number;
  seed: number;
  /** Per-class multiplier on the loss, e.g. to stop a large "none" class from drowning the rest. */
  classWeights?: Float64Array;
}

export interface SoftmaxParams {
  /** Feature-major: `weights[feature * classes + class]`, so one sparse row touches contiguous memory. */
  weights: Float32Array;
  bias: Float64Array;
}

// Classes whose probability is below this get no update: their gradient is negligible and
// skipping them keeps a 77-class epoch over 8,000 messages well under a second.
const GRADIENT_FLOOR = 1e-4;

/** Probabilities of each class for one row, written into `out`. */
export function softmaxInto(
  x: SparseVector,
  weights: Float32Array,
  bias: Float64Array,
  classes: number,
  out: Float64Array,
  weightScale = 1,
): Float64Array {
  out.fill(0);
  const { idx, val } = x;
  for (let k = 0; k < idx.length; k++) {
    const base = (idx[k] as number) * classes;
    const v = (val[k] as number) * weightScale;
    for (let c = 0; c < classes; c++) out[c] = (out[c] as number) + v * (weights[base + c] as number);
  }
  let max = -Infinity;
  for (let c = 0; c < classes; c++) {
    const s = (out[c] as number) + (bias[c] as number);
    out[c] = s;
    if (s > max) max = s;
  }
  let sum = 0;
  for (let c = 0; c < classes; c++) {
    const e = Math.exp((out[c] as number) - max);
    out[c] = e;
    sum += e;
  }
  const inv = 1 / sum;
  for (let c = 0; c < classes; c++) out[c] = (out[c] as number) * inv;
  return out;
}

/**
 * Multinomial logistic regression by plain SGD over shuffled rows. L2 shrinkage is applied
 * lazily through one shared scale factor so each step costs only the row's non-zeros.
 */
export function trainSoftmax(
  rows: SparseVector[],
  labels: ArrayLike<number>,
  features: number,
  classes: number,
  options: SoftmaxOptions,
): SoftmaxParams {
  const w = new Float32Array(features * classes);
  const bias = new Float64Array(classes);
  const probs = new Float64Array(classes);
  const activeClass = new Int32Array(classes);
  const activeGrad = new Float64Array(classes);
  const random = seededRandom(options.seed);
  const order = rows.map((_, i) => i);
  const { learningRate: eta0, l2 } = options;
  let scale = 1;
  let t = 0;
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    shuffleInPlace(order, random);
    for (const i of order) {
      const x = rows[i] as SparseVector;
      const y = labels[i] as number;
      const eta = eta0 / (1 + eta0 * l2 * t++);
      softmaxInto(x, w, bias, classes, probs, scale);
      scale *= 1 - eta * l2;
      if (scale < 1e-6) {
        for (let j = 0; j < w.length; j++) w[j] = (w[j] as number) * scale;
        scale = 1;
      }
      const cw = options.classWeights?.[y] ?? 1;
      let active = 0;
      for (let c = 0; c < classes; c++) {
        const g = (probs[c] as number) - (c === y ? 1 : 0);
        if (g > -GRADIENT_FLOOR && g < GRADIENT_FLOOR) continue;
        bias[c] = (bias[c] as number) - eta * cw * g;
        activeClass[active] = c;
        activeGrad[active++] = (eta * cw * g) / scale;
      }
      // Feature-outer, class-inner: each feature's weights are contiguous.
      const { idx, val } = x;
      for (let k = 0; k < idx.length; k++) {
        const base = (idx[k] as number) * classes;
        const v = val[k] as number;
        for (let a = 0; a < active; a++) {
          const j = base + (activeClass[a] as number);
          w[j] = (w[j] as number) - (activeGrad[a] as number) * v;
        }
      }
    }
  }
  if (scale !== 1) for (let j = 0; j < w.length; j++) w[j] = (w[j] as number) * scale;
  return { weights: w, bias };
}
