import { describe, expect, it } from "vitest";
import { calibrate, fitIsotonic, fitPlatt, rebaseProbability } from "./calibration.js";
import { seededRandom } from "./rng.js";
import { sigmoid } from "./logreg.js";

const noisy = () => {
  const r = seededRandom(11);
  const z: number[] = [];
  const y: number[] = [];
  for (let i = 0; i < 500; i++) {
    const v = r() * 8 - 4;
    z.push(v);
    y.push(r() < sigmoid(0.5 * v - 0.5) ? 1 : 0);
  }
  return { z, y };
};

describe("calibration", () => {
  it("Platt recovers a shrunken slope and is monotone", () => {
    const { z, y } = noisy();
    const cal = fitPlatt(z, y);
    if (cal.kind !== "platt") throw new Error("kind");
    expect(cal.a).toBeGreaterThan(0.3);
    expect(cal.a).toBeLessThan(0.8);
    let prev = -1;
    for (let v = -10; v <= 10; v += 0.25) {
      const p = calibrate(cal, v);
      expect(p).toBeGreaterThanOrEqual(prev);
      prev = p;
    }
  });

  it("isotonic is monotone, within (0, 1), and flat beyond the data", () => {
    const { z, y } = noisy();
    const cal = fitIsotonic(z, y);
    let prev = -1;
    for (let v = -10; v <= 10; v += 0.1) {
      const p = calibrate(cal, v);
      expect(p).toBeGreaterThanOrEqual(prev);
      expect(p).toBeGreaterThan(0);
      expect(p).toBeLessThan(1);
      prev = p;
    }
    expect(calibrate(cal, -100)).toBe(calibrate(cal, -50));
  });

  it("isotonic pools a violating pair into its mean", () => {
    const cal = fitIsotonic([0, 1], [1, 0]);
    expect(calibrate(cal, 0)).toBeCloseTo(0.5);
    expect(calibrate(cal, 1)).toBeCloseTo(0.5);
  });
});

describe("rebaseProbability", () => {
  it("is the identity at a 50 % prior and shrinks towards a rare base rate, monotonically", () => {
    expect(rebaseProbability(0.9, 0.5)).toBeCloseTo(0.9);
    expect(rebaseProbability(0.9, 0.01)).toBeCloseTo(0.0833, 3);
    expect(rebaseProbability(0.99, 0.01)).toBeGreaterThan(rebaseProbability(0.9, 0.01));
    expect(rebaseProbability(1, 0.01)).toBe(1);
  });
});
