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

describe("renderVerdict: an anti-fraud warning says what it is before its notes", () => {
  it("heads a low police reminder that names the tactics as a warning, in its language, and leaves scams and chat alone", () => {
    const warning = "【反诈中心提醒】凡是陌生人让您下载会议软件、开启屏幕共享、把钱转到安全账户的，都是诈骗！如有疑问请拨打96110。";
    const out = renderVerdict(warning, analyze(warning), { color: false });
    expect(out.split("\n")[1]).toBe("这像是一条防骗提示：它讲的是骗子的手法，并没有要您这样做。");
    const en = "Reminder from your bank: if anyone asks you to share your screen or move money to a safe account, it is a scam. We will never ask you to do this.";
    expect(renderVerdict(en, analyze(en), { color: false }).split("\n")[1]).toBe("This reads as an anti-fraud warning: it describes the scam, it does not ask you to do it.");
    const scam = "您好，我是微粒贷客服，您的账户利率过高需要注销，否则影响征信。请下载会议软件共享屏幕";
    expect(renderVerdict(scam, analyze(scam), { color: false })).not.toContain("防骗提示");
    const chat = "妈，这个月房租我给你转过去了，3200，你查一下";
    expect(renderVerdict(chat, analyze(chat), { color: false })).not.toContain("防骗提示");
  });
});

describe("renderVerdict: the probability beside the risk", () => {
  it("is the words' own when no report raised the risk", () => {
    const text = "您好，这里是京东金融客服，请下载会议软件共享屏幕";
    expect(renderVerdict(text, analyze(text), { color: false }).split("\n")[0]).toMatch(/^\S+ {2}\(诈骗概率 \d\.\d\d\)$/);
  });

  it("says it comes from the words alone when reports raised the risk (medium risk beside 0.01 read as a contradiction)", () => {
    const text = "17052318864";
    const words = analyze(text, { lang: "zh" });
    const raised: Verdict = { ...words, risk: "medium" };
    const first = renderVerdict(text, raised, { color: false, raisedByReports: true }).split("\n")[0];
    expect(first).toBe(`中风险  (仅凭文字的诈骗概率 ${words.score.toFixed(2)})`);
    const en = renderVerdict("call 2025550148", { ...analyze("call 2025550148", { lang: "en" }), risk: "high" }, { color: false, raisedByReports: true });
    expect(en.split("\n")[0]).toMatch(/^High risk {2}\(scam probability from the words alone \d\.\d\d\)$/);
  });
});

describe("renderVerdict: a low verdict is said carefully, as on the Check page", () => {
  it("never reads as an all-clear, and calls a lone cue worth a second look rather than evidence", () => {
    // A genuine bank credit notice: "转入" alone is a cue, not a scam tactic.
    const text = "【建设银行】您尾号1234的储蓄卡12月3日转入2,500.00元，余额6,000.12元。";
    const verdict: Verdict = { ...analyze(text), risk: "low", signals: [{ ...signal("money:transfer", 0, 2), family: "money", description: "要求转账汇款", evidence: [{ start: 20, end: 22, text: "转入" }] }] };
    const out = renderVerdict(text, verdict, { color: false });
    expect(out.split("\n")[1]).toBe("没有发现诈骗手法不代表安全。只要有人要您提供验证码、共享屏幕或转账，就是诈骗。");
    expect(out).toContain("值得留意：单独出现，还不构成诈骗手法\n  - [资金转移] 要求转账汇款：“转入”");
    expect(out).not.toContain("证据\n");
    const en = renderVerdict("Your Google verification code is 583921.", analyze("Your Google verification code is 583921.", { lang: "en" }), { color: false });
    expect(en.split("\n")[0]).toMatch(/^Low risk/);
    expect(en).toContain("That does not make it safe. If someone asks for codes, screen sharing or a transfer, it is a scam.");
  });

  it("keeps the evidence heading for a medium or higher verdict", () => {
    const text = "您好，这里是京东金融客服，请下载会议软件共享屏幕";
    const out = renderVerdict(text, analyze(text), { color: false });
    expect(out).toContain("\n证据\n");
    expect(out).not.toContain("不代表安全");
  });
});

describe("renderVerdict: the stage a link text has reached", () => {
  it("names the channel switch by every way it happens in Chinese too, not as downloading an app or sharing the screen", () => {
    // A parcel SMS whose only ask is a link read "阶段：5/8 引导下载软件/共享屏幕": it asked for neither.
    const text = "【顺丰】您的快件因地址不详无法派送，请于24小时内登录 sf-express-cn.top 更新地址";
    const out = renderVerdict(text, { ...analyze(text), risk: "high", stage: "channel_switch" }, { color: false });
    expect(out).toContain("阶段：5/8 引导换渠道（下载软件、共享屏幕、点链接）\n");
    const en = renderVerdict("Update your address at usps-help.top", { ...analyze("Update your address at usps-help.top", { lang: "en" }), risk: "high", stage: "channel_switch" }, { color: false });
    expect(en).toContain("Stage: 5/8 Channel switch (app, screen share, link)\n");
  });
});
