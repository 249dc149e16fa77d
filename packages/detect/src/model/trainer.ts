/**
 * The training recipe, pure: feature bags → design matrix → sign-constrained L2 logistic regression
 * → out-of-fold logits (stratified k-fold) → calibration fit on those → operating threshold →
 * artefact. The CLI does the I/O and the progress bar around it.
 */
import { type Calibration, calibrate, fitIsotonic, fitPlatt } from "./calibration.js";
import type { FeatureBag } from "./featurize.js";
import { fnv1a } from "./hash.js";
import { type LinearModel, logit, type SparseRow, sparseRow, trainLogReg } from "./logreg.js";
import type { ModelArtefact } from "./model.js";
import { stratifiedFolds } from "./rng.js";
import { featureSign } from "./signal-features.js";
import type { NgramConfig } from "./text-features.js";

/** One training text after featurisation. `group` is its source set (used for weights and folds). */
export interface TrainExample {
  bag: FeatureBag;
  label: 0 | 1;
  group: string;
  /** Extra weight on top of the (set, label) cell's share (default 1). */
  weight?: number;
}

/** Everything that decides the fitted model. */
export interface TrainConfig {
  seed: number;
  folds: number;
  epochs: number;
  learningRate: number;
  /** n-gram settings; null trains on playbook and structure features only. */
  ngram: NgramConfig | null;
  /** L2 strength for named playbook/structure features, per-signal features and n-gram buckets. */
  l2: { named: number; signal: number; ngram: number };
  /** Enforce the playbook prior: tactic evidence ≥ 0, protective evidence ≤ 0. */
  signConstraints: boolean;
  /** A named feature must occur in at least this many training texts to get a weight. */
  minCount: number;
  calibration: "platt" | "isotonic";
  /** Named features whose name starts with one of these get no column (ablations). */
  dropPrefixes?: string[];
  /** Also sign-constrain request/link/number/amount features upward (see featureSign). */
  structureSigns: boolean;
  /**
   * Per-signal weights are pulled towards `scale × lexicon weight` instead of 0, and signals never
   * seen in training score with that prior mean; 0 turns the prior off.
   */
  signalPriorScale: number;
  /**
   * Sample-weight cell size: a (set, label) cell with fewer examples than this carries only n/fullCell of a
   * full cell's mass, so 39 scam rows of a benign SMS set do not weigh as much as 7,500 scam calls. Absent or
   * 0: every cell carries the same mass.
   */
  fullCell?: number;
  /**
   * Where calibration and the threshold are fitted: `in-fold` (absent) on k-fold out-of-fold logits, or
   * `out-of-source` on leave-one-set-out logits (each set scored by a fit on the other sets).
   */
  calibrateOn?: "in-fold" | "out-of-source";
}

/** The recipe `scamguard train` uses unless told otherwise. */
export const DEFAULT_TRAIN_CONFIG: TrainConfig = {
  seed: 20261122,
  folds: 5,
  epochs: 250,
  learningRate: 0.05,
  // Cross-set experiments (train splits only): n-grams add nothing at strong L2 and hurt transfer at
  // weak L2 (bothbosu held out: recall 0.96 → 0.46), so the shipped model is playbook-only.
  ngram: null,
  l2: { named: 1e-3, signal: 3e-3, ngram: 3e-2 },
  signConstraints: true,
  minCount: 5,
  calibration: "platt",
  // Turn-structure and surface features (requests, questions, links, numbers, amounts) measured
  // neutral-to-harmful across sets and are the most format-bound (dialogue vs SMS): left out.
  dropPrefixes: ["turn:", "surface:"],
  structureSigns: true,
  signalPriorScale: 2,
};

/**
 * Sample weights: each class carries half the total, split equally between the source groups of
 * that class, so 6,000 generated fraud calls do not drown 800 real service chats.
 * @example groupWeights([{ label: 1, group: "a" }, { label: 0, group: "b" }, { label: 0, group: "b" }]) // [1, 0.5, 0.5] scaled to mean 1
 */
export function groupWeights(examples: readonly { label: 0 | 1; group: string; weight?: number }[], fullCell = 0): Float64Array {
  const counts = new Map<string, number>();
  const groupsPerLabel = [new Set<string>(), new Set<string>()];
  for (const e of examples) {
    const key = `${e.label}|${e.group}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    groupsPerLabel[e.label]?.add(e.group);
  }
  const n = examples.length;
  const labelsPresent = groupsPerLabel.filter((s) => s.size > 0).length;
  return Float64Array.from(examples, (e) => {
    const groups = groupsPerLabel[e.label]?.size ?? 1;
    const cell = counts.get(`${e.label}|${e.group}`) ?? 1;
    return (n / labelsPresent / groups / cell) * (fullCell > 0 ? Math.min(1, cell / fullCell) : 1) * (e.weight ?? 1);
  });
}

/** Column layout: named features first (sorted), then n-gram buckets. */
export interface Design {
  names: string[];
  index: Map<string, number>;
  /** Lexicon weight of each per-signal column (0 for other columns). */
  priors: Float64Array;
  gramOffset: number;
  dim: number;
}

/**
 * Choose the named features (seen in ≥ minCount texts) and lay out the columns.
 * @example buildDesign(examples, null, 5).names // ["co:channel+credential", "fam:channel", ...]
 */
export function buildDesign(examples: readonly TrainExample[], ngram: NgramConfig | null, minCount: number, dropPrefixes: readonly string[] = []): Design {
  const df = new Map<string, number>();
  const prior = new Map<string, number>();
  for (const e of examples) {
    for (const k of e.bag.named.keys()) if (!dropPrefixes.some((p) => k.startsWith(p))) df.set(k, (df.get(k) ?? 0) + 1);
    for (const [k, w] of e.bag.signalWeights) prior.set(k, w);
  }
  // Per-signal columns need no minimum count: their prior mean keeps rare ones sensible.
  const names = [...df.entries()].filter(([k, c]) => c >= minCount || k.startsWith("sig:")).map(([k]) => k).sort();
  const index = new Map(names.map((k, i) => [k, i] as const));
  const priors = Float64Array.from(names, (k) => prior.get(k) ?? 0);
  return { names, index, priors, gramOffset: names.length, dim: names.length + (ngram ? ngram.buckets : 0) };
}

function toRow(bag: FeatureBag, design: Design, useGrams: boolean): SparseRow {
  const pairs: [number, number][] = [];
  for (const [k, v] of bag.named) {
    const j = design.index.get(k);
    if (j !== undefined) pairs.push([j, v]);
  }
  if (useGrams) for (const [b, v] of bag.grams) pairs.push([design.gramOffset + b, v]);
  return sparseRow(pairs);
}

function penalties(design: Design, config: TrainConfig): { l2: Float64Array; signs: Int8Array; center: Float64Array } {
  const l2 = new Float64Array(design.dim).fill(config.l2.ngram);
  const signs = new Int8Array(design.dim);
  const center = new Float64Array(design.dim);
  design.names.forEach((name, j) => {
    const isSignal = name.startsWith("sig:");
    l2[j] = isSignal ? config.l2.signal : config.l2.named;
    if (isSignal) center[j] = config.signalPriorScale * (design.priors[j] as number);
    if (config.signConstraints) signs[j] = featureSign(name, config.structureSigns);
  });
  return { l2, signs, center };
}

/** A fitted linear model with its design, before calibration. */
export interface FittedLinear {
  design: Design;
  model: LinearModel;
}

/**
 * Fit the linear model on examples (design chosen from these examples only).
 * @example fitLinear(examples, DEFAULT_TRAIN_CONFIG).model.bias
 */
export function fitLinear(examples: readonly TrainExample[], config: TrainConfig, onEpoch?: (epoch: number) => void): FittedLinear {
  const design = buildDesign(examples, config.ngram, config.minCount, config.dropPrefixes);
  const rows = examples.map((e) => toRow(e.bag, design, config.ngram !== null));
  const labels = Uint8Array.from(examples, (e) => e.label);
  const { l2, signs, center } = penalties(design, config);
  const model = trainLogReg(rows, labels, groupWeights(examples, config.fullCell ?? 0), design.dim, {
    l2,
    signs,
    center,
    epochs: config.epochs,
    learningRate: config.learningRate,
    ...(onEpoch ? { onEpoch } : {}),
  });
  return { design, model };
}

/**
 * Raw logit of one bag under a fitted model.
 * @example logitOf(fitted, example.bag, true)
 */
export function logitOf(fitted: FittedLinear, bag: FeatureBag, useGrams: boolean): number {
  return logit(fitted.model, toRow(bag, fitted.design, useGrams));
}

/**
 * Out-of-fold logits: each example scored by a model that never saw it. Folds are stratified by
 * (group, label) and fixed by the seed.
 * @example crossValidate(examples, DEFAULT_TRAIN_CONFIG).length === examples.length // true
 */
export function crossValidate(examples: readonly TrainExample[], config: TrainConfig, onEpoch?: (epoch: number) => void): Float64Array {
  const folds = stratifiedFolds(examples.map((e) => `${e.group}|${e.label}`), config.folds, config.seed);
  const oof = new Float64Array(examples.length);
  for (let f = 0; f < config.folds; f++) {
    const train = examples.filter((_, i) => folds[i] !== f);
    const fitted = fitLinear(train, config, onEpoch);
    examples.forEach((e, i) => {
      if (folds[i] === f) oof[i] = logitOf(fitted, e.bag, config.ngram !== null);
    });
  }
  return oof;
}

/**
 * Out-of-source logits: each example scored by a model fitted on the OTHER source groups only (leave one set
 * out), so calibration and the threshold see scores as they come on a source the fit never read. A group
 * whose removal leaves one class only is scored in-fold instead (by the k-fold of `crossValidate`).
 * @example outOfSourceLogits(examples, DEFAULT_TRAIN_CONFIG).length === examples.length // true
 */
export function outOfSourceLogits(examples: readonly TrainExample[], config: TrainConfig, onEpoch?: (epoch: number) => void): Float64Array {
  const out = new Float64Array(examples.length);
  const groups = [...new Set(examples.map((e) => e.group))].sort();
  let inFold: Float64Array | null = null;
  for (const g of groups) {
    const train = examples.filter((e) => e.group !== g);
    if (!train.some((e) => e.label === 1) || !train.some((e) => e.label === 0)) {
      inFold ??= crossValidate(examples, config);
      examples.forEach((e, i) => {
        if (e.group === g) out[i] = inFold?.[i] as number;
      });
      continue;
    }
    const fitted = fitLinear(train, config, onEpoch);
    examples.forEach((e, i) => {
      if (e.group === g) out[i] = logitOf(fitted, e.bag, config.ngram !== null);
    });
  }
  return out;
}

/**
 * Fit the calibration map on out-of-fold logits (weighted like training).
 * @example fitCalibration(oof, labels, weights, "platt").kind // "platt"
 */
export function fitCalibration(logits: ArrayLike<number>, labels: ArrayLike<number>, weights: ArrayLike<number>, kind: "platt" | "isotonic"): Calibration {
  const z = Array.from(logits);
  return kind === "platt" ? fitPlatt(z, labels, weights) : fitIsotonic(z, labels, weights);
}

/**
 * Operating threshold: the calibrated score maximising weighted F1 on out-of-fold predictions,
 * never below 0.5 (under balanced weights 0.5 is "more likely scam than not").
 * @example chooseThreshold([0.9, 0.2, 0.7], [1, 0, 0], [1, 1, 1]) // 0.9
 */
export function chooseThreshold(probs: ArrayLike<number>, labels: ArrayLike<number>, weights: ArrayLike<number>): number {
  const order = Array.from({ length: probs.length }, (_, i) => i).sort((a, b) => (probs[b] as number) - (probs[a] as number));
  let totalPos = 0;
  for (let i = 0; i < probs.length; i++) if (labels[i] === 1) totalPos += weights[i] as number;
  let tp = 0;
  let fp = 0;
  let best = 0.5;
  let bestF1 = -1;
  for (let r = 0; r < order.length; r++) {
    const i = order[r] as number;
    if (labels[i] === 1) tp += weights[i] as number;
    else fp += weights[i] as number;
    const p = probs[i] as number;
    const nextP = r + 1 < order.length ? (probs[order[r + 1] as number] as number) : -1;
    if (nextP === p) continue;
    const f1 = (2 * tp) / (tp + fp + totalPos);
    if (f1 > bestF1 && p >= 0.5) {
      bestF1 = f1;
      best = p;
    }
  }
  return Math.round(best * 1e4) / 1e4;
}

const round = (x: number, digits = 5): number => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};

/**
 * Assemble the artefact from a fitted model, its calibration and threshold. The version is a hash of
 * the weights, so the same data, config and seed give the same version.
 * @example toArtefact(fitted, config, calibration, 0.6, {}).version // "pblr-1-9c0e12ab"
 */
export function toArtefact(fitted: FittedLinear, config: TrainConfig, calibration: Calibration, threshold: number, training: Record<string, unknown>): ModelArtefact {
  const named: Record<string, number> = {};
  fitted.design.names.forEach((name, j) => {
    const w = round(fitted.model.weights[j] as number);
    if (w !== 0) named[name] = w;
  });
  const grams = config.ngram ? Array.from(fitted.model.weights.subarray(fitted.design.gramOffset), (w) => round(w)) : null;
  const cal: Calibration =
    calibration.kind === "platt"
      ? { kind: "platt", a: round(calibration.a, 6), b: round(calibration.b, 6) }
      : { kind: "isotonic", x: calibration.x.map((v) => round(v)), y: calibration.y.map((v) => round(v)) };
  const body = JSON.stringify({ named, grams, bias: round(fitted.model.bias), cal, threshold, ngram: config.ngram, prior: config.signalPriorScale, structure: usesStructure(config) });
  return {
    format: "scamguard-logreg",
    formatVersion: 1,
    version: `pblr-1-${fnv1a(body, 0, body.length).toString(16).padStart(8, "0")}`,
    ngram: config.ngram,
    structure: usesStructure(config),
    bias: round(fitted.model.bias),
    named,
    grams,
    calibration: cal,
    ...(config.signalPriorScale !== 0 ? { signalPrior: { scale: config.signalPriorScale } } : {}),
    threshold,
    training,
  };
}

/**
 * Whether a recipe keeps any turn-structure/surface feature (else inference skips computing them).
 * @example usesStructure(DEFAULT_TRAIN_CONFIG) // false
 */
export function usesStructure(config: TrainConfig): boolean {
  const drop = config.dropPrefixes ?? [];
  return !(drop.includes("turn:") && drop.includes("surface:"));
}

/** Calibrated probabilities for out-of-fold logits. */
export const calibrateAll = (cal: Calibration, logits: ArrayLike<number>): Float64Array => Float64Array.from(Array.from(logits), (z) => calibrate(cal, z));
