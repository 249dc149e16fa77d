import { describe, expect, it } from "vitest";
import { auc, brier, confusion, ece } from "./metrics.js";

describe("metrics", () => {
  it("confusion counts and rates at a threshold", () => {
    const m = confusion([0.9, 0.8, 0.4, 0.6, 0.1], [1, 1, 1, 0, 0], 0.5);
    expect([m.tp, m.fn, m.fp, m.tn]).toEqual([2, 1, 1, 1]);
    expect(m.precision).toBeCloseTo(2 / 3);
    expect(m.recall).toBeCloseTo(2 / 3);
    expect(m.fpr).toBeCloseTo(0.5);
    expect(m.specificity).toBeCloseTo(0.5);
  });

  it("all-negative sets have FPR but no recall", () => {
    const m = confusion([0.9, 0.1], [0, 0], 0.5);
    expect(m.recall).toBeNull();
    expect(m.fpr).toBe(0.5);
  });

  it("AUC counts ties as one half and is null with one class", () => {
    expect(auc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1])).toBeCloseTo(0.75);
    expect(auc([0.5, 0.5], [0, 1])).toBeCloseTo(0.5);
    expect(auc([0.5, 0.7], [0, 0])).toBeNull();
  });

  it("Brier and ECE are zero for perfect confident predictions", () => {
    expect(brier([1, 0], [1, 0])).toBe(0);
    expect(ece([1, 0], [1, 0])).toBeCloseTo(0);
    expect(ece([0.9, 0.9], [1, 0])).toBeCloseTo(0.4);
  });
});
