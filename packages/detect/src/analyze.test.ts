/**
 * The verdict a person sees, table-driven from data/cases/playbook.jsonl (the five seed reports in zh and en,
 * real-world SMS and robocall shapes, and benign look-alikes), plus the bad-input contract.
 */
import { VerdictSchema } from "@scamguard/contracts";
import { describe, expect, it } from "vitest";
import { analyze, MAX_ANALYZED_CHARS } from "./analyze.js";
import { readCaseTable } from "../test/case-table.js";

const cases = readCaseTable();

const SCAM_RISKS = ["high", "critical"];

describe("analyze: bad input first", () => {
  it("answers empty text with low risk and a reason", () => {
    for (const text of ["", "   \n\t"]) {
      const verdict = analyze(text);
      expect(verdict).toMatchObject({ risk: "low", label: 0, score: 0, signals: [], truncated: false });
      expect(verdict.reasons.join(" ")).toMatch(/empty|为空/);
    }
  });

  it("analyses a 1 MB text within its cap and says so", () => {
    const chunk = "请下载会议软件共享屏幕，把钱转到安全账户。";
    const text = chunk.repeat(Math.ceil(1_048_576 / chunk.length));
    const verdict = analyze(text);
    expect(verdict.truncated).toBe(true);
    expect(verdict.analyzedChars).toBe(MAX_ANALYZED_CHARS);
    expect(verdict.reasons.join(" ")).toContain(String(MAX_ANALYZED_CHARS));
    expect(SCAM_RISKS).toContain(verdict.risk);
    for (const e of verdict.signals.flatMap((s) => s.evidence)) expect(e.end).toBeLessThanOrEqual(MAX_ANALYZED_CHARS);
  });

  it("never splits a surrogate pair when it truncates", () => {
    const text = `${"a".repeat(MAX_ANALYZED_CHARS - 1)}😀tail`;
    expect(analyze(text).analyzedChars).toBe(MAX_ANALYZED_CHARS - 1);
  });

  it("survives binary-looking text and lone surrogates", () => {
    const verdict = analyze("\u0000\u0001\uD800abc\uFFFF\u200B");
    expect(VerdictSchema.parse(verdict).risk).toBe("low");
  });
});

describe("analyze: verdicts on the case table", () => {
  it.each(cases.map((c) => [c.id, c] as const))("%s", (_id, c) => {
    const verdict = VerdictSchema.parse(analyze(c.text, { lang: c.lang }));
    const want = c.expect;
    if (want.risk === "low") {
      expect(verdict.risk, `risk of ${c.id} (score ${verdict.score})`).toBe("low");
      expect(verdict.label).toBe(0);
      return;
    }
    // A claim with no ask yet ("我是你们刘局，这个是我新的号码，你存一下"): worth a second look, advice included, not a verdict of scam.
    if (want.risk === "medium") {
      expect(verdict.risk, `risk of ${c.id} (score ${verdict.score})`).toBe("medium");
      expect(verdict.label).toBe(0);
      expect(verdict.advice.length).toBeGreaterThan(0);
    } else if (want.risk) {
      expect(SCAM_RISKS, `risk of ${c.id} (score ${verdict.score})`).toContain(verdict.risk);
      if (want.risk === "critical") expect(verdict.risk).toBe("critical");
      expect(verdict.label).toBe(1);
      expect(verdict.advice.length).toBeGreaterThan(0);
    }
    if (want.mode !== undefined) expect(verdict.mode).toBe(want.mode);
    if (want.stage !== undefined) expect(verdict.stage).toBe(want.stage);
    if (want.impersonating !== undefined) expect(verdict.impersonating).toBe(want.impersonating);
    for (const e of verdict.signals.flatMap((s) => s.evidence)) expect(c.text.slice(e.start, e.end)).toBe(e.text);
  });
});

describe("analyze: advice names the number to call", () => {
  it("names WeBank's official number and the police when a Weilidai scam reaches the money stage", () => {
    const verdict = analyze("您好，我是微粒贷客服，利率过高需要注销，否则影响征信。请共享屏幕，把钱转到指定账户进行资金清算。");
    const advice = verdict.advice.map((a) => a.text).join("\n");
    expect(verdict.risk).toBe("critical");
    expect(advice).toContain("95384");
    expect(advice).toContain("110");
    expect(advice).toContain("96110");
  });

  it("names the courier a one-claim scam SMS is signed with, not the chat app it asks for", () => {
    const verdict = analyze("【顺丰速运】您的快件理赔已受理，请添加理赔专员微信 sf-lp88 领取赔偿");
    expect(SCAM_RISKS).toContain(verdict.risk);
    expect(verdict.impersonating).toBe("sf-express");
    const advice = verdict.advice.map((a) => a.text).join("\n");
    expect(advice).toContain("顺丰速运官方客服电话95338");
    expect(advice).not.toContain("95017");
  });
});

describe("analyze: a bare link is the ask of a short message, not of a long text or a support reply", () => {
  const claim = "Evri: your parcel is held at our depot because of an unpaid postage fee of 1.45 GBP. It will be returned to sender in 48 hours";
  it("flags a short claim followed only by a link", () => {
    const verdict = analyze(`${claim} https://evri-parcelfee.co/track`);
    expect(verdict.label).toBe(1);
    expect(verdict.signals.map((s) => s.id)).toContain("channel:link-given");
    expect(verdict.advice.length).toBeGreaterThan(0);
  });

  it("keeps the same claim without the link below the threshold", () => {
    expect(analyze(claim).label).toBe(0);
  });

  it("does not read a link in an agent's reply as the agent's ask", () => {
    const chat = "A: my parcel was returned to sender and nobody told me why\nB: Sorry about that! Our delivery FAQ explains returns: https://example.com/help/returns";
    expect(analyze(chat).label).toBe(0);
  });
});

describe("analyze: a prize needs a fee, a credential or a contact, not just a link", () => {
  it("keeps a prize draw with the shop's link low", () => {
    expect(analyze("Congratulations, you have won our weekly prize draw! See the winners list at https://example.com/draw").label).toBe(0);
  });

  it("flags the same prize once it asks for a fee", () => {
    const verdict = analyze("Congratulations, you have won our weekly prize draw! Pay the 4.99 processing fee to release your prize at https://example.com/draw");
    expect(verdict.label).toBe(1);
    expect(verdict.mode).toBe("prize_lottery");
  });
});

describe("analyze: a person's account of a scam (a report)", () => {
  const told = "自称公安局，说我涉嫌洗钱，要求转账到安全账户配合调查。";

  it("classifies what a report recounts in the third person, with its mode", () => {
    const verdict = analyze(told, { account: true });
    expect(SCAM_RISKS).toContain(verdict.risk);
    expect(verdict.mode).toBe("impersonate_police");
  });

  it("reads the same words as a description when they are not someone's account", () => {
    expect(analyze(`警方提醒：不法分子${told}`).risk).toBe("low");
  });
});

describe("evidence quotes the whole amount and the whole link", () => {
  const quotes = (text: string, id: string) =>
    analyze(text, { lang: "en" }).signals.find((s) => s.id === id)?.evidence.map((e) => e.text) ?? [];
  it("an amount with cents is not cut at the decimal point", () => {
    expect(quotes("Toll notice: pay $12.50 today to avoid a late fee.", "money:transfer")).toEqual(["pay $12.50"]);
    expect(quotes("Please send me $1,250.00 by tonight.", "money:transfer")).toEqual(["send me $1,250.00"]);
  });
  it("a link is quoted up to its end, not as its scheme", () => {
    const link = quotes("Bank alert: your card is frozen. Unlock it at https://card-unlock.top/id?k=7.", "channel:link-given");
    expect(link).toEqual(["https://card-unlock.top/id?k=7"]);
  });
  it("every evidence span is the original text at its offsets", () => {
    const text = "Parcel held, pay $2.99 at https://parcel-fee.top/x now";
    for (const s of analyze(text, { lang: "en" }).signals) for (const e of s.evidence) expect(text.slice(e.start, e.end)).toBe(e.text);
  });
});

describe("a verdict's reasons are in one language, never a mix", () => {
  const CJK = /[\u3400-\u9fff]/;
  it("an English verdict on a Chinese script names the tactics without quoting the Chinese", () => {
    const v = analyze("您好，我是京东金融客服，您的学生账户需要注销，否则影响征信，请下载腾讯会议共享屏幕", { lang: "en" });
    expect(v.lang).toBe("en");
    expect(v.reasons.length).toBeGreaterThan(1);
    for (const r of v.reasons) expect(r, r).not.toMatch(CJK);
    expect(v.reasons).toContain("Asks to share or record the screen.");
    // The evidence itself is kept for highlighting.
    expect(v.signals.find((s) => s.id === "channel:screen-share")?.evidence[0]?.text).toBe("共享屏幕");
  });
  it("a Chinese verdict on an English script quotes no English phrase, but keeps a name it can quote", () => {
    const v = analyze("hello this is amazon, your account is locked, please install anydesk and read me the code", { lang: "zh" });
    expect(v.lang).toBe("zh");
    for (const r of v.reasons) expect(r, r).not.toMatch(/[A-Za-z]{2,}\s+[A-Za-z]{2,}/);
    expect(v.reasons.some((r) => r.includes("“anydesk”"))).toBe(true);
  });
  it("a mixed text quotes what is in the verdict's language and drops the rest", () => {
    const v = analyze("Hi this is Apple support. 您的Apple ID已被锁定，请共享屏幕 and read me the verification code", { lang: "en" });
    for (const r of v.reasons) expect(r, r).not.toMatch(CJK);
    expect(v.reasons.some((r) => r.includes("“read me the verification code”"))).toBe(true);
  });
});
