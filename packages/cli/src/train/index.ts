/**
 * `scamguard train`: train the calibrated playbook classifier on the TRAIN splits of ../shared/data
 * (never a test split), print out-of-fold metrics, and write packages/detect/model/model.json.
 * Deterministic for a fixed seed: full-batch optimisation, seeded folds, stable feature order.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import {
  calibrateAll,
  chooseThreshold,
  crossValidate,
  DEFAULT_TRAIN_CONFIG,
  fitCalibration,
  fitLinear,
  groupWeights,
  outOfSourceLogits,
  type FittedLinear,
  type TrainConfig,
  type TrainExample,
  toArtefact,
  usesStructure,
} from "@scamguard/detect/model/trainer";
import type { Calibration } from "@scamguard/detect/model/calibration";
import { REPO_ROOT, resolveDataDir, TRAIN_SETS } from "./data.js";
import { featurizeAll, formatMetrics, loadAll, metricsBySet, type SetMetrics } from "./pipeline.js";
import { type TrainingInputs, trainingInputs } from "./inputs.js";
import { createProgress } from "./progress.js";

/** Options of `scamguard train`. */
export interface RunTrainOptions {
  dataDir?: string;
  /** Where to write the artefact; default packages/detect/model/model.json. */
  out?: string;
  seed?: number;
  quiet?: boolean;
  /** Override parts of the recipe (experiments, tests). */
  config?: Partial<TrainConfig>;
}

/** What a training run produced. */
export interface TrainReport {
  version: string;
  out: string;
  bytes: number;
  threshold: number;
  oof: SetMetrics[];
  features: number;
}

/** What {@link fitRecipe} fitted: the linear model, its calibration, the threshold and the out-of-fold scores. */
export interface FittedRecipe {
  fitted: FittedLinear;
  calibration: Calibration;
  threshold: number;
  /** Calibrated out-of-fold score of every example. */
  probs: Float64Array;
}

/**
 * The training recipe on featurised examples, exactly as `scamguard train` runs it: k-fold out-of-fold
 * logits (leave-one-set-out logits with `calibrateOn: "out-of-source"`) → calibration fitted on those → operating threshold → final fit on everything. Leave-one-
 * source-out evaluation calls this too, so its figures are the recipe's, not an approximation.
 * @example const { fitted, calibration, threshold } = fitRecipe(examples, DEFAULT_TRAIN_CONFIG);
 */
export function fitRecipe(examples: readonly TrainExample[], config: TrainConfig, tick: () => void = () => {}): FittedRecipe {
  const oof = config.calibrateOn === "out-of-source" ? outOfSourceLogits(examples, config, tick) : crossValidate(examples, config, tick);
  const labels = Uint8Array.from(examples, (e) => e.label);
  const weights = groupWeights(examples, config.fullCell ?? 0);
  const calibration = fitCalibration(oof, labels, weights, config.calibration);
  const probs = calibrateAll(calibration, oof);
  const threshold = chooseThreshold(probs, labels, weights);
  const fitted = fitLinear(examples, config, tick);
  return { fitted, calibration, threshold, probs };
}

/** Default artefact path inside the repository. */
export const DEFAULT_MODEL_PATH = path.join(REPO_ROOT, "packages/detect/model/model.json");

/**
 * Train, calibrate and write the artefact.
 * @example await runTrain({ seed: 20261122 }) // { version: "pblr-1-…", threshold: 0.6, … }
 */
export async function runTrain(opts: RunTrainOptions = {}): Promise<TrainReport> {
  const config: TrainConfig = { ...DEFAULT_TRAIN_CONFIG, ...opts.config, seed: opts.seed ?? opts.config?.seed ?? DEFAULT_TRAIN_CONFIG.seed };
  const dataDir = resolveDataDir(opts.dataDir);
  const out = path.resolve(opts.out ?? DEFAULT_MODEL_PATH);
  const progress = createProgress(opts.quiet ?? false);
  const log = (s: string) => {
    if (!opts.quiet) process.stderr.write(`${s}\n`);
  };

  const rows = loadAll(dataDir, "train");
  log(`train: ${rows.length} texts from ${dataDir} (train splits only)`);
  const examples = featurizeAll(rows, config.ngram, progress, usesStructure(config));
  const inputs = trainingInputs(rows, examples);

  progress.start(`fit ${config.folds}-fold + final`, (config.folds + 1) * config.epochs);
  const { fitted, calibration, threshold, probs } = fitRecipe(examples, config, () => progress.tick());
  progress.stop();

  const oofMetrics = metricsBySet(rows, probs, threshold);
  const artefact = toArtefact(fitted, config, calibration, threshold, {
    data: `train splits of ${TRAIN_SETS.join(", ")} (artefacts stripped)`,
    config,
    texts: rows.length,
    inputs,
    oof: oofMetrics.map((m) => ({
      set: m.set,
      n: m.n,
      precision: m.precision,
      recall: m.recall,
      f1: m.f1,
      fpr: m.fpr,
      auc: m.auc,
      brier: Number(m.brier.toFixed(4)),
      ece: Number(m.ece.toFixed(4)),
    })),
  });
  const json = `${JSON.stringify(artefact)}\n`;
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, json);
  log(`\nout-of-fold (${config.folds}-fold, calibrated, threshold ${threshold}):\n${formatMetrics(oofMetrics)}`);
  log(`\nwrote ${out} (${json.length} bytes, ${Object.keys(artefact.named).length} named weights, version ${artefact.version})`);
  return { version: artefact.version, out, bytes: json.length, threshold, oof: oofMetrics, features: Object.keys(artefact.named).length };
}

/** What {@link checkTraining} found. */
export interface TrainingCheck {
  /** The model's recorded inputs, or null when it records none (fitted before they were recorded). */
  recorded: TrainingInputs | null;
  current: TrainingInputs;
  /** The recipe the model was fitted with (seed included) is the one `scamguard train` runs now. */
  sameConfig: boolean;
  /** `scamguard train` with the current data and signal engine would rewrite the model byte for byte. */
  reproducible: boolean;
}

/**
 * Whether training now would reproduce the model at `model` (default the shipped one): featurises the train
 * splits with the current signal engine (no fit) and compares the digests and recipe with what the model records.
 * @example (await checkTraining()).reproducible // false after a lexicon change since the last fit
 */
export async function checkTraining(opts: { dataDir?: string; model?: string; quiet?: boolean } = {}): Promise<TrainingCheck> {
  const artefact = JSON.parse(readFileSync(path.resolve(opts.model ?? DEFAULT_MODEL_PATH), "utf8")) as { training?: { config?: unknown; inputs?: TrainingInputs } };
  const config: TrainConfig = { ...DEFAULT_TRAIN_CONFIG };
  const rows = loadAll(resolveDataDir(opts.dataDir), "train");
  const current = trainingInputs(rows, featurizeAll(rows, config.ngram, createProgress(opts.quiet ?? false), usesStructure(config)));
  const recorded = artefact.training?.inputs ?? null;
  const sameConfig = JSON.stringify(artefact.training?.config) === JSON.stringify(config);
  const reproducible = recorded !== null && sameConfig && recorded.rows === current.rows && recorded.features === current.features;
  return { recorded, current, sameConfig, reproducible };
}
