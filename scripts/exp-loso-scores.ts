/**
 * Leave-one-source-out for model and gate experiments (issue 7): for each training-recipe variant and each
 * held-out set X, fit the recipe on the TRAIN splits of every other set (exactly as `npm run eval`'s LOSO does)
 * and score every row of X, its TRAIN and its TEST split, bare and through the playbook gate. Prints, per set,
 * recall/FPR of the product gate, of the bare model, and of the gate plus a "confident score" path (a one-sided,
 * non-warning text without a marketing opt-out passes when the model score ≥ T). T is chosen on the out-of-source
 * TRAIN-split scores only: the smallest T whose added false alarms stay ≤ 0.5 points on every set. Writes the
 * scores as JSON per variant for further analysis.
 *   nice -n 10 npx tsx scripts/exp-loso-scores.ts OUT_DIR variant…   (variants below; ~2 min for `base` on a quiet
 *   machine, n-gram variants ~10× that)
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { featurize, type ScoreInput } from "@scamguard/detect/model/featurize";
import { loadModel } from "@scamguard/detect/model/model";
import { DEFAULT_TRAIN_CONFIG, type TrainConfig, type TrainExample, toArtefact } from "@scamguard/detect/model/trainer";
import { lexiconHits } from "@scamguard/detect/signals/lexicon-scan";
import { gateScore, type PlaybookStructure, readStructure, scoredSignals } from "@scamguard/detect/signals/structure";
import { resolveDataDir } from "../packages/cli/src/train/data.js";
import { toScoreInput } from "../packages/cli/src/train/extract.js";
import { fitRecipe } from "../packages/cli/src/train/index.js";
import { loadAll } from "../packages/cli/src/train/pipeline.js";

const NG = { buckets: 4096, cjk: 2, latin: 3 };
const L2 = DEFAULT_TRAIN_CONFIG.l2;
/** Recipe variants; `base` is the shipped recipe. */
const VARIANTS: Record<string, Partial<TrainConfig>> = {
  base: {},
  "ng-3e-2": { ngram: NG, l2: { ...L2, ngram: 3e-2 } },
  "ng-3e-3": { ngram: NG, l2: { ...L2, ngram: 3e-3 } },
  surface: { dropPrefixes: ["turn:question", "turn:second-person"] },
};
/** Candidate thresholds of the confident-score path, and the most it may add to any set's FPR on train splits. */
const CONFIDENT = [0.8, 0.85, 0.9, 0.93, 0.95, 0.97, 0.99];
const MAX_ADDED_FPR = 0.005;

const [outDir, ...names] = process.argv.slice(2);
if (!outDir || names.length === 0 || names.some((n) => !VARIANTS[n])) {
  throw new Error(`usage: exp-loso-scores.ts OUT_DIR variant… (${Object.keys(VARIANTS).join(", ")})`);
}
mkdirSync(outDir, { recursive: true });
const t0 = Date.now();
const log = (s: string) => process.stderr.write(`[${((Date.now() - t0) / 1000).toFixed(0)}s] ${s}\n`);

const dataDir = resolveDataDir();
const train = loadAll(dataDir, "train", "all");
const test = loadAll(dataDir, "test", "all");
const rows = [...train.map((r) => ({ ...r, split: "train" as const })), ...test.map((r) => ({ ...r, split: "test" as const }))];
interface Prepared {
  input: ScoreInput;
  scored: ScoreInput;
  structure: PlaybookStructure;
  optOut: boolean;
}
const prepared: Prepared[] = rows.map((r) => {
  const input = toScoreInput(r);
  const structure = readStructure(input.text, input.signals);
  const scored = { text: input.text, lang: input.lang, signals: scoredSignals([...input.signals], structure) };
  return { input, scored, structure, optOut: lexiconHits(input.text, "optOutZh").length > 0 };
});
const anyNgram = names.some((n) => VARIANTS[n]?.ngram);
// Structure features are computed for every variant; the shipped recipe drops them by prefix.
const examples: TrainExample[] = train.map((r, i) => ({ bag: featurize((prepared[i] as Prepared).input, anyNgram ? NG : null, true), label: r.label, group: r.set }));
log(`${rows.length} rows prepared and featurised`);

interface Scored {
  split: "train" | "test";
  set: string;
  label: 0 | 1;
  bare: number;
  threshold: number;
  gated: number;
  /** One-sided, not a warning, no opt-out: where the confident path could apply. */
  open: boolean;
}
const sets = [...new Set(test.map((r) => r.set))];
const pct = (x: number | null) => (x === null ? "—" : x.toFixed(3));

for (const name of names) {
  const config: TrainConfig = { ...DEFAULT_TRAIN_CONFIG, ...VARIANTS[name] };
  const useGrams = config.ngram !== null;
  const out: Scored[] = [];
  for (const held of sets) {
    const keep = examples.filter((_, i) => train[i]?.set !== held);
    const bags = useGrams ? keep : keep.map((e) => ({ ...e, bag: { ...e.bag, grams: new Map<number, number>() } }));
    const recipe = fitRecipe(bags, config);
    const model = loadModel(toArtefact(recipe.fitted, config, recipe.calibration, recipe.threshold, {}));
    rows.forEach((r, i) => {
      if (r.set !== held) return;
      const p = prepared[i] as Prepared;
      const bare = model.score(p.scored, { topK: 0 }).score;
      const s = p.structure;
      const open = !s.robocall && s.trajectory !== true && !s.claimAndAsk && !s.decisive && !s.warning && !p.optOut;
      out.push({ split: r.split, set: r.set, label: r.label, bare, threshold: recipe.threshold, gated: gateScore(bare, recipe.threshold, s), open });
    });
    log(`${name}: ${held} done (threshold ${recipe.threshold})`);
  }
  writeFileSync(path.join(outDir, `${name}.json`), JSON.stringify(out));

  type Rule = (x: Scored) => boolean;
  const product: Rule = (x) => x.gated >= x.threshold;
  const bare: Rule = (x) => x.bare >= x.threshold;
  const confident =
    (t: number): Rule =>
    (x) =>
      product(x) || (x.open && x.bare >= t);
  const table = (split: "train" | "test", flagged: Rule) =>
    sets.map((set) => {
      const own = out.filter((x) => x.split === split && x.set === set);
      const pos = own.filter((x) => x.label === 1);
      const neg = own.filter((x) => x.label === 0);
      return {
        set,
        recall: pos.length ? pos.filter(flagged).length / pos.length : null,
        fpr: neg.length ? neg.filter(flagged).length / neg.length : null,
      };
    });
  const line = (label: string, t: ReturnType<typeof table>) => `  ${label.padEnd(16)}${t.map((c) => `${pct(c.recall)}/${pct(c.fpr)}`.padStart(13)).join("")}`;
  const baseTrain = table("train", product);
  let chosen: number | null = null;
  for (const t of CONFIDENT) {
    const added = table("train", confident(t)).map((c, k) => (c.fpr ?? 0) - (baseTrain[k]?.fpr ?? 0));
    if (Math.max(...added) <= MAX_ADDED_FPR) {
      chosen = t;
      break;
    }
  }
  console.log(`\n${name}: LOSO recall/FPR per held-out set (test split unless marked)`);
  console.log(`  ${"".padEnd(16)}${sets.map((s) => s.slice(0, 12).padStart(13)).join("")}`);
  console.log(line("product", table("test", product)));
  console.log(line("bare model", table("test", bare)));
  for (const t of CONFIDENT) console.log(line(`confident ${t}`, table("test", confident(t))));
  console.log(line("product (train)", baseTrain));
  console.log(`  confident T chosen on train splits (added FPR ≤ ${MAX_ADDED_FPR} on every set): ${chosen ?? "none"}`);
}
log("done");
