/** The Check page's headline for an anti-fraud warning that names the tactics it warns about (a pure function, no browser). */
import { readsAsWarning } from "@scamguard/contracts";
import { analyze } from "@scamguard/detect";
import { describe, expect, it } from "vitest";

describe("readsAsWarning", () => {
  it("is true for police and bank reminders that describe the tactics, read low", () => {
    // Seen as a new user: "这段内容里没有发现诈骗手法" above "要求把钱转到“安全账户”" for the anti-fraud centre's own SMS.
    for (const text of [
      "【反诈中心提醒】凡是陌生人让您下载会议软件、开启屏幕共享、把钱转到安全账户的，都是诈骗！如有疑问请拨打96110。",
      "Reminder from your bank: if anyone asks you to share your screen or move money to a safe account, it is a scam. We will never ask you to do this.",
    ]) {
      const verdict = analyze(text);
      expect(verdict.risk, text).toBe("low");
      expect(readsAsWarning(verdict), text).toBe(true);
    }
  });

  it("is false for a scam, for plain chat and for a protective cue with nothing described", () => {
    expect(readsAsWarning(analyze("您好，我是微粒贷客服，您的账户利率过高需要注销，否则影响征信。请下载会议软件共享屏幕"))).toBe(false);
    expect(readsAsWarning(analyze("妈，我周末回家吃饭，帮我留点饺子。"))).toBe(false);
    expect(readsAsWarning({ risk: "low", signals: [] })).toBe(false);
    const warningOnly = { id: "protective:anti-fraud-warning", family: "protective", stage: null, weight: -1, description: "", evidence: [] };
    expect(readsAsWarning({ risk: "low", signals: [warningOnly] as never })).toBe(false);
    expect(readsAsWarning({ risk: "high", signals: [warningOnly, { ...warningOnly, id: "money:safe-account", family: "money" }] as never })).toBe(false);
  });
});
