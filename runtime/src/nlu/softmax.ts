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
  /**
   * Averaged SGD: return the mean of the weights over every step from this pass (0-based) on,
   * rather than the last step's, which carry the noise of the last few rows' gradients.
   * Undefined: no averaging.
   */
  averageFrom?: number;
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
 * Multinomial logistic regression by SGD over shuffled rows, optionally averaged (see
 * `averageFrom`). L2 shrinkage is applied lazily through one shared scale factor so each step
 * costs only the row's non-zeros.
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
  const averageFrom = options.averageFrom ?? Infinity;
  // The running sum of the true weights (scale * w) over the averaged steps is kept as
  // acc + sigma * w, so a step still touches only the row's non-zeros: changing w[j] by -d
  // adds sigma * d to acc[j], and each step adds `scale` to sigma. Doubles, since acc and
  // sigma * w grow large and nearly cancel.
  const acc = averageFrom < options.epochs ? new Float64Array(w.length) : null;
  const biasSum = new Float64Array(classes);
  let sigma = 0;
  let averaged = 0;
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    shuffleInPlace(order, random);
    const averaging = acc !== null && epoch >= averageFrom;
    for (const i of order) {
      const x = rows[i] as SparseVector;
      const y = labels[i] as number;
      const eta = eta0 / (1 + eta0 * l2 * t++);
      softmaxInto(x, w, bias, classes, probs, scale);
      scale *= 1 - eta * l2;
      if (scale < 1e-6) {
        for (let j = 0; j < w.length; j++) w[j] = (w[j] as number) * scale;
        sigma /= scale;
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
          const d = (activeGrad[a] as number) * v;
          w[j] = (w[j] as number) - d;
          if (averaging && acc !== null) acc[j] = (acc[j] as number) + sigma * d;
        }
      }
      if (averaging) {
        sigma += scale;
        averaged++;
        for (let c = 0; c < classes; c++) biasSum[c] = (biasSum[c] as number) + (bias[c] as number);
      }
    }
  }
  if (acc !== null && averaged > 0) {
    const inv = 1 / averaged;
    for (let j = 0; j < w.length; j++) w[j] = ((acc[j] as number) + sigma * (w[j] as number)) * inv;
    for (let c = 0; c < classes; c++) bias[c] = (biasSum[c] as number) * inv;
    return { weights: w, bias };
  }
  if (scale !== 1) for (let j = 0; j < w.length; j++) w[j] = (w[j] as number) * scale;
  return { weights: w, bias };
}
