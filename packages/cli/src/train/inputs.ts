/**
 * What a fit reads, as digests, so that model.json records what it was fitted on and a later run can tell
 * whether `scamguard train` would reproduce it: the training rows (set, id, label and text as read) and the
 * feature bags the signal engine makes of them. Training is deterministic (full-batch, seeded folds, sorted
 * features), so the same rows, features and config give the same file byte for byte; a lexicon or structure
 * change since the fit shows in `features` while `rows` stays the same.
 */
import { createHash } from "node:crypto";
import type { TrainExample } from "@scamguard/detect/model/trainer";
import type { LabelledText } from "./data.js";

/** Digests of a fit's inputs, as recorded in the artefact's `training.inputs`. @example { rows: "sha256:3f…", features: "sha256:9a…" } */
export interface TrainingInputs {
  rows: string;
  features: string;
}

const byKey = <K extends string | number>(a: [K, number], b: [K, number]): number => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

/**
 * Digests of the rows and of their feature bags (each bag's entries in key order; values as JavaScript prints them).
 * @example trainingInputs(rows, featurizeAll(rows, null, progress)).features // "sha256:…"
 */
export function trainingInputs(rows: readonly LabelledText[], examples: readonly TrainExample[]): TrainingInputs {
  const rowHash = createHash("sha256");
  for (const r of rows) rowHash.update(`${r.set}\u0000${r.id}\u0000${r.label}\u0000${r.text}\u0001`);
  const featureHash = createHash("sha256");
  for (const e of examples) {
    featureHash.update(`${e.group}\u0000${e.label}\u0000`);
    for (const [k, v] of [...e.bag.named].sort(byKey)) featureHash.update(`${k}=${v};`);
    featureHash.update("\u0000");
    for (const [k, v] of [...e.bag.grams].sort(byKey)) featureHash.update(`${k}=${v};`);
    featureHash.update("\u0000");
    for (const [k, v] of [...e.bag.signalWeights].sort(byKey)) featureHash.update(`${k}=${v};`);
    featureHash.update("\u0001");
  }
  return { rows: `sha256:${rowHash.digest("hex")}`, features: `sha256:${featureHash.digest("hex")}` };
}
