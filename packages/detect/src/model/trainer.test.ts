import { describe, expect, it } from "vitest";
import type { FeatureBag } from "./featurize.js";
import { loadModel } from "./model.js";
import { seededRandom } from "./rng.js";
import {
  buildDesign,
  calibrateAll,
  chooseThreshold,
  crossValidate,
  DEFAULT_TRAIN_CONFIG,
  fitCalibration,
  fitLinear,
  groupWeights,
  logitOf,
  outOfSourceLogits,
  type TrainExample,
  toArtefact,
} from "./trainer.js";

const bag = (named: Record<string, number>, signalWeights: Record<string, number> = {}): FeatureBag => ({
  named: new Map(Object.entries(named)),
  grams: new Map(),
  signalWeights: new Map(Object.entries(signalWeights)),
});

/** Scams carry money+credential with noise; negatives mostly nothing, sometimes one family. */
function toyExamples(seed: number): TrainExample[] {
  const r = seededRandom(seed);
  const out: TrainExample[] = [];
  for (let i = 0; i < 120; i++) {
    const scam = i % 3 !== 0;
    const named: Record<string, number> = {};
    if (scam || r() < 0.15) named["fam:money"] = 1;
    if (scam && r() < 0.8) named["fam:credential"] = 1;
    if (r() < 0.3) named["turn:question-ratio"] = r();
    if (scam && named["fam:money"] && named["fam:credential"]) named["co:credential+money"] = 1;
    out.push({ bag: bag(named), label: scam ? 1 : 0, group: i % 2 === 0 ? "a" : "b" });
  }
  return out;
}

const CONFIG = { ...DEFAULT_TRAIN_CONFIG, epochs: 80, folds: 3, minCount: 2, dropPrefixes: [] };

describe("trainer", () => {
  it("gives each class half the weight, split evenly across its groups", () => {
    const w = groupWeights([
      { label: 1, group: "a" },
      { label: 0, group: "b" },
      { label: 0, group: "b" },
      { label: 0, group: "c" },
    ]);
    expect(Array.from(w)).toEqual([2, 0.5, 0.5, 1]);
  });

  it("with fullCell, a small (set, label) cell carries only its share of a full cell's mass", () => {
    const rows = [
      ...Array.from({ length: 4 }, () => ({ label: 1 as const, group: "a" })),
      { label: 1 as const, group: "b" },
      ...Array.from({ length: 5 }, () => ({ label: 0 as const, group: "c" })),
    ];
    const even = Array.from(groupWeights(rows));
    const capped = Array.from(groupWeights(rows, 4));
    // Without a cell size, b's one scam weighs as much as a's four together; with 4, a quarter of that.
    expect(even[4]).toBeCloseTo(4 * (even[0] as number));
    expect(capped[4]).toBeCloseTo(capped[0] as number);
    expect(capped.slice(5)).toEqual(even.slice(5));
    // An extra per-example weight multiplies the cell share.
    expect(groupWeights([{ label: 1, group: "a", weight: 3 }, { label: 0, group: "b" }])[0]).toBe(3);
  });

  it("scores each source group out of source: by a fit that never read that group", () => {
    const examples = toyExamples(3);
    const oos = outOfSourceLogits(examples, CONFIG);
    const onlyB = examples.filter((e) => e.group === "b");
    const fitted = fitLinear(onlyB, CONFIG);
    const i = examples.findIndex((e) => e.group === "a");
    expect(oos[i]).toBeCloseTo(logitOf(fitted, (examples[i] as TrainExample).bag, false));
    expect(Array.from(oos).every(Number.isFinite)).toBe(true);
  });

  it("gives per-signal features a column even when rare, other features only from minCount", () => {
    const d = buildDesign([{ bag: bag({ "sig:money:safe-account@money": 1, "fam:money": 1 }, { "sig:money:safe-account@money": 1 }), label: 1, group: "a" }], null, 5);
    expect(d.names).toEqual(["sig:money:safe-account@money"]);
    expect(Array.from(d.priors)).toEqual([1]);
  });

  it("is deterministic end to end: same examples and seed, same artefact", () => {
    const run = () => {
      const examples = toyExamples(5);
      const oof = crossValidate(examples, CONFIG);
      const labels = examples.map((e) => e.label);
      const weights = groupWeights(examples);
      const cal = fitCalibration(oof, labels, weights, "platt");
      const threshold = chooseThreshold(calibrateAll(cal, oof), labels, weights);
      return toArtefact(fitLinear(examples, CONFIG), CONFIG, cal, threshold, {});
    };
    const a = run();
    expect(run()).toEqual(a);
    expect(a.version).toMatch(/^pblr-1-[0-9a-f]{8}$/);
    expect(a.named["co:credential+money"]).toBeGreaterThan(0);
    const model = loadModel(JSON.parse(JSON.stringify(a)));
    const input = { text: { original: "", normalized: "", toOriginal: Int32Array.of(0) }, lang: "en" as const, signals: [] };
    expect(model.score(input).score).toBeLessThan(a.threshold);
  });

  it("picks the threshold that maximises weighted F1, never below 0.5", () => {
    expect(chooseThreshold([0.9, 0.2, 0.7], [1, 0, 0], [1, 1, 1])).toBe(0.9);
    expect(chooseThreshold([0.3, 0.2], [1, 0], [1, 1])).toBe(0.5);
  });

  it("scores signals unseen in training with the lexicon-weight prior", () => {
    const a = toArtefact(fitLinear(toyExamples(2), CONFIG), CONFIG, { kind: "platt", a: 1, b: 0 }, 0.5, {});
    const model = loadModel(a);
    const text = { original: "安全账户", normalized: "安全账户", toOriginal: Int32Array.from([0, 1, 2, 3, 4]) };
    const signal = { id: "money:never-seen", family: "money" as const, stage: "money" as const, weight: 1, description: "", evidence: [{ start: 0, end: 4, text: "安全账户" }] };
    const withSignal = model.score({ text, lang: "zh", signals: [signal] });
    const without = model.score({ text, lang: "zh", signals: [] });
    expect(withSignal.logit - without.logit).toBeGreaterThanOrEqual(CONFIG.signalPriorScale - 1e-9);
    expect(withSignal.contributions?.some((c) => c.feature === "sig:money:never-seen@money")).toBe(true);
  });
});
