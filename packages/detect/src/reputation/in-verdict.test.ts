import { describe, expect, it } from "vitest";
import { analyze } from "../analyze.js";
import { withReputation } from "./in-verdict.js";

describe("withReputation", () => {
  const plain = analyze("Please call me back on 13800138000", { lang: "en" });

  it("leaves a verdict alone when nothing in it is reported, or only official contacts", () => {
    expect(withReputation(plain, [])).toBe(plain);
    expect(withReputation(plain, [{ kind: "phone", value: "95588", verdict: "official", distinctReporters: 0 }])).toBe(plain);
  });

  it("one reporter or a public list makes it medium, several make it high, with advice and the reason first", () => {
    const one = withReputation(plain, [{ kind: "phone", value: "13800138000", verdict: "suspicious", distinctReporters: 1 }]);
    expect(one.risk).toBe("medium");
    expect(one.reasons[0]).toBe("The phone number “13800138000” has been reported as a scam by 1 person.");
    expect(one.advice[0]?.id).toBe("reported-identifier");
    const many = withReputation(plain, [{ kind: "phone", value: "13800138000", verdict: "suspicious", distinctReporters: 5 }]);
    expect(many.risk).toBe("high");
    expect(many.reasons.some((r) => r.startsWith("Low risk"))).toBe(false);
    expect(many.score).toBe(plain.score);
  });

  it("a centre-confirmed identifier is high risk; a critical verdict stays critical; reasons speak the verdict's language", () => {
    const zh = analyze("请回电 13800138000", { lang: "zh" });
    const confirmed = withReputation(zh, [{ kind: "phone", value: "13800138000", verdict: "scam", distinctReporters: 0 }]);
    expect(confirmed.risk).toBe("high");
    expect(confirmed.reasons[0]).toBe("电话号码“13800138000”已被反诈中心确认用于诈骗。");
    const critical = analyze("我是公安局民警，你涉嫌洗钱，马上把钱转到安全账户，把验证码告诉我");
    expect(critical.risk).toBe("critical");
    expect(withReputation(critical, [{ kind: "phone", value: "1", verdict: "suspicious", distinctReporters: 9 }]).risk).toBe("critical");
  });
});
