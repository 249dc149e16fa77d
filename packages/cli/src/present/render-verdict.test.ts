import { analyze } from "@scamguard/detect";
import type { Signal, Verdict } from "@scamguard/contracts";
import { describe, expect, it } from "vitest";
import { offlineLookupHint, renderVerdict } from "./render-verdict.js";

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

  it("keeps every line of a pasted transcript under the heading, without a blank indented tail", () => {
    const transcript = "客服：您好，这里是支付宝客服\n客服：您先下载腾讯会议，我帮您共享屏幕\n";
    const out = renderVerdict(transcript, analyze(transcript), { color: false });
    const body = out.slice(out.indexOf("原文\n") + "原文\n".length);
    expect(body.split("\n").filter((l) => l !== "")).toHaveLength(2);
    for (const line of body.split("\n").filter((l) => l !== "")) expect(line).toMatch(/^ {2}客服：/);
    expect(out.endsWith("  \n")).toBe(false);
  });
});

describe("offlineLookupHint: an offline low verdict on a number is not 'nobody reported it'", () => {
  it("says in the verdict's language that the reports were not looked up and how to look them up", () => {
    expect(offlineLookupHint("zh")).toContain("没有查询其中号码、邮箱和链接的举报记录");
    expect(offlineLookupHint("zh")).toContain("--server");
    expect(offlineLookupHint("zh").replace(/--server|SCAMGUARD_SERVER/g, "")).not.toMatch(/[A-Za-z]{3,}/);
    expect(offlineLookupHint("en")).toContain("was not looked up");
    expect(offlineLookupHint("en")).not.toMatch(/[\u4e00-\u9fff]/);
  });
});
