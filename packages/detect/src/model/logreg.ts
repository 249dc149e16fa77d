/**
 * L2-regularised, sample-weighted logistic regression on sparse rows, trained full-batch with Adam.
 * Full batch and a fixed iteration count make it deterministic (no sampling at all). Optional sign
 * constraints (projected gradient) encode the playbook prior. Pure math, no I/O.
 */

/** A sparse feature row: parallel arrays of column indices and values. */
export interface SparseRow {
  idx: Int32Array;
  val: Float64Array;
}

/** Trainer settings. */
export interface LogRegOptions {
  /** L2 strength per column (length = dim). The bias is not penalised. */
  l2: Float64Array;
  /** Per column: the value the L2 penalty pulls towards (a prior mean; default 0). Also the start. */
  center?: Float64Array;
  /** Per column: +1 weight kept ≥ 0, -1 kept ≤ 0, 0 free. */
  signs?: Int8Array;
  epochs?: number;
  learningRate?: number;
  /** Called after each epoch with (epoch, loss); for progress bars. */
  onEpoch?: (epoch: number, loss: number) => void;
}

/** A fitted linear model: logit = bias + Σ weights[j]·x[j]. */
export interface LinearModel {
  weights: Float64Array;
  bias: number;
}

/**
 * Build a sparse row from (index, value) pairs; zero values are dropped, indices sorted.
 * @example sparseRow([[3, 1], [1, 0.5]]).idx // Int32Array [1, 3]
 */
export function sparseRow(pairs: Iterable<readonly [number, number]>): SparseRow {
  const list = [...pairs].filter(([, v]) => v !== 0).sort((a, b) => a[0] - b[0]);
  return { idx: Int32Array.from(list, (p) => p[0]), val: Float64Array.from(list, (p) => p[1]) };
}

/**
 * The raw logit of one row.
 * @example logit({ weights: Float64Array.of(2), bias: -1 }, sparseRow([[0, 1]])) // 1
 */
export function logit(model: LinearModel, row: SparseRow): number {
  let z = model.bias;
  for (let k = 0; k < row.idx.length; k++) z += (model.weights[row.idx[k] as number] ?? 0) * (row.val[k] as number);
  return z;
}

/**
 * Numerically safe logistic function.
 * @example sigmoid(0) // 0.5
 */
export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/**
 * Fit by minimising Σᵢ wᵢ·logloss(yᵢ, σ(zᵢ)) / Σᵢ wᵢ + ½ Σⱼ l2ⱼ·(βⱼ − centerⱼ)².
 * @example
 * const rows = [sparseRow([[0, 1]]), sparseRow([[1, 1]])];
 * const m = trainLogReg(rows, Uint8Array.of(1, 0), Float64Array.of(1, 1), 2, { l2: new Float64Array(2).fill(0.01) });
 * logit(m, rows[0]) > 0 // true
 */
export function trainLogReg(
  rows: readonly SparseRow[],
  labels: Uint8Array,
  sampleWeights: Float64Array,
  dim: number,
  options: LogRegOptions,
): LinearModel {
  const epochs = options.epochs ?? 300;
  const baseLr = options.learningRate ?? 0.05;
  const beta1 = 0.9;
  const beta2 = 0.999;
  const eps = 1e-8;
  const weights = options.center ? Float64Array.from(options.center) : new Float64Array(dim);
  const center = options.center ?? new Float64Array(dim);
  let bias = 0;
  const grad = new Float64Array(dim);
  const m = new Float64Array(dim + 1);
  const v = new Float64Array(dim + 1);
  let totalWeight = 0;
  for (const w of sampleWeights) totalWeight += w;
  const model: LinearModel = { weights, bias };
  for (let epoch = 1; epoch <= epochs; epoch++) {
    grad.fill(0);
    let gBias = 0;
    let loss = 0;
    model.bias = bias;
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i] as SparseRow;
      const z = logit(model, row);
      const p = sigmoid(z);
      const y = labels[i] as number;
      const w = (sampleWeights[i] as number) / totalWeight;
      loss += w * (y === 1 ? Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z)));
      const g = w * (p - y);
      gBias += g;
      for (let k = 0; k < row.idx.length; k++) {
        const j = row.idx[k] as number;
        grad[j] = (grad[j] as number) + g * (row.val[k] as number);
      }
    }
    // Cosine decay to 1% of the rate: Adam then settles instead of hovering around the optimum.
    const lr = baseLr * (0.01 + 0.99 * 0.5 * (1 + Math.cos((Math.PI * (epoch - 1)) / epochs)));
    const c1 = 1 - beta1 ** epoch;
    const c2 = 1 - beta2 ** epoch;
    for (let j = 0; j < dim; j++) {
      const wj = weights[j] as number;
      const l2 = options.l2[j] as number;
      const dev = wj - (center[j] as number);
      loss += 0.5 * l2 * dev * dev;
      const g = (grad[j] as number) + l2 * dev;
      m[j] = beta1 * (m[j] as number) + (1 - beta1) * g;
      v[j] = beta2 * (v[j] as number) + (1 - beta2) * g * g;
      let next = wj - (lr * ((m[j] as number) / c1)) / (Math.sqrt((v[j] as number) / c2) + eps);
      const sign = options.signs?.[j] ?? 0;
      if ((sign > 0 && next < 0) || (sign < 0 && next > 0)) next = 0;
      weights[j] = next;
    }
    m[dim] = beta1 * (m[dim] as number) + (1 - beta1) * gBias;
    v[dim] = beta2 * (v[dim] as number) + (1 - beta2) * gBias * gBias;
    bias -= (lr * ((m[dim] as number) / c1)) / (Math.sqrt((v[dim] as number) / c2) + eps);
    options.onEpoch?.(epoch, loss);
  }
  return { weights, bias };
}
