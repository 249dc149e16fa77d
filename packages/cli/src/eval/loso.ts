/**
 * Leave-one-source-out: for each labelled set X, fit the shipped training recipe (the trainer of
 * `scamguard train`, same config and seed) on the TRAIN splits of every other set, then score X's TEST
 * split. The model never saw X's source, its phrasing or its artefacts: this is the figure that says
 * how the engine does on messages from a source we do not have. Each row is scored through the product
 * path (`productScore`: the playbook structure bounds the model, as in `analyze()`); `model` holds the
 * bare model's figures, which show how much the recipe leans on the structure gate.
 */
import { productScore } from "@scamguard/detect/analyze";
import type { ScoreInput } from "@scamguard/detect/model/featurize";
import { loadModel } from "@scamguard/detect/model/model";
import { DEFAULT_TRAIN_CONFIG, type TrainConfig, toArtefact, usesStructure } from "@scamguard/detect/model/trainer";
import type { LabelledText, TextSetId } from "../train/data.js";
import { toScoreInput } from "../train/extract.js";
import { fitRecipe } from "../train/index.js";
import { featurizeAll, metricsBySet, type SetMetrics } from "../train/pipeline.js";
import type { Progress } from "../train/progress.js";

/** One held-out set's result. */
export interface LosoRow extends SetMetrics {
  /** The sets the model was fitted on (train splits). */
  fittedOn: TextSetId[];
  threshold: number;
  /** The same fitted model scored bare, without the structure gate. */
  model: SetMetrics;
}

/**
 * Run leave-one-source-out over the sets present in `test`.
 * @example const rows = runLoso(trainRows, testRows, progress); rows.find((r) => r.set === "smishing-sms-en")?.recall
 */
export function runLoso(
  train: readonly LabelledText[],
  test: readonly LabelledText[],
  progress: Progress,
  config: TrainConfig = DEFAULT_TRAIN_CONFIG,
  testInputs?: readonly ScoreInput[],
): LosoRow[] {
  const examples = featurizeAll(train, config.ngram, progress, usesStructure(config));
  const inputs = testInputs ?? test.map((r) => toScoreInput(r));
  const sets = [...new Set(test.map((r) => r.set))];
  const out: LosoRow[] = [];
  progress.start("leave-one-source-out", sets.length * (config.folds + 1) * config.epochs);
  for (const held of sets) {
    const keep = examples.filter((_, i) => train[i]?.set !== held);
    const fittedOn = [...new Set(train.filter((r) => r.set !== held).map((r) => r.set))];
    // A recipe needs both labels to fit; skip a hold-out that would leave one class only.
    if (!keep.some((e) => e.label === 1) || !keep.some((e) => e.label === 0)) continue;
    const recipe = fitRecipe(keep, config, () => progress.tick());
    const model = loadModel(toArtefact(recipe.fitted, config, recipe.calibration, recipe.threshold, {}));
    const rows: { set: string; label: 0 | 1 }[] = [];
    const scores: number[] = [];
    const bare: number[] = [];
    test.forEach((r, i) => {
      if (r.set !== held) return;
      rows.push(r);
      scores.push(productScore(inputs[i] as ScoreInput, model).score);
      bare.push(model.score(inputs[i] as ScoreInput, { topK: 0 }).score);
    });
    const [metrics] = metricsBySet(rows, scores, recipe.threshold);
    const [bareMetrics] = metricsBySet(rows, bare, recipe.threshold);
    if (metrics && bareMetrics) out.push({ ...metrics, set: held, fittedOn, threshold: recipe.threshold, model: bareMetrics });
  }
  progress.stop();
  return out;
}
