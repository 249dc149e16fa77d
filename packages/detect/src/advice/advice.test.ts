import { describe, expect, it } from "vitest";
import { detectSignals } from "../signals/detect-signals.js";
import { inferPlaybook } from "../signals/playbook.js";
import { readCaseTable } from "../../test/case-table.js";
import { ADVICE_RULES, adviceFor } from "./advice.js";

const adviceOf = (text: string) => {
  const { text: n, lang, signals } = detectSignals(text);
  return adviceFor({ ...inferPlaybook(n, signals), lang, signals });
};

describe("adviceFor", () => {
  it("says nothing when the text shows no scam stage or mode", () => {
    expect(adviceOf("A: 这个订单到哪了\nB: 亲亲，您的订单已经发货了，预计明天送达")).toEqual([]);
  });

  it("tells a screen-sharing victim how to really stop sharing, and names WeBank's official number", () => {
    const advice = adviceOf("您好，这里是微粒贷客服，您的微粒贷需要注销，否则影响征信，请下载腾讯会议共享屏幕");
    const ids = advice.map((a) => a.id);
    expect(ids).toContain("stop-screen-share");
    expect(ids).toContain("credit-record-pboc");
    expect(advice.find((a) => a.id === "stop-screen-share")?.text).toContain("停止共享");
    expect(advice.find((a) => a.id === "call-official-number")?.text).toContain("95384");
    expect(ids).toContain("hotline-96110");
  });

  it("gives an English reader in the US 911 and the FTC beside China's 110 and 96110", () => {
    const advice = adviceOf("This is the Social Security Administration. Your social security number has been suspended, press 1 now or a warrant will be issued.");
    const hotline = advice.find((a) => a.id === "hotline-96110")?.text ?? "";
    expect(hotline).toContain("911");
    expect(hotline).toContain("reportfraud.ftc.gov");
  });

  it("puts stopping the money first once money moves, with 110 and the emergency freeze", () => {
    const advice = adviceOf(
      "I'm calling from JD.com customer service. Your student account must be closed or it will affect your credit. Transfer 20,000 yuan to a designated account.",
    );
    expect(advice[0]?.id).toBe("stop-money-call-110");
    expect(advice[0]?.text).toContain("110");
    expect(advice.find((a) => a.id === "call-official-number")?.text).toContain("950618");
    expect(advice.map((a) => a.id)).toContain("no-safe-account");
  });

  it("warns about police impersonation and tells to call 110 for police", () => {
    const advice = adviceOf("我是公安局民警，你涉嫌洗钱犯罪，不要告诉家人，把钱转到安全账户");
    const ids = advice.map((a) => a.id);
    expect(ids).toContain("police-never-by-phone");
    expect(ids).toContain("secrecy-is-a-sign");
    expect(advice.find((a) => a.id === "call-official-number")?.text).toContain("110");
  });

  it("names the courier the text claims to be, not the chat or meeting app it asks the victim to open", () => {
    const advice = adviceOf(
      "【顺丰速运】您好，您的快件在运输途中丢失，我们为您办理三倍理赔，请添加理赔专员微信 sf-lp88，并下载腾讯会议，会议号 826 331 907，共享屏幕后专员指导您领取赔偿。",
    );
    const callBack = advice.find((a) => a.id === "call-official-number")?.text ?? "";
    expect(callBack).toContain("顺丰速运");
    expect(callBack).toContain("95338");
    expect(advice.map((a) => a.text).join("\n")).not.toContain("95017");
  });

  it("names no institution at all when the only one named is the app the scammer asks for", () => {
    const ids = adviceOf("您好，我是售后客服，您的订单需要理赔，请下载腾讯会议并共享屏幕").map((a) => a.id);
    expect(ids).not.toContain("call-official-number");
    expect(ids).toContain("call-official-yourself");
  });

  it("gives an English reader told to call the police 911 beside China's 110", () => {
    const advice = adviceOf("This is Officer Brown of the police department. A warrant has been issued in your name; to clear it, transfer your savings to a safe account and tell no one.");
    const callBack = advice.find((a) => a.id === "call-official-number")?.text ?? "";
    expect(callBack).toContain("110 in China (911 in the US)");
    const zh = adviceOf("我是公安局民警，你涉嫌洗钱犯罪，不要告诉家人，把钱转到安全账户").find((a) => a.id === "call-official-number")?.text ?? "";
    expect(zh).toContain("110");
    expect(zh).not.toContain("911");
  });

  it("falls back to looking the number up yourself when the institution is unknown", () => {
    const ids = adviceOf("Please share your screen and read me the verification code we just sent").map((a) => a.id);
    expect(ids).toContain("call-official-yourself");
    expect(ids).toContain("never-read-code");
    expect(ids).not.toContain("call-official-number");
  });

  it("gives link advice to a bill that comes with a link, not to a utility robocall that gives a number to call", () => {
    const call = adviceOf("This is the electric company, your service will be disconnected today unless you pay the past due balance. Call 1-800-555-0199.");
    expect(call.map((a) => a.id)).toContain("utility-bill-check");
    expect(call.map((a) => a.id)).not.toContain("points-etc-never-link");
    const sms = adviceOf("Toll notice: you have an unpaid toll balance of $6.80. Pay now at ezpass-tolls.top to avoid a late fee.");
    expect(sms.map((a) => a.id)).toContain("points-etc-never-link");
  });

  it("never sends an English reader to China's financial regulator for an English regulator claim; a Chinese one still is", () => {
    const en = adviceOf("HMRC: you are due a tax refund of 400.00 GBP. To claim it complete the form at hmrc-refund-online.com within 24 hours.");
    expect(en.map((a) => a.text).join("\n")).not.toContain("12378");
    const zh = adviceOf("您好，我是银保监会工作人员，您的贷款利率违规，需要注销，否则影响征信，请下载会议软件共享屏幕。");
    expect(zh.find((a) => a.id === "call-official-number")?.text).toContain("12378");
  });

  it("advises turning FaceTime off when the contact came over FaceTime", () => {
    const ids = adviceOf("[FaceTime] 您好，我是京东客服，您的学生账户需要注销").map((a) => a.id);
    expect(ids).toContain("turn-off-facetime");
  });

  it("has every rule in both languages, with unique ids", () => {
    const ids = ADVICE_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of ADVICE_RULES) {
      expect(r.zh.length).toBeGreaterThan(10);
      expect(r.en.length).toBeGreaterThan(10);
    }
  });

  it("gives advice for every scam case of the table and none for the benign ones", () => {
    for (const row of readCaseTable()) {
      const advice = adviceOf(row.text);
      if (row.expect.risk === "low") expect(advice, row.id).toEqual([]);
      else expect(advice.length, row.id).toBeGreaterThan(1);
    }
  });
});
