import { describe, expect, it } from "vitest";
import { PairBloom } from "./bloom.js";
import { SAMPLE_K } from "./bottom-k.js";
import { hashNumber } from "./hash.js";
import { hllAdd, hllCount, newHll } from "./hll.js";
import { WindowState } from "../window/window-state.js";

const number = (i: number) => `+86138${String(i).padStart(8, "0")}`;

describe("HyperLogLog", () => {
  it("estimates within 5% from a thousand to a million distinct numbers", () => {
    for (const n of [1_000, 30_000, 1_000_000]) {
      const r = newHll();
      for (let i = 0; i < n; i++) hllAdd(r, hashNumber(number(i)));
      expect(Math.abs(hllCount(r) - n) / n).toBeLessThan(0.05);
    }
  });
});

describe("caller window state", () => {
  it("counts distinct callees exactly up to K and the same whatever the arrival order", () => {
    const callees = Array.from({ length: 500 }, (_, i) => hashNumber(number(i)));
    const forward = new WindowState(0, 1);
    const backward = new WindowState(0, 1);
    for (const h of callees) forward.add("+8613900000000", 1, h, 3, 0);
    for (const h of [...callees].reverse()) backward.add("+8613900000000", 1, h, 3, 0);
    for (const h of callees.slice(0, 10)) forward.add("+8613900000000", 1, h, 3, 0); // repeats change nothing
    const [a] = [...forward.aggregates()];
    const [b] = [...backward.aggregates()];
    expect(a?.distinctCallees).toBe(b?.distinctCallees);
    expect([...(a?.sample ?? [])]).toEqual([...(b?.sample ?? [])]);
    expect(a?.sample.length).toBe(SAMPLE_K);
    expect(Math.abs((a?.distinctCallees ?? 0) - 500)).toBeLessThan(25);

    const small = new WindowState(0, 1);
    for (const h of callees.slice(0, 40)) small.add("+8613900000001", 2, h, 3, 30);
    for (const h of callees.slice(0, 40)) small.add("+8613900000001", 2, h, 3, 5);
    const [s] = [...small.aggregates()];
    expect(s).toMatchObject({ calls: 80, answered: 80, shortAnswered: 40, distinctCallees: 40 });
  });
});

describe("pair Bloom filter", () => {
  it("knows who called whom, direction included", () => {
    const bloom = new PairBloom();
    const a = hashNumber("+8613800000001");
    const b = hashNumber("+8613800000002");
    bloom.add(a, b);
    expect(bloom.has(a, b)).toBe(true);
    expect(bloom.has(b, a)).toBe(false);
  });
});
