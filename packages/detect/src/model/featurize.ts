/**
 * One text → its feature bag: named playbook and structure features plus (optionally) hashed
 * character n-grams. Deterministic and pure; training and inference call exactly this function.
 */
import type { Lang, Signal } from "@scamguard/contracts";
import { featureSignals } from "../signals/structure.js";
import type { NormalizedText } from "../types.js";
import { signalFeatureName, signalFeatures } from "./signal-features.js";
import { hashedNgrams, type NgramConfig, structureFeatures } from "./text-features.js";

/** What the model scores: the output of `detectSignals()`. */
export interface ScoreInput {
  text: NormalizedText;
  lang: Lang;
  signals: readonly Signal[];
}

/**
 * Named features (name → value in [0, 1]), n-gram buckets (bucket → value), and the expert weight
 * the signal engine gave each per-signal feature (`sig:…` name → lexicon weight), which is the prior
 * mean of that feature's model weight.
 */
export interface FeatureBag {
  named: Map<string, number>;
  grams: Map<number, number>;
  signalWeights: Map<string, number>;
}

/** Longest text featurised; beyond it only the head is used (bounded time on 1 MB input). */
export const MAX_FEATURE_CHARS = 16_384;

/**
 * Featurise one analysed text. `ngrams` null skips the n-gram component; `structure` false skips the
 * turn-structure and surface features (the shipped model does not use them, see trainer.ts).
 * @example featurize({ text, lang: "zh", signals }, { buckets: 4096, cjk: 2, latin: 3 }).named.get("fam:money")
 */
export function featurize(input: ScoreInput, ngrams: NgramConfig | null, structure = true): FeatureBag {
  const normalized = input.text.normalized.slice(0, MAX_FEATURE_CHARS);
  // A bare link in a long text or a dialogue is a reference, not an ask: no feature (see featureSignals).
  const signals = featureSignals(input.signals, input.text);
  const named = signalFeatures(signals, input.text.original.slice(0, MAX_FEATURE_CHARS * 4));
  const signalWeights = new Map<string, number>();
  for (const s of signals) signalWeights.set(signalFeatureName(s), s.weight);
  if (structure) for (const [k, v] of structureFeatures(normalized)) named.set(k, v);
  const grams = ngrams ? hashedNgrams(normalized, ngrams) : new Map<number, number>();
  return { named, grams, signalWeights };
}
