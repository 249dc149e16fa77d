import { describe, expect, it } from "vitest";
import { detectSignals } from "@scamguard/detect";
import { replaceMasks, replacePlaceholders, stripArtefacts, stripTwitter } from "./strip.js";

describe("artefact stripping", () => {
  it("removes Twitter handles, agent initials and HTML entities", () => {
    const out = stripTwitter("A: @AppleSupport my phone &amp; mac\nB: @sayler60091 DM us your serial. *SR\nA: @Ask_WellsFargo thanks ^JS");
    expect(out).toBe("A: my phone & mac\nB: DM us your serial.\nA: thanks");
    expect(out).not.toMatch(/@\w/);
  });

  it("keeps e-mail addresses readable but drops the handle part only at word starts", () => {
    expect(stripTwitter("A: write to help@example.com")).toBe("A: write to help@example.com");
  });

  it("turns every link into one neutral token, including web.archive.org copies and broken 'http //' links", () => {
    const out = stripArtefacts("B: @Google see https://web.archive.org/web/20200308222940/https://support.google.com/youtube/answer/7002106 ok");
    expect(out).toBe("B: see <url> ok");
    expect(stripArtefacts("Your parcel is on hold, pay the fee at http //royalmail-fee.com today")).toBe("Your parcel is on hold, pay the fee at <url> today");
    expect(stripArtefacts("详情见www.example.cn/a")).toBe("详情见<url>");
  });

  it("keeps the ask of a cleaned link: the engine still reads 'click <url>' as a link request", () => {
    const { signals } = detectSignals(stripArtefacts("Your account has been locked. Click https://secure-login.example/x to restore access"));
    expect(signals.map((s) => s.id)).toContain("channel:link");
  });

  it("replaces every JDDC placeholder with a plain value, deterministically", () => {
    const text = "A: 咨询订单号:[订单x] 订单金额:[金额x] 下单时间:[日期x] [时间x]\nB: [姓名x]您好 #E-s[数字x] 送往[站点x] [订单编号:[订单x]] [数字x]天 [链接x] [电话x] [身份证号x]";
    const out = replacePlaceholders(text);
    expect(out).not.toMatch(/\[|\]|x\]|#E-s/);
    expect(out).toMatch(/订单号:8\d{10}/);
    expect(out).toMatch(/订单金额:\d+\.\d{2}/);
    expect(out).toMatch(/下单时间:2018-\d\d-\d\d/);
    expect(replacePlaceholders(text)).toBe(out);
  });

  it("turns FBS tokens and X-masked digits into plain values, deterministically", () => {
    const text = "<NAME>您好积分<NUM>分可兑换<NUM>元 请登录<URL> 详询<PHONE> call XXXXXXXXXX about xxxx元 Xbox";
    const out = replaceMasks(text);
    expect(out).not.toMatch(/<[A-Z]+>|XX|xxx/);
    expect(out).toMatch(/^您好积分\d+分可兑换\d+元 请登录<url> 详询1\d{10} call \d{10} about \d{4}元 Xbox$/);
    expect(replaceMasks(text)).toBe(out);
  });

  it("leaves texts without artefacts unchanged", () => {
    const text = "A: 您好，这里是顺丰快递客服。\nB: 好的，请说。";
    expect(stripArtefacts(text)).toBe(text);
  });
});
