/** A held-out in-scope phrase: the confidence of the top intent and whether that intent was right. */
export interface InScopeSample {
  confidence: number;
  correct: boolean;
}

/**
 * The threshold maximising in-scope accuracy + `oosWeight` x out-of-scope recall over held-out
 * samples, among the cuts that reject at least `minRecall` of the out-of-scope ones (a bot that
 * answers most off-topic questions with a wrong intent is worse than one that sometimes asks a
 * customer to rephrase, so recall is a floor rather than just a weight) and turn away at most
 * `maxCorrectLoss` of the in-scope answers that were right. When no cut within that loss reaches
 * `minRecall`, the highest cut within it is taken: the out-of-scope stand-ins of calibration
 * (phrases of intents a fold hid) are closer to the intents than most real off-topic messages, so
 * chasing their recall at any price would ask customers again far more often than needed.
 * `oos` holds the confidences of out-of-scope phrases (-Infinity where the "none" class won,
 * since those fall back whatever the threshold). The cut sits midway between neighbouring
 * confidences so that a phrase scoring exactly like a calibration phrase is treated the same.
 */
export function chooseThreshold(inScope: InScopeSample[], oos: number[], oosWeight: number, minRecall = 0, maxCorrectLoss = 1): number {
  const correct = inScope.filter((s) => s.correct).map((s) => s.confidence).sort((a, b) => a - b);
  const outside = oos.filter((c) => Number.isFinite(c)).sort((a, b) => a - b);
  const unconditionalFallbacks = oos.length - outside.length;
  const candidates = [...new Set([...correct, ...outside])].sort((a, b) => a - b);
  const nIn = Math.max(1, inScope.length);
  const nOos = Math.max(1, oos.length);
  // Rounding slack: with 3 out-of-scope samples, a floor of 0.5 must be met by 2, not 1.5.
  const slack = 1e-9;
  let bestScore = -Infinity;
  let bestCut: number | null = null;
  let highestAffordable = 0;
  let previous = 0;
  // A cut at each candidate c accepts confidences >= c; a cut at +Infinity rejects everything.
  for (const c of [...candidates, Infinity]) {
    const cut = c === Infinity ? Math.min(1, previous + 1e-6) : (previous + c) / 2;
    const lost = lowerBound(correct, c);
    previous = c;
    // Candidates ascend, so the loss only grows from here.
    if (lost > maxCorrectLoss * correct.length + slack) break;
    highestAffordable = cut;
    const rejected = lowerBound(outside, c) + unconditionalFallbacks;
    if (rejected / nOos < minRecall - slack) continue;
    const score = (correct.length - lost) / nIn + (oosWeight * rejected) / nOos;
    if (score > bestScore) {
      bestScore = score;
      bestCut = cut;
    }
  }
  return bestCut ?? highestAffordable;
}

/** Count of items in ascending `xs` strictly below `x`. */
function lowerBound(xs: number[], x: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((xs[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
