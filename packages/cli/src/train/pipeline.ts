/**
 * Shared I/O-side steps of training, experiments and evaluation: load sets, extract and featurise
 * with a progress bar, and summarise scores into metrics per set.
 */
import { featurize, type FeatureBag } from "@scamguard/detect/model/featurize";
import { auc, type BinaryMetrics, brier, confusion, ece } from "@scamguard/detect/model/metrics";
import type { NgramConfig } from "@scamguard/detect/model/text-features";
import type { TrainExample } from "@scamguard/detect/model/trainer";
import { hasSet, type LabelledText, loadSplit, TEXT_SETS, TRAIN_SETS, type TextSetId } from "./data.js";
import { toScoreInput } from "./extract.js";
import type { Progress } from "./progress.js";

/**
 * Load the given split of the sets: `training` = those `scamguard train` fits on (default), `all` =
 * every labelled set present (optional sets whose folder is missing are skipped).
 * @example loadAll("/work/shared/data", "test", "all").some((r) => r.set === "smishing-sms-en") // true
 */
export function loadAll(dataDir: string, split: "train" | "test", which: "training" | "all" = "training"): LabelledText[] {
  const sets: TextSetId[] = which === "training" ? [...TRAIN_SETS] : TEXT_SETS.filter((s) => !s.optional || hasSet(dataDir, s.id)).map((s) => s.id);
  return sets.flatMap((id) => loadSplit(dataDir, id, split));
}

/**
 * Strip, normalise, detect signals and featurise every row (n-grams computed once with `ngram`; a
 * playbook-only model simply ignores them).
 */
export function featurizeAll(rows: readonly LabelledText[], ngram: NgramConfig | null, progress: Progress, structure = true): TrainExample[] {
  const label = "signals+features";
  progress.start(label, rows.length);
  const out = rows.map((r, i) => {
    const bag: FeatureBag = featurize(toScoreInput(r), ngram, structure);
    if (i % 50 === 49) progress.tick(50);
    return { bag, label: r.label, group: r.set };
  });
  progress.tick(rows.length % 50);
  progress.stop();
  return out;
}

/** Metrics of one set (or subset) at a threshold. */
export interface SetMetrics extends BinaryMetrics {
  set: string;
  auc: number | null;
  brier: number;
  ece: number;
}

/**
 * Metrics per set plus `all`, at `threshold` on calibrated scores.
 * @example metricsBySet(rows, scores, 0.5)[0].set // "teleantifraud-zh"
 */
export function metricsBySet(rows: readonly { set: string; label: 0 | 1 }[], scores: ArrayLike<number>, threshold: number): SetMetrics[] {
  const sets: string[] = [...new Set(rows.map((r) => r.set))];
  const pick = (want: (set: string) => boolean): SetMetrics => {
    const s: number[] = [];
    const y: number[] = [];
    rows.forEach((r, i) => {
      if (want(r.set)) {
        s.push(scores[i] as number);
        y.push(r.label);
      }
    });
    return { set: "", ...confusion(s, y, threshold), auc: auc(s, y), brier: brier(s, y), ece: ece(s, y) };
  };
  const out = sets.map((set) => ({ ...pick((x) => x === set), set }));
  if (sets.length > 1) out.push({ ...pick(() => true), set: "all" });
  return out;
}

const fmt = (x: number | null, digits = 3): string => (x === null ? "—" : x.toFixed(digits));

/**
 * A plain-text table of set metrics; for all-negative sets precision/recall/F1 are "—" and FPR and
 * specificity carry the result.
 */
export function formatMetrics(rows: readonly SetMetrics[]): string {
  const head = ["set", "n", "pos", "precision", "recall", "F1", "FPR", "specificity", "AUC", "Brier", "ECE"];
  const body = rows.map((m) => [
    m.set,
    String(m.n),
    String(m.positives),
    fmt(m.positives > 0 ? m.precision : null),
    fmt(m.recall),
    fmt(m.positives > 0 ? m.f1 : null),
    fmt(m.fpr),
    fmt(m.specificity),
    fmt(m.auc),
    fmt(m.brier),
    fmt(m.ece),
  ]);
  const widths = head.map((h, c) => Math.max(h.length, ...body.map((r) => (r[c] ?? "").length)));
  const line = (r: string[]) => r.map((v, c) => (c === 0 ? v.padEnd(widths[c] ?? 0) : v.padStart(widths[c] ?? 0))).join("  ");
  return [line(head), ...body.map(line)].join("\n");
}
