import { describe, expect, it } from "vitest";
import { headline, render, type VerifyAnswer } from "./verify-call.js";

const jd = { id: "jd", name: { zh: "京东", en: "JD.com" } };
const answer = (over: Partial<VerifyAnswer>): VerifyAnswer => ({
  result: "not_participating",
  institution: jd,
  directory: "official",
  callBack: ["950618"],
  purpose: null,
  reasons: { zh: ["京东未在此登记外呼联系"], en: ["JD.com does not declare its outbound contacts here"] },
  advice: { zh: ["请立即挂断"], en: ["Hang up now"] },
  ...over,
});

describe("verify-call headline", () => {
  it("says first that a personal number is not the institution's when the directory says mismatch", () => {
    // Seen as a new user: "？ 该机构未参与登记" above "请立即挂断" for a mobile claiming to be JD customer service.
    const zh = render(answer({ directory: "mismatch" }), "zh");
    expect(zh.split("\n")[0]).toBe("✘ 这不是京东的官方联系方式：请挂断，自己拨打官方号码核实");
    expect(zh, "one language only").not.toMatch(/[A-Za-z]{3,}/);
    const en = render(answer({ directory: "mismatch" }), "en");
    expect(en.split("\n")[0]).toBe("✘ This is NOT an official contact of JD.com: hang up and call the official number yourself");
    expect(en, "one language only").not.toMatch(/[\u4e00-\u9fff]/);
  });

  it("keeps the neutral line for an official number and an unknown institution, and the other results as they were", () => {
    expect(headline(answer({ directory: "official" }), "zh")).toBe("？ 该机构未参与登记：只能参考官方名录");
    expect(headline(answer({ directory: "unknown", institution: null }), "en")).toBe("? Not participating: only the official directory can say");
    expect(headline(answer({ result: "not_verified", directory: "mismatch" }), "en")).toBe("✘ Not declared: treat the caller as an impostor and hang up");
    expect(headline(answer({ result: "verified", directory: "official" }), "zh")).toBe("✔ 已核实：确实是对方此刻在联系您");
  });
});
