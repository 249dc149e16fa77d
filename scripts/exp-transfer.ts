/**
 * Recipe study for the shipped model (issue 7, "learn from the real data"): for each recipe variant, fit the
 * model on the TRAIN splits of the variant's sets (never a test split, never packages/detect/data/heldout),
 * then score every set's cleaned TEST split through the product path (`productScore`: the playbook gate bounds
 * the model, as in `analyze()`), and print recall / false-alarm rate per set beside the committed model's.
 * Each cell also counts the flags that changed against the committed model: (+scams caught -scams lost +false alarms
 * -false alarms). Writes each variant's artefact to OUT_DIR/<variant>.json, so it can be tried as model.json (probes,
 * case table). `file:PATH` scores an artefact already written; SWEEP=0.55,0.6 adds rows at other thresholds; LOSO=1
 * adds leave-one-source-out as `npm run eval` runs it, for the current recipe and each variant's config.
 *   nice -n 10 npx tsx scripts/exp-transfer.ts OUT_DIR variant…   (variants below; `shipped` = the committed model;
 *   ~30 s a playbook-only variant on a quiet machine, LOSO ~4 min a recipe, n-gram variants ~10× that)
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { productScore } from "@scamguard/detect/analyze";
import { readStructure } from "@scamguard/detect/signals/structure";
import { featurize, type ScoreInput } from "@scamguard/detect/model/featurize";
import { loadModel, type Model } from "@scamguard/detect/model/model";
import { DEFAULT_TRAIN_CONFIG, type TrainConfig, type TrainExample, toArtefact } from "@scamguard/detect/model/trainer";
import { resolveDataDir, type TextSetId } from "../packages/cli/src/train/data.js";
import { toScoreInput } from "../packages/cli/src/train/extract.js";
import { fitRecipe } from "../packages/cli/src/train/index.js";
import { loadAll } from "../packages/cli/src/train/pipeline.js";

const DIALOGUE: TextSetId[] = ["teleantifraud-zh", "bothbosu-scam-dialogue-en", "twitter-customer-care-en", "jddc-customer-service-zh"];
const REAL: TextSetId[] = ["smishing-sms-en", "fbs-spam-sms-zh", "legit-sms-money-codes", "phishing-email-en"];
const NG = { buckets: 4096, cjk: 2, latin: 3 };
const L2 = DEFAULT_TRAIN_CONFIG.l2;
interface Variant {
  sets: TextSetId[];
  config: Partial<TrainConfig>;
  /** Fit only on texts where the model decides: the gate reads a claim and an ask (or a decisive ask) and no floor applies. */
  openOnly?: boolean;
  /** Weight of texts where the model decides, against 1 for the others. */
  openBoost?: number;
}
const VARIANTS: Record<string, Variant> = {
  dialogue: { sets: DIALOGUE, config: {} },
  "dialogue-oos": { sets: DIALOGUE, config: { calibrateOn: "out-of-source" } },
  all: { sets: [...DIALOGUE, ...REAL], config: {} },
  "all-oos": { sets: [...DIALOGUE, ...REAL], config: { calibrateOn: "out-of-source" } },
  "all-cell300": { sets: [...DIALOGUE, ...REAL], config: { fullCell: 300 } },
  "all-cell300-oos": { sets: [...DIALOGUE, ...REAL], config: { fullCell: 300, calibrateOn: "out-of-source" } },
  "all-cell1000-oos": { sets: [...DIALOGUE, ...REAL], config: { fullCell: 1000, calibrateOn: "out-of-source" } },
  "boost3-cell300-oos": { sets: [...DIALOGUE, ...REAL], config: { fullCell: 300, calibrateOn: "out-of-source" }, openBoost: 3 },
  "boost10-cell300-oos": { sets: [...DIALOGUE, ...REAL], config: { fullCell: 300, calibrateOn: "out-of-source" }, openBoost: 10 },
  "open-cell300-oos": { sets: [...DIALOGUE, ...REAL], config: { fullCell: 300, calibrateOn: "out-of-source" }, openOnly: true },
  "open-cell100-oos": { sets: [...DIALOGUE, ...REAL], config: { fullCell: 100, calibrateOn: "out-of-source" }, openOnly: true },
  "open-oos": { sets: [...DIALOGUE, ...REAL], config: { calibrateOn: "out-of-source" }, openOnly: true },
  "open-cell100": { sets: [...DIALOGUE, ...REAL], config: { fullCell: 100 }, openOnly: true },
  "open-cell100-oos-ng": { sets: [...DIALOGUE, ...REAL], config: { fullCell: 100, calibrateOn: "out-of-source", ngram: NG, l2: { ...L2, ngram: 3e-2 } }, openOnly: true },
  "all-cell300-oos-ng": { sets: [...DIALOGUE, ...REAL], config: { fullCell: 300, calibrateOn: "out-of-source", ngram: NG, l2: { ...L2, ngram: 3e-2 } } },
};

const [outDir, ...names] = process.argv.slice(2);
if (!outDir || names.length === 0 || names.some((n) => n !== "shipped" && !n.startsWith("file:") && !VARIANTS[n])) {
  throw new Error(`usage: exp-transfer.ts OUT_DIR variant… (shipped, ${Object.keys(VARIANTS).join(", ")})`);
}
mkdirSync(outDir, { recursive: true });
const t0 = Date.now();
const log = (s: string) => process.stderr.write(`[${((Date.now() - t0) / 1000).toFixed(0)}s] ${s}\n`);

const dataDir = resolveDataDir();
const train = loadAll(dataDir, "train", "all");
const test = loadAll(dataDir, "test", "all");
const anyNgram = names.some((n) => VARIANTS[n]?.config.ngram);
const trainInputs: ScoreInput[] = train.map((r) => toScoreInput(r));
const isOpen = (input: ScoreInput): boolean => {
  const s = readStructure(input.text, input.signals);
  const forced = s.robocall || s.trajectory === true || s.persona === true || s.releaseFee === true || s.decisiveLine === true;
  return !forced && (s.claimAndAsk || s.decisive);
};
const trainOpen = trainInputs.map(isOpen);
const examples: TrainExample[] = train.map((r, i) => ({ bag: featurize(trainInputs[i] as ScoreInput, anyNgram ? NG : null, false), label: r.label, group: r.set }));
log(`${train.length} train rows featurised`);
const testInputs: ScoreInput[] = test.map((r) => toScoreInput(r));
log(`${test.length} test rows prepared`);
const sets = [...new Set(test.map((r) => r.set))];

const pct = (k: number, n: number) => (n === 0 ? "  —  " : (k / n).toFixed(3));
const flagsOf = (model: Model): boolean[] => test.map((_, i) => productScore(testInputs[i] as ScoreInput, model).score >= model.threshold);
const shippedModel = loadModel(JSON.parse(readFileSync(path.resolve(import.meta.dirname, "../packages/detect/model/model.json"), "utf8")));
const shippedFlags = flagsOf(shippedModel);
/** Per set: recall/FPR, then the flags that changed against the committed model (+scams caught, -scams lost, +false alarms, -false alarms). */
function table(flagged: readonly boolean[]): string[] {
  return sets.map((set) => {
    let pos = 0;
    let tp = 0;
    let neg = 0;
    let fp = 0;
    const d: [number, number, number, number] = [0, 0, 0, 0];
    test.forEach((r, i) => {
      if (r.set !== set) return;
      const was = shippedFlags[i] as boolean;
      const now = flagged[i] as boolean;
      if (r.label === 1) {
        pos++;
        if (now) tp++;
        if (now && !was) d[0]++;
        if (!now && was) d[1]++;
      } else {
        neg++;
        if (now) fp++;
        if (now && !was) d[2]++;
        if (!now && was) d[3]++;
      }
    });
    return `${pct(tp, pos)}/${pct(fp, neg)} ${d.some((x) => x > 0) ? `(+${d[0]} -${d[1]} +${d[2]}fa -${d[3]}fa)` : ""}`;
  });
}

const lines: string[] = [`${"variant".padEnd(22)}${"thr".padStart(7)}  ${sets.join(" | ")}`];
for (const name of names) {
  let model: Model;
  if (name === "shipped") {
    model = shippedModel;
  } else if (name.startsWith("file:")) {
    model = loadModel(JSON.parse(readFileSync(name.slice(5), "utf8")));
  } else {
    const v = VARIANTS[name] as Variant;
    const config: TrainConfig = { ...DEFAULT_TRAIN_CONFIG, ...v.config };
    const keep = examples.flatMap((e, i) =>
      v.sets.includes(e.group as TextSetId) && (!v.openOnly || trainOpen[i]) ? [v.openBoost && trainOpen[i] ? { ...e, weight: v.openBoost } : e] : [],
    );
    const boosted = keep;
    const bags = config.ngram ? boosted : boosted.map((e) => ({ ...e, bag: { ...e.bag, grams: new Map<number, number>() } }));
    const recipe = fitRecipe(bags, config);
    const artefact = toArtefact(recipe.fitted, config, recipe.calibration, recipe.threshold, { data: `train splits of ${v.sets.join(", ")}`, config });
    writeFileSync(path.join(outDir, `${name}.json`), `${JSON.stringify(artefact)}\n`);
    model = loadModel(artefact);
  }
  const row = `${name.padEnd(22)}${model.threshold.toFixed(4).padStart(7)}  ${table(flagsOf(model)).join(" | ")}`;
  lines.push(row);
  log(row);
  // SWEEP=0.55,0.6: the same fitted model at other operating thresholds.
  for (const t of (process.env.SWEEP ?? "").split(",").filter(Boolean).map(Number)) {
    const at = loadModel({ ...model.artefact, threshold: t });
    const swept = `${`${name}@${t}`.padEnd(22)}${t.toFixed(4).padStart(7)}  ${table(flagsOf(at)).join(" | ")}`;
    lines.push(swept);
    log(swept);
  }
}
// LOSO=1: leave-one-source-out as `npm run eval` runs it (fit on the train splits of every OTHER set, real-cases-zh
// included, score the held-out set's test split through the product path), for the shipped recipe and each variant's config.
if (process.env.LOSO) {
  const losoLines: string[] = [`${"recipe".padEnd(22)}  ${sets.join(" | ")}`];
  for (const name of ["default", ...names.filter((n) => VARIANTS[n])]) {
    const v: Variant = name === "default" ? { sets: [], config: {} } : (VARIANTS[name] as Variant);
    const config: TrainConfig = { ...DEFAULT_TRAIN_CONFIG, ...v.config };
    const flagged = new Array<boolean>(test.length).fill(false);
    for (const held of sets) {
      const keep = examples.flatMap((e, i) => (e.group !== held && (!v.openOnly || trainOpen[i]) ? [v.openBoost && trainOpen[i] ? { ...e, weight: v.openBoost } : e] : []));
      const bags = config.ngram ? keep : keep.map((e) => ({ ...e, bag: { ...e.bag, grams: new Map<number, number>() } }));
      const recipe = fitRecipe(bags, config);
      const model = loadModel(toArtefact(recipe.fitted, config, recipe.calibration, recipe.threshold, {}));
      test.forEach((r, i) => {
        if (r.set === held) flagged[i] = productScore(testInputs[i] as ScoreInput, model).score >= model.threshold;
      });
      log(`loso ${name}: ${held} (threshold ${recipe.threshold})`);
    }
    const row = `${name.padEnd(22)}  ${table(flagged).join(" | ")}`;
    losoLines.push(row);
    log(row);
  }
  console.log(`leave-one-source-out, test splits, product path: recall/FPR per set (changes against the committed model)\n${losoLines.join("\n")}`);
}
console.log(`test splits, cleaned, product path: recall/FPR per set\n${lines.join("\n")}`);
