import { describe, expect, it } from "vitest";
import { logit, sigmoid, sparseRow, trainLogReg } from "./logreg.js";
import { seededRandom } from "./rng.js";

describe("trainLogReg", () => {
  it("learns a linearly separable toy set", () => {
    const r = seededRandom(3);
    const rows = [];
    const labels: number[] = [];
    for (let i = 0; i < 200; i++) {
      const x0 = r() * 2 - 1;
      const x1 = r() * 2 - 1;
      rows.push(sparseRow([[0, x0], [1, x1]]));
      labels.push(x0 + 0.5 * x1 > 0.1 ? 1 : 0);
    }
    const model = trainLogReg(rows, Uint8Array.from(labels), new Float64Array(200).fill(1), 2, { l2: new Float64Array(2).fill(1e-4), epochs: 400 });
    const correct = rows.filter((row, i) => (sigmoid(logit(model, row)) >= 0.5 ? 1 : 0) === labels[i]).length;
    expect(correct / rows.length).toBeGreaterThan(0.97);
    expect(model.weights[0]).toBeGreaterThan(model.weights[1] as number);
    expect(model.weights[1]).toBeGreaterThan(0);
  });

  it("keeps sign-constrained weights on their side even when the data pulls the other way", () => {
    const rows = [sparseRow([[0, 1]]), sparseRow([[0, 1]]), sparseRow([])];
    const labels = Uint8Array.of(0, 0, 1);
    const free = trainLogReg(rows, labels, Float64Array.of(1, 1, 1), 1, { l2: Float64Array.of(1e-3) });
    const constrained = trainLogReg(rows, labels, Float64Array.of(1, 1, 1), 1, { l2: Float64Array.of(1e-3), signs: Int8Array.of(1) });
    expect(free.weights[0]).toBeLessThan(-0.5);
    expect(constrained.weights[0]).toBe(0);
  });

  it("is deterministic: the same input gives bit-identical weights", () => {
    const rows = [sparseRow([[0, 1], [2, 0.3]]), sparseRow([[1, 1]]), sparseRow([[0, 0.5], [1, 0.5]])];
    const fit = () => trainLogReg(rows, Uint8Array.of(1, 0, 1), Float64Array.of(1, 2, 1), 3, { l2: new Float64Array(3).fill(0.01), epochs: 50 });
    expect(Array.from(fit().weights)).toEqual(Array.from(fit().weights));
  });

  it("honours sample weights", () => {
    const rows = [sparseRow([[0, 1]]), sparseRow([[0, 1]])];
    const heavyPos = trainLogReg(rows, Uint8Array.of(1, 0), Float64Array.of(9, 1), 1, { l2: Float64Array.of(0) });
    expect(sigmoid(logit(heavyPos, rows[0] as never))).toBeGreaterThan(0.8);
  });
});
