import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isoMs } from "./time.js";

const pad = (n: number, width: number) => String(n).padStart(width, "0");

describe("isoMs", () => {
  it("reads every time toISOString writes exactly as Date.parse does, with and without milliseconds", () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1000, 0, 1), max: Date.UTC(9999, 11, 31, 23, 59, 59, 999) }), (ms) => {
        const text = new Date(ms).toISOString();
        expect(isoMs(text)).toBe(Date.parse(text));
        const whole = `${text.slice(0, 19)}Z`;
        expect(isoMs(whole)).toBe(Date.parse(whole));
      }),
      { numRuns: 5_000 },
    );
  });

  it("agrees with Date.parse on near-misses: impossible dates, hour 24, offsets, stray characters", () => {
    const field = (max: number, width: number) => fc.integer({ min: 0, max }).map((n) => pad(n, width));
    const near = fc
      .tuple(field(9999, 4), field(19, 2), field(39, 2), field(29, 2), field(69, 2), field(69, 2), field(999, 3), fc.boolean())
      .map(([y, mo, d, h, mi, s, ms, withMs]) => `${y}-${mo}-${d}T${h}:${mi}:${s}${withMs ? `.${ms}` : ""}Z`);
    const mangled = fc.tuple(near, fc.nat(23), fc.constantFrom("x", " ", "+", "-", "0", "Z", "")).map(([t, i, c]) => t.slice(0, i) + c + t.slice(i + 1));
    fc.assert(
      fc.property(fc.oneof(near, mangled), (text) => {
        expect(Object.is(isoMs(text), Date.parse(text))).toBe(true);
      }),
      { numRuns: 20_000 },
    );
    for (const text of ["2024-02-29T00:00:00Z", "2023-02-29T00:00:00Z", "2026-07-05T24:00:00Z", "2026-07-05T10:00:00+08:00", "0099-01-01T00:00:00Z", ""]) {
      expect(Object.is(isoMs(text), Date.parse(text))).toBe(true);
    }
  });
});
