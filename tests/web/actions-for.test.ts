/** The Check page's "do this now" for each kind of scam text (a pure function, no browser). */
import { analyze } from "@scamguard/detect";
import { describe, expect, it } from "vitest";
import { actionsFor } from "../../packages/web/src/pages/check/actions.js";

describe("actionsFor", () => {
  it("tells the reader of a phishing text not to open its link, never to hang up: nobody called", () => {
    // Seen as a new user: a bank-card phishing SMS answered "不要说出验证码或密码 / 挂断电话".
    for (const text of [
      "【交通银行】您的信用卡额度即将下调，请于今日登录 bocom-tiaoe.cn 验证身份并填写卡号及有效期以保留额度",
      "Netflix: your payment was declined and your membership will be cancelled today. Update your card at netflix-billing-help.com to keep watching.",
    ]) {
      const verdict = analyze(text);
      expect(verdict.risk, text).toMatch(/high|critical/);
      expect(verdict.stage, text).toBe("harvest");
      expect(actionsFor(verdict), text).toEqual(["verdict.action.link", "verdict.action.code"]);
    }
  });

  it("keeps 'hang up' for a caller: a screen-share script and a caller asking for the code", () => {
    const seed = analyze("您好，我是微粒贷客服，您的账户利率过高需要注销，否则影响征信。请下载会议软件共享屏幕");
    expect(actionsFor(seed)).toEqual(["verdict.action.screen", "verdict.action.hangup"]);
    const caller = analyze("我是工商银行客服，您的账户有异常交易，现在给您发一个验证码，请把验证码念给我核实身份");
    expect(caller.stage).toBe("harvest");
    expect(actionsFor(caller)).toEqual(["verdict.action.code", "verdict.action.hangup"]);
  });

  it("puts the money first when the text asks for it, and the link beside it instead of 'hang up'", () => {
    const signal = (id: string) => ({ id, family: "channel", stage: null, weight: 1, description: "", evidence: [] }) as never;
    expect(actionsFor({ risk: "high", stage: "money", signals: [signal("money:transfer")] })).toEqual(["verdict.action.money", "verdict.action.hangup"]);
    expect(actionsFor({ risk: "high", stage: "money", signals: [signal("money:fees"), signal("channel:link")] })).toEqual([
      "verdict.action.money",
      "verdict.action.link",
    ]);
  });

  it("says to be careful on a medium verdict and nothing on a low one", () => {
    expect(actionsFor({ risk: "medium", stage: "pretext", signals: [] })).toEqual(["verdict.action.careful"]);
    expect(actionsFor({ risk: "low", stage: null, signals: [] })).toEqual([]);
  });
});
