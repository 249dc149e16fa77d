/**
 * The trained, calibrated scam classifier. Weights are a data file (packages/detect/model/model.json)
 * built by `npm run train` from the train splits of ../shared/data; this module only reads it.
 */
import artefactJson from "../../model/model.json" with { type: "json" };
import type { ScoreInput } from "./featurize.js";
import { loadModel, type Model, type ScoreResult } from "./model.js";

export type { ScoreInput } from "./featurize.js";
export { loadModel } from "./model.js";
export { rebaseProbability } from "./calibration.js";
export type { Contribution, Model, ModelArtefact, ScoreResult } from "./model.js";

/**
 * The model built from the committed artefact.
 * @example defaultModel.threshold // e.g. 0.5
 */
export const defaultModel: Model = loadModel(artefactJson as unknown);

/**
 * Version of the committed artefact (a hash of its weights); goes into `Verdict.modelVersion`.
 * @example MODEL_VERSION // "pblr-1-908d66be"
 */
export const MODEL_VERSION: string = defaultModel.version;

/**
 * Calibrated scam probability of one analysed text under the committed model.
 * @example
 * const { text, lang, signals } = detectSignals("您好，我是微粒贷客服，请共享屏幕", { lang: "zh" });
 * const { score, threshold, contributions } = scoreText({ text, lang, signals });
 * const label = score >= threshold ? 1 : 0;
 */
export function scoreText(input: ScoreInput, options?: { topK?: number }): ScoreResult {
  return defaultModel.score(input, options);
}
