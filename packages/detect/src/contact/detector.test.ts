import { describe, expect, it } from "vitest";
import { normalize } from "../text/normalize.js";
import { contactDetector } from "./detector.js";

const run = (text: string) => {
  const ctx = { text: normalize(text), lang: "zh" as const };
  return contactDetector.applies(ctx) ? contactDetector.detect(ctx) : [];
};
const ids = (text: string) => run(text).map((s) => s.id);

describe("contactDetector: benign texts", () => {
  it.each([
    "官方客服不会通过FaceTime联系您，请提高警惕",
    "京东快递员电话 13800138000，请保持电话畅通",
    "【工商银行】如有疑问请致电95588",
    "We will never call you on FaceTime. — Apple",
    "周末一起打个FaceTime吧",
    "【工商银行】请勿相信来自 icbc-service@163.com 的邮件",
    "",
  ])("%j → nothing", (text) => {
    expect(run(text)).toEqual([]);
  });
});

describe("contactDetector: impersonation through contact channels", () => {
  it("FaceTime + institution name + Apple ID → display-name and facetime, evidence in the original", () => {
    const text = "ＦａｃｅＴｉｍｅ来电，显示京东客服，账号 random@icloud.com";
    const signals = run(text);
    expect(signals.map((s) => [s.id, s.family, s.stage, s.weight])).toEqual([
      ["impersonation:display-name", "impersonation", "impersonation", 0.85],
      ["channel:facetime", "channel", "contact", 0.8],
    ]);
    expect(signals[0]?.evidence.map((e) => e.text)).toEqual(["ＦａｃｅＴｉｍｅ", "京东客服", "random@icloud.com"]);
    for (const e of signals[0]?.evidence ?? []) expect(text.slice(e.start, e.end)).toBe(e.text);
    expect(signals[0]?.description).toContain("950618");
  });

  it("institution over FaceTime without an address is still display-name impersonation", () => {
    expect(ids("我是微粒贷客服，通过FaceTime联系您，需要注销账户")).toEqual(["impersonation:display-name", "channel:facetime"]);
    expect(ids("京东客服特别通知：请接听FaceTime")).toEqual(["impersonation:display-name", "channel:facetime"]);
  });

  it("an institution writing from a personal mailbox", () => {
    expect(ids("Hi this is Amazon customer service, reply to amazon.help@gmail.com")).toEqual(["impersonation:display-name"]);
    expect(ids("JD.com customer service: write to service@jd.com")).toEqual([]);
  });

  it("a bank giving a personal mobile to call is a weak unofficial-number signal", () => {
    const [signal, ...rest] = run("工商银行客服，请致电 13800138000 办理");
    expect(rest).toEqual([]);
    expect(signal).toMatchObject({ id: "impersonation:unofficial-number", weight: 0.4, evidence: [{ start: 11, end: 22, text: "13800138000" }] });
    expect(signal?.description).toContain("95588");
  });

  it("does not take the anti-fraud hotline for an impersonated institution", () => {
    expect(ids("如接到FaceTime陌生来电，请拨打96110咨询")).toEqual([]);
  });
});

describe("contactDetector: e-mail next to a platform name", () => {
  it("is no claim unless the name is a role or a formal institution", () => {
    expect(ids("我在微信上看到的，邮箱 service@agrihelp.com")).toEqual([]);
    expect(ids("我是微信客服，请发邮件到 kefu@163.com")).toEqual(["impersonation:display-name"]);
    expect(ids("工商银行通知：请将材料发到 icbc-notice@163.com")).toEqual(["impersonation:display-name"]);
  });
});
