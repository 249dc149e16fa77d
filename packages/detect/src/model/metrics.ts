/** Evaluation metrics for a binary scorer. Pure. */

/** Counts and rates at one threshold. Rates with an empty denominator are `null`. */
export interface BinaryMetrics {
  n: number;
  positives: number;
  tp: number;
  fp: number;
  tn: number;
  fn: number;
  precision: number | null;
  recall: number | null;
  f1: number | null;
  fpr: number | null;
  specificity: number | null;
  accuracy: number;
}

const ratio = (a: number, b: number): number | null => (b > 0 ? a / b : null);

/**
 * Confusion counts and rates of `scores ≥ threshold` against labels.
 * @example confusion([0.9, 0.2], [1, 0], 0.5).f1 // 1
 */
export function confusion(scores: ArrayLike<number>, labels: ArrayLike<number>, threshold: number): BinaryMetrics {
  let tp = 0;
  let fp = 0;
  let tn = 0;
  let fn = 0;
  for (let i = 0; i < scores.length; i++) {
    const pred = (scores[i] as number) >= threshold;
    if (labels[i] === 1) pred ? tp++ : fn++;
    else pred ? fp++ : tn++;
  }
  const precision = ratio(tp, tp + fp);
  const recall = ratio(tp, tp + fn);
  const f1 = precision !== null && recall !== null && precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : tp + fn > 0 ? 0 : null;
  return {
    n: scores.length,
    positives: tp + fn,
    tp,
    fp,
    tn,
    fn,
    precision,
    recall,
    f1,
    fpr: ratio(fp, fp + tn),
    specificity: ratio(tn, fp + tn),
    accuracy: scores.length > 0 ? (tp + tn) / scores.length : 0,
  };
}

/**
 * Area under the ROC curve (ties count one half); `null` if a class is missing.
 * @example auc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1]) // 0.75
 */
export function auc(scores: ArrayLike<number>, labels: ArrayLike<number>): number | null {
  const order = Array.from({ length: scores.length }, (_, i) => i).sort((i, j) => (scores[i] as number) - (scores[j] as number));
  let pos = 0;
  let neg = 0;
  let rankSum = 0;
  let i = 0;
  while (i < order.length) {
    let j = i;
    while (j + 1 < order.length && scores[order[j + 1] as number] === scores[order[i] as number]) j++;
    const avgRank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) {
      if (labels[order[k] as number] === 1) {
        pos++;
        rankSum += avgRank;
      } else neg++;
    }
    i = j + 1;
  }
  if (pos === 0 || neg === 0) return null;
  return (rankSum - (pos * (pos + 1)) / 2) / (pos * neg);
}

/**
 * Brier score: mean squared error of probabilities (lower is better).
 * @example brier([1, 0], [1, 0]) // 0
 */
export function brier(probs: ArrayLike<number>, labels: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < probs.length; i++) s += ((probs[i] as number) - (labels[i] === 1 ? 1 : 0)) ** 2;
  return probs.length > 0 ? s / probs.length : 0;
}

/**
 * Expected calibration error over `bins` equal-width probability bins.
 * @example ece([0.9, 0.1], [1, 0]) // ≈ 0.1
 */
export function ece(probs: ArrayLike<number>, labels: ArrayLike<number>, bins = 10): number {
  const count = new Float64Array(bins);
  const conf = new Float64Array(bins);
  const hit = new Float64Array(bins);
  for (let i = 0; i < probs.length; i++) {
    const p = probs[i] as number;
    const b = Math.min(bins - 1, Math.floor(p * bins));
    count[b] = (count[b] as number) + 1;
    conf[b] = (conf[b] as number) + p;
    hit[b] = (hit[b] as number) + (labels[i] === 1 ? 1 : 0);
  }
  let e = 0;
  for (let b = 0; b < bins; b++) {
    const c = count[b] as number;
    if (c > 0) e += (c / probs.length) * Math.abs((conf[b] as number) / c - (hit[b] as number) / c);
  }
  return e;
}
