/**
 * Text → what the model scores, through the product's own normalisation and signal engine, after
 * dataset-artefact stripping. Training and evaluation both go through here.
 */
import type { ScoreInput } from "@scamguard/detect/model/featurize";
import { detectSignals } from "@scamguard/detect/signals/index";
import type { LabelledText } from "./data.js";
import { stripArtefacts } from "./strip.js";

/**
 * Strip artefacts, normalise and detect signals for one labelled text.
 * @example toScoreInput({ text: "A: 请共享屏幕", lang: "zh", ... }).signals
 */
export function toScoreInput(row: Pick<LabelledText, "text" | "lang">, strip = true): ScoreInput {
  const text = strip ? stripArtefacts(row.text) : row.text;
  return detectSignals(text, { lang: row.lang });
}
