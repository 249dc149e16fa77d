/**
 * Leave-one-source-out on the TRAIN split of the held-out set, per type: fit the shipped recipe on the train splits
 * of every OTHER set (as `npm run eval` does), then score the held set's own TRAIN rows through the product path.
 * The eval's LOSO row reads the test split; this reads the train split, so a detection change can be tuned to a
 * source the model never saw without reading a test text.
 *   nice -n 10 npx tsx scripts/loso-train.ts [SET…]   (default phishing-email-en smishing-sms-en; ~1 min a set)
 *   MISSES=N prints N missed positives per type, FA=N N false alarms, to read on the screen: never into a log or a note.
 */
import { productScore } from "@scamguard/detect/analyze";
import { loadModel } from "@scamguard/detect/model/model";
import { DEFAULT_TRAIN_CONFIG, toArtefact, usesStructure } from "@scamguard/detect/model/trainer";
import type { TextSetId } from "../packages/cli/src/train/data.js";
import { resolveDataDir } from "../packages/cli/src/train/data.js";
import { toScoreInput } from "../packages/cli/src/train/extract.js";
import { fitRecipe } from "../packages/cli/src/train/index.js";
import { featurizeAll, loadAll } from "../packages/cli/src/train/pipeline.js";
import { createProgress } from "../packages/cli/src/train/progress.js";

const held = (process.argv.slice(2).length ? process.argv.slice(2) : ["phishing-email-en", "smishing-sms-en"]) as TextSetId[];
const misses = Number(process.env.MISSES ?? 0);
const fas = Number(process.env.FA ?? 0);
const config = DEFAULT_TRAIN_CONFIG;
const train = loadAll(resolveDataDir(), "train", "all");
const examples = featurizeAll(train, config.ngram, createProgress(true), usesStructure(config));
for (const set of held) {
  const keep = examples.filter((_, i) => train[i]?.set !== set);
  const recipe = fitRecipe(keep, config);
  const model = loadModel(toArtefact(recipe.fitted, config, recipe.calibration, recipe.threshold, {}));
  const byType = new Map<string, { label: number; n: number; hit: number; shown: number }>();
  let pos = 0;
  let tp = 0;
  let neg = 0;
  let fp = 0;
  for (const row of train) {
    if (row.set !== set) continue;
    const input = toScoreInput(row);
    const { score, structure: st } = productScore(input, model);
    const flagged = score >= recipe.threshold;
    const cell = byType.get(row.type) ?? { label: row.label, n: 0, hit: 0, shown: 0 };
    cell.n++;
    if (flagged) cell.hit++;
    byType.set(row.type, cell);
    if (row.label === 1) {
      pos++;
      if (flagged) tp++;
    } else {
      neg++;
      if (flagged) fp++;
    }
    const show = row.label === 1 ? !flagged && cell.shown < misses : flagged && cell.shown < fas;
    if (show) {
      cell.shown++;
      const ids = [...new Set(input.signals.filter((s) => s.weight !== 0).map((s) => s.id))].join(",");
      const open = st.robocall || st.trajectory === true || st.persona === true || st.releaseFee === true || st.decisiveLine === true || st.claimAndAsk || st.decisive;
      const bare = model.score(input, { topK: 0 }).score;
      console.log(`  ${row.label === 1 ? "MISS" : "FA"} ${row.type} ${open ? "open" : "capped"} ${score.toFixed(3)}/${bare.toFixed(3)} [${ids}] :: ${row.text.replace(/\s+/g, " ").slice(0, 400)}`);
    }
  }
  console.log(`${set} (train split, fitted without it; threshold ${recipe.threshold.toFixed(3)}): recall ${(tp / Math.max(1, pos)).toFixed(3)} (${tp}/${pos}), FPR ${(fp / Math.max(1, neg)).toFixed(3)} (${fp}/${neg})`);
  for (const [type, c] of [...byType].sort()) console.log(`   ${c.label === 1 ? "recall" : "FPR   "} ${(c.hit / c.n).toFixed(3)} (${c.hit}/${c.n}) ${type}`);
}
