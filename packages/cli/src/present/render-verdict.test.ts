import { analyze } from "@scamguard/detect";
import type { Signal, Verdict } from "@scamguard/contracts";
import { describe, expect, it } from "vitest";
import { renderVerdict } from "./render-verdict.js";

const TEXT = "to cancel press one or call 1 888 555 0142 now";
const signal = (id: string, start: number, end: number): Signal => ({
  id,
  family: "channel",
  stage: "channel_switch",
  weight: 1,
  description: id,
  evidence: [{ start, end, text: TEXT.slice(start, end) }],
});

describe("renderVerdict: the text with its evidence marked", () => {
  it("merges overlapping and touching spans into one mark", () => {
    const base = analyze(TEXT, { lang: "en" });
    const verdict: Verdict = {
      ...base,
      signals: [signal("a", 10, 19), signal("b", 10, 22), signal("c", 22, 42)], // "press one", "press one or", "call 1 888 555 0142"
    };
    const out = renderVerdict(TEXT, verdict, { color: false });
    expect(out).toContain("  to cancel «press one or call 1 888 555 0142» now");
    expect(out).not.toContain("»«");
  });

  it("keeps separate spans apart", () => {
    const verdict: Verdict = { ...analyze(TEXT, { lang: "en" }), signals: [signal("a", 10, 19), signal("c", 23, 42)] };
    expect(renderVerdict(TEXT, verdict, { color: false })).toContain("  to cancel «press one» or «call 1 888 555 0142» now");
  });
});
