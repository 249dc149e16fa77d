/**
 * Probability calibration of raw logits, fit on out-of-fold predictions: Platt scaling (a 1-D
 * logistic regression on the logit) and isotonic regression (pool-adjacent-violators). Both are
 * monotone non-decreasing in the logit. Pure.
 */
import { sigmoid } from "./logreg.js";

/** A stored calibration map from raw logit to probability. */
export type Calibration =
  | { kind: "platt"; a: number; b: number }
  /** Piecewise-linear through (x[i], y[i]); x ascending, y non-decreasing; clamped at the ends. */
  | { kind: "isotonic"; x: number[]; y: number[] };

/**
 * Fit p = σ(a·z + b) by weighted Newton iterations with Platt's smoothed targets.
 * @example fitPlatt([-2, -1, 1, 2], [0, 0, 1, 1]).a > 0 // true
 */
export function fitPlatt(logits: readonly number[], labels: ArrayLike<number>, weights?: ArrayLike<number>): Calibration {
  let pos = 0;
  let neg = 0;
  for (let i = 0; i < logits.length; i++) {
    const w = weights?.[i] ?? 1;
    if (labels[i] === 1) pos += w;
    else neg += w;
  }
  // Platt (1999): targets pulled off 0/1 so a separable fold cannot send the slope to infinity.
  const hi = (pos + 1) / (pos + 2);
  const lo = 1 / (neg + 2);
  let a = 1;
  let b = 0;
  for (let iter = 0; iter < 100; iter++) {
    let gA = 0;
    let gB = 0;
    let hAA = 1e-9;
    let hAB = 0;
    let hBB = 1e-9;
    for (let i = 0; i < logits.length; i++) {
      const z = logits[i] as number;
      const w = weights?.[i] ?? 1;
      const t = labels[i] === 1 ? hi : lo;
      const p = sigmoid(a * z + b);
      const d = w * (p - t);
      const s = w * p * (1 - p);
      gA += d * z;
      gB += d;
      hAA += s * z * z;
      hAB += s * z;
      hBB += s;
    }
    const det = hAA * hBB - hAB * hAB;
    if (Math.abs(det) < 1e-18) break;
    const dA = (hBB * gA - hAB * gB) / det;
    const dB = (hAA * gB - hAB * gA) / det;
    a -= dA;
    b -= dB;
    if (Math.abs(dA) + Math.abs(dB) < 1e-10) break;
  }
  return { kind: "platt", a, b };
}

/**
 * Weighted isotonic regression (pool adjacent violators) of labels on logits, stored as a
 * piecewise-linear map through the block means.
 * @example fitIsotonic([0, 1, 2, 3], [0, 1, 0, 1]).kind // "isotonic"
 */
export function fitIsotonic(logits: readonly number[], labels: ArrayLike<number>, weights?: ArrayLike<number>): Calibration {
  const order = logits.map((_, i) => i).sort((i, j) => (logits[i] as number) - (logits[j] as number));
  const blocks: { sumW: number; sumY: number; sumX: number }[] = [];
  for (const i of order) {
    const w = weights?.[i] ?? 1;
    blocks.push({ sumW: w, sumY: w * (labels[i] === 1 ? 1 : 0), sumX: w * (logits[i] as number) });
    while (blocks.length > 1) {
      const last = blocks[blocks.length - 1] as (typeof blocks)[number];
      const prev = blocks[blocks.length - 2] as (typeof blocks)[number];
      if (prev.sumY / prev.sumW <= last.sumY / last.sumW) break;
      prev.sumW += last.sumW;
      prev.sumY += last.sumY;
      prev.sumX += last.sumX;
      blocks.pop();
    }
  }
  const x: number[] = [];
  const y: number[] = [];
  for (const blk of blocks) {
    x.push(blk.sumX / blk.sumW);
    // Keep probabilities off exact 0/1: a calibrated score should never claim certainty.
    y.push(Math.min(0.995, Math.max(0.005, blk.sumY / blk.sumW)));
  }
  return { kind: "isotonic", x, y };
}

/**
 * Map a raw logit to a calibrated probability.
 * @example calibrate({ kind: "platt", a: 1, b: 0 }, 0) // 0.5
 */
export function calibrate(cal: Calibration, z: number): number {
  if (cal.kind === "platt") return sigmoid(cal.a * z + cal.b);
  const { x, y } = cal;
  if (x.length === 0) return sigmoid(z);
  if (z <= (x[0] as number)) return y[0] as number;
  if (z >= (x[x.length - 1] as number)) return y[y.length - 1] as number;
  let lo = 0;
  let hi = x.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if ((x[mid] as number) <= z) lo = mid;
    else hi = mid;
  }
  const x0 = x[lo] as number;
  const x1 = x[hi] as number;
  const t = x1 > x0 ? (z - x0) / (x1 - x0) : 0;
  return (y[lo] as number) + t * ((y[hi] as number) - (y[lo] as number));
}

/**
 * Re-express a probability calibrated under a 50 % training prior (what the model outputs) for a
 * field base rate `prior` of scams: posterior odds = model odds × prior odds.
 * @example rebaseProbability(0.9, 0.01) // ≈ 0.083: 9:1 evidence on a 1-in-100 base rate
 */
export function rebaseProbability(p: number, prior: number): number {
  if (p <= 0 || p >= 1) return p;
  const odds = (p / (1 - p)) * (prior / (1 - prior));
  return odds / (1 + odds);
}
