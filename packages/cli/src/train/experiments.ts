/**
 * Cross-set generalisation experiments, on TRAIN splits only (test splits stay untouched for
 * `scamguard eval`): fit on some sets, score a held-out set, for each model variant. This is what
 * decides whether n-grams and sign constraints stay in the recipe.
 */
import { sigmoid } from "@scamguard/detect/model/logreg";
import { auc, confusion } from "@scamguard/detect/model/metrics";
import { DEFAULT_TRAIN_CONFIG, fitLinear, logitOf, type TrainConfig, type TrainExample } from "@scamguard/detect/model/trainer";
import { resolveDataDir, type TextSetId } from "./data.js";
import { featurizeAll, loadAll } from "./pipeline.js";
import { createProgress } from "./progress.js";

/** One train → held-out scenario. */
export interface Scenario {
  name: string;
  train: TextSetId[];
  test: TextSetId[];
}

/** The scenarios reported: across languages, and leave-one-source-out within the mix. */
export const SCENARIOS: Scenario[] = [
  { name: "zh→en", train: ["teleantifraud-zh", "jddc-customer-service-zh"], test: ["bothbosu-scam-dialogue-en", "twitter-customer-care-en"] },
  { name: "en→zh", train: ["bothbosu-scam-dialogue-en", "twitter-customer-care-en"], test: ["teleantifraud-zh", "jddc-customer-service-zh"] },
  { name: "hold out teleantifraud", train: ["bothbosu-scam-dialogue-en", "twitter-customer-care-en", "jddc-customer-service-zh"], test: ["teleantifraud-zh"] },
  { name: "hold out bothbosu", train: ["teleantifraud-zh", "twitter-customer-care-en", "jddc-customer-service-zh"], test: ["bothbosu-scam-dialogue-en"] },
  { name: "hold out jddc (FPR)", train: ["teleantifraud-zh", "bothbosu-scam-dialogue-en", "twitter-customer-care-en"], test: ["jddc-customer-service-zh"] },
  { name: "hold out twitter (FPR)", train: ["teleantifraud-zh", "bothbosu-scam-dialogue-en", "jddc-customer-service-zh"], test: ["twitter-customer-care-en"] },
];

/** Model variants compared. */
const L2 = DEFAULT_TRAIN_CONFIG.l2;
/** The n-gram component the "+ngram" variants add (the shipped recipe has none). */
const NGRAM = { buckets: 4096, cjk: 2, latin: 3 };
export const VARIANTS: { name: string; config: Partial<TrainConfig> }[] = [
  { name: "shipped recipe", config: {} },
  { name: "no signal prior", config: { signalPriorScale: 0 } },
  { name: "no claim+ask features", config: { dropPrefixes: ["turn:", "surface:", "playbook:claim+ask", "playbook:ask-families"] } },
  { name: "no sign constraints", config: { signConstraints: false } },
  { name: "+turn/surface, signed", config: { dropPrefixes: ["turn:question", "turn:second-person"] } },
  { name: "+turn/surface, free", config: { structureSigns: false, dropPrefixes: [] } },
  { name: "+ngram l2=3e-2", config: { ngram: NGRAM, l2: { ...L2, ngram: 3e-2 } } },
  { name: "+ngram l2=3e-3", config: { ngram: NGRAM, l2: { ...L2, ngram: 3e-3 } } },
  { name: "+ngram l2=3e-4", config: { ngram: NGRAM, l2: { ...L2, ngram: 3e-4 } } },
  { name: "ngram only l2=3e-4", config: { ngram: NGRAM, l2: { named: 1e3, signal: 1e3, ngram: 3e-4 }, signConstraints: false, signalPriorScale: 0 } },
];

/** Result of one (scenario, variant) cell. Threshold is σ(logit) ≥ 0.5 (balanced training weights). */
export interface ExperimentResult {
  scenario: string;
  variant: string;
  n: number;
  recall: number | null;
  fpr: number | null;
  f1: number | null;
  auc: number | null;
}

/**
 * Run every scenario × variant and print a table to stderr; returns the cells.
 * @example await runExperiments({ seed: 1 })
 */
export async function runExperiments(opts: { dataDir?: string; seed?: number; quiet?: boolean } = {}): Promise<ExperimentResult[]> {
  const progress = createProgress(opts.quiet ?? false);
  const rows = loadAll(resolveDataDir(opts.dataDir), "train");
  const all = featurizeAll(rows, NGRAM, progress);
  const results: ExperimentResult[] = [];
  const only = process.env.SCAMGUARD_EXPERIMENTS?.split(",");
  const variants = only ? VARIANTS.filter((v) => only.includes(v.name)) : VARIANTS;
  progress.start("experiments", SCENARIOS.length * variants.length);
  for (const scenario of SCENARIOS) {
    const train: TrainExample[] = [];
    const test: { e: TrainExample; label: number }[] = [];
    all.forEach((e, i) => {
      const set = rows[i]?.set as TextSetId;
      if (scenario.train.includes(set)) train.push(e);
      else if (scenario.test.includes(set)) test.push({ e, label: e.label });
    });
    for (const variant of variants) {
      const config: TrainConfig = { ...DEFAULT_TRAIN_CONFIG, ...variant.config, seed: opts.seed ?? DEFAULT_TRAIN_CONFIG.seed };
      const fitted = fitLinear(train, config);
      const useGrams = config.ngram !== null;
      const scores = test.map((t) => sigmoid(logitOf(fitted, t.e.bag, useGrams)));
      const labels = test.map((t) => t.label);
      const m = confusion(scores, labels, 0.5);
      results.push({ scenario: scenario.name, variant: variant.name, n: test.length, recall: m.recall, fpr: m.fpr, f1: m.f1, auc: auc(scores, labels) });
      progress.tick();
    }
  }
  progress.stop();
  if (!opts.quiet) process.stderr.write(`${formatExperiments(results)}\n`);
  return results;
}

const fmt = (x: number | null): string => (x === null ? "—" : x.toFixed(3));

/** A plain-text table of experiment cells. */
export function formatExperiments(results: readonly ExperimentResult[]): string {
  const lines = ["scenario                  variant                          n      recall  FPR     F1      AUC"];
  for (const r of results) {
    lines.push(
      `${r.scenario.padEnd(26)}${r.variant.padEnd(33)}${String(r.n).padEnd(7)}${fmt(r.recall).padEnd(8)}${fmt(r.fpr).padEnd(8)}${fmt(r.f1).padEnd(8)}${fmt(r.auc)}`,
    );
  }
  return lines.join("\n");
}
