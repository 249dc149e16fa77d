import type { Signal } from "@scamguard/contracts";
import { describe, expect, it } from "vitest";
import { normalize } from "../text/normalize.js";
import type { DetectContext, Detector } from "../types.js";
import { runDetectors } from "./run-detectors.js";

const ctx: DetectContext = { text: normalize("请共享屏幕"), lang: "zh" };
const signal = (id: string, start: number, weight = 0.5): Signal => ({
  id,
  family: "channel",
  stage: "channel_switch",
  weight,
  description: `${id} seen`,
  evidence: [{ start, end: start + 1, text: "x" }],
});
const fixed = (id: string, signals: Signal[]): Detector => ({
  id,
  applies: () => true,
  detect: () => signals,
});

describe("runDetectors", () => {
  it("skips a detector that throws in detect or applies and still runs the others", () => {
    const errors: string[] = [];
    const throwsInDetect: Detector = {
      id: "bad:detect",
      applies: () => true,
      detect: () => {
        throw new Error("boom");
      },
    };
    const throwsInApplies: Detector = {
      id: "bad:applies",
      applies: () => {
        throw new Error("boom");
      },
      detect: () => [],
    };
    const out = runDetectors(ctx, [throwsInDetect, fixed("ok", [signal("channel:a", 0)]), throwsInApplies], (d) => errors.push(d.id));
    expect(out.map((s) => s.id)).toEqual(["channel:a"]);
    expect(errors).toEqual(["bad:detect", "bad:applies"]);
  });

  it("skips detectors that do not apply", () => {
    const never: Detector = {
      id: "never",
      applies: () => false,
      detect: () => [signal("channel:b", 0)],
    };
    expect(runDetectors(ctx, [never])).toEqual([]);
  });

  it("merges one id across detectors: first description, largest weight, union of evidence in order", () => {
    const first = fixed("one", [signal("channel:a", 3, 0.4)]);
    const second = fixed("two", [{ ...signal("channel:a", 1, 0.9), description: "other" }, signal("channel:b", 0)]);
    const out = runDetectors(ctx, [first, second]);
    expect(out.map((s) => s.id)).toEqual(["channel:a", "channel:b"]);
    expect(out[0]!.description).toBe("channel:a seen");
    expect(out[0]!.weight).toBe(0.9);
    expect(out[0]!.evidence.map((e) => e.start)).toEqual([1, 3]);
  });

  it("is deterministic and does not mutate what detectors return", () => {
    const shared = signal("channel:a", 0);
    const dets = [fixed("one", [shared]), fixed("two", [signal("channel:a", 2)])];
    expect(runDetectors(ctx, dets)).toEqual(runDetectors(ctx, dets));
    expect(shared.evidence).toHaveLength(1);
  });
});
