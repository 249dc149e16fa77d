import type { CallFlag } from "@scamguard/contracts";
import { describe, expect, it } from "vitest";
import { LocalEngine } from "./local-engine.js";

const DAY = Date.parse("2026-11-30T16:00:00Z"); // local midnight of 2026-12-01 at UTC+8

describe("the in-process engine", () => {
  it("takes rows out of order within the tolerance, counts later ones as late and rejects non-phone callers", () => {
    const flags: CallFlag[] = [];
    const engine = new LocalEngine({ onFlags: (f) => flags.push(...f), toleranceMs: 10 * 60_000 });
    engine.add(DAY + 86_400_000 - 60_000, "+8613800000001", "+8613800000002", 20, 2); // 23:59 day 1
    engine.add(DAY + 86_400_000 + 5 * 60_000, "+8613800000001", "+8613800000003", 20, 3); // 00:05 day 2
    engine.add(DAY + 86_400_000 - 120_000, "+8613800000001", "+8613800000004", 20, 4); // 3 min behind: still day 1
    engine.add(DAY + 86_400_000 + 30 * 60_000, "+8613800000001", "+8613800000005", 20, 5); // watermark passes day 1's end
    engine.add(DAY + 86_400_000 - 180_000, "+8613800000001", "+8613800000006", 20, 6); // day 1 closed: late
    engine.add(DAY + 86_400_000 + 31 * 60_000, "anonymous", "+8613800000006", 20, 7);
    engine.finish();
    expect(engine.summaries.map((w) => w.calls)).toEqual([2, 2]);
    expect(engine.counts).toMatchObject({ accepted: 4, late: 1, nonPhoneCallers: 1 });
    expect(engine.counts.problems).toEqual(["line 6: start time more than 10 min behind a closed window", "line 7: caller is not a phone number"]);
  });

  it("flags cold calling with hang-ups as scam-like and never an official number doing the same", () => {
    const flags: CallFlag[] = [];
    const engine = new LocalEngine({ onFlags: (f) => flags.push(...f) });
    for (let i = 0; i < 300; i++) {
      const t = DAY + 9 * 3_600_000 + i * 60_000;
      const callee = `+86139${String(i).padStart(8, "0")}`;
      engine.add(t, "+8613512345678", callee, i % 3 === 0 ? 4 : 0);
      engine.add(t, "95588", callee, i % 3 === 0 ? 4 : 0);
    }
    engine.finish();
    expect(flags.map((f) => [f.caller, f.kind])).toEqual([["+8613512345678", "scam_like"]]);
    expect(flags[0]?.reasons).toContain("none of 64 sampled callees called back");
    expect(flags[0]?.evidence).toMatchObject({ calls: 300, unansweredRatio: 0.667, shortCallRatio: 1, reciprocity: 0 });
    // Past 64 distinct callees the count is a HyperLogLog estimate (±2.3 % standard error).
    expect(Math.abs((flags[0]?.evidence.distinctCallees ?? 0) - 300)).toBeLessThan(15);
  });
});
