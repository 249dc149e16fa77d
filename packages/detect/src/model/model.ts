/**
 * The model artefact (a JSON data file built by `scamguard train`) and inference over it.
 * Inference = featurize → dot product → calibration; a few microseconds on top of signal extraction.
 */
import { type Calibration, calibrate } from "./calibration.js";
import { type FeatureBag, featurize, type ScoreInput } from "./featurize.js";
import type { NgramConfig } from "./text-features.js";

/** What `scamguard train` writes to packages/detect/model/model.json. */
export interface ModelArtefact {
  format: "scamguard-logreg";
  formatVersion: 1;
  /** Stable id of this artefact, e.g. `pblr-1-3f2a9c01` (also the verdict's `modelVersion`). */
  version: string;
  /** Hashed n-gram settings; null when the model uses playbook features only. */
  ngram: NgramConfig | null;
  /** Whether turn-structure/surface features are computed (absent = true). */
  structure?: boolean;
  bias: number;
  /** Named feature → weight (zero weights omitted). */
  named: Record<string, number>;
  /** Weight per n-gram bucket (length = ngram.buckets), or null. */
  grams: number[] | null;
  calibration: Calibration;
  /**
   * Per-signal weights default to `scale × lexicon weight` (the prior mean used in training) for
   * signals the training data never showed, so a rare but decisive tactic (安全账户, screen share)
   * still counts. Absent: unseen signals count 0.
   */
  signalPrior?: { scale: number };
  /** Operating threshold on the calibrated score: label 1 when score ≥ threshold. */
  threshold: number;
  /** How it was trained and what it scored out of fold; informational. */
  training: Record<string, unknown>;
}

/** One feature's share of the logit. `feature` `text:ngrams` sums the whole n-gram component. */
export interface Contribution {
  feature: string;
  value: number;
  contribution: number;
}

/** The model's answer for one text. */
export interface ScoreResult {
  /** Calibrated probability that the text is a scam. */
  score: number;
  threshold: number;
  /** Raw (uncalibrated) logit. */
  logit: number;
  /** Largest contributions to the logit by absolute size, largest first. */
  contributions?: Contribution[];
}

/** A loaded, ready-to-score model. */
export interface Model {
  readonly version: string;
  readonly threshold: number;
  readonly artefact: ModelArtefact;
  /** Score one analysed text; `topK` contributions (default 5, 0 for none). */
  score(input: ScoreInput, options?: { topK?: number }): ScoreResult;
}

/**
 * Validate an artefact (parsed JSON) and return a model that scores with it.
 * @example const model = loadModel(JSON.parse(fs.readFileSync("model.json", "utf8"))); model.score(detectSignals(text)).score
 */
export function loadModel(json: unknown): Model {
  const a = json as ModelArtefact;
  if (!a || typeof a !== "object" || a.format !== "scamguard-logreg" || a.formatVersion !== 1) {
    throw new Error("model: not a scamguard-logreg v1 artefact");
  }
  if (typeof a.bias !== "number" || typeof a.threshold !== "number" || !a.named || !a.calibration) {
    throw new Error("model: artefact is missing bias, threshold, named weights or calibration");
  }
  if (a.ngram && (!a.grams || a.grams.length !== a.ngram.buckets)) {
    throw new Error("model: n-gram weights do not match ngram.buckets");
  }
  const named = new Map(Object.entries(a.named));
  const grams = a.ngram && a.grams ? Float64Array.from(a.grams) : null;
  return {
    version: a.version,
    threshold: a.threshold,
    artefact: a,
    score(input, options = {}) {
      const bag = featurize(input, a.ngram, a.structure ?? true);
      return scoreBag(bag, named, grams, a.signalPrior?.scale ?? 0, a.bias, a.calibration, a.threshold, options.topK ?? 5);
    },
  };
}

function scoreBag(
  bag: FeatureBag,
  named: Map<string, number>,
  grams: Float64Array | null,
  priorScale: number,
  bias: number,
  cal: Calibration,
  threshold: number,
  topK: number,
): ScoreResult {
  let z = bias;
  // Top-k by |contribution| kept by insertion into a k-slot list: no per-feature objects.
  const top: Contribution[] = [];
  const consider = (feature: string, value: number, contribution: number) => {
    if (topK <= 0) return;
    const size = Math.abs(contribution);
    if (top.length === topK && size <= Math.abs((top[topK - 1] as Contribution).contribution)) return;
    let at = top.length;
    while (at > 0 && Math.abs((top[at - 1] as Contribution).contribution) < size) at--;
    top.splice(at, 0, { feature, value, contribution });
    if (top.length > topK) top.pop();
  };
  for (const [name, value] of bag.named) {
    let w = named.get(name);
    if (w === undefined) {
      const prior = bag.signalWeights.get(name);
      if (prior === undefined || priorScale === 0) continue;
      w = priorScale * prior;
    }
    z += w * value;
    consider(name, value, w * value);
  }
  if (grams) {
    let g = 0;
    for (const [bucket, value] of bag.grams) g += (grams[bucket] ?? 0) * value;
    z += g;
    consider("text:ngrams", bag.grams.size, g);
  }
  const result: ScoreResult = { score: calibrate(cal, z), threshold, logit: z };
  if (topK > 0) {
    for (const c of top) c.contribution = Math.round(c.contribution * 1e4) / 1e4;
    result.contributions = top;
  }
  return result;
}
