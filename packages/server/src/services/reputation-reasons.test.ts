import type { LookupResult } from "@scamguard/contracts";
import { describe, expect, it } from "vitest";
import { reputationReasons } from "./reputation-reasons.js";

const unknown: LookupResult = {
  kind: "phone",
  value: "13900001111",
  normalized: "+8613900001111",
  verdict: "unknown",
  score: 0,
  distinctReporters: 0,
  reports: 0,
  modes: [],
  firstSeen: null,
  lastSeen: null,
  sources: [],
  institution: null,
  confirmation: null,
  reasons: ["no reports"],
};

describe("an identifier's reasons in the answer's language", () => {
  it("keeps the index's English for an English answer", () => {
    expect(reputationReasons(unknown, "en")).toEqual(["no reports"]);
  });

  it("says a confirmed, reported, listed number in Chinese only", () => {
    const confirmed: LookupResult = {
      ...unknown,
      verdict: "scam",
      distinctReporters: 3,
      reports: 4,
      modes: ["impersonate_customer_service"],
      lastSeen: "2026-12-01T08:00:00.000Z",
      sources: [{ source: "cdr", reports: 1, firstSeen: "2026-11-30T00:00:00Z", lastSeen: "2026-12-01T00:00:00Z" }],
      confirmation: { confirmedAt: "2026-12-02T10:00:00.000Z", caseId: "case_1" },
      reasons: ["confirmed as a scam by the anti-fraud centre on 2026-12-02 (case case_1)"],
    };
    const reasons = reputationReasons(confirmed, "zh");
    expect(reasons[0]).toBe("反诈中心已于 2026-12-02 确认是诈骗（案件 case_1）");
    expect(reasons[1]).toBe("3 人举报（共 4 条），最近一次 2026-12-01");
    expect(reasons).toContain("通话记录显示异常的呼叫模式：这是信号，不是定论");
    for (const reason of reasons.slice(1)) expect(reason).not.toMatch(/[A-Za-z]{3,}/);
  });

  it("names an official contact's institution in Chinese, and says reports against it are ignored", () => {
    const official: LookupResult = { ...unknown, value: "95588", normalized: "95588", verdict: "official", institution: "icbc", distinctReporters: 2, reports: 2 };
    const reasons = reputationReasons(official, "zh");
    expect(reasons[0]).toMatch(/^目录中.*工商银行的官方联系方式$/);
    expect(reasons[1]).toContain("不计入：骗子会伪造官方号码");
  });
});
