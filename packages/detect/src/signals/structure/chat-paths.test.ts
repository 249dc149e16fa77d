import { describe, expect, it } from "vitest";
import { readChatPathCases } from "../../../test/case-table.js";
import { analyze } from "../../analyze.js";
import { detectSignals } from "../detect-signals.js";
import { readStructure } from "../structure.js";

const cases = readChatPathCases();

/** The structure `analyze` reads for a text. */
const structureOf = (t: string) => {
  const { text, signals } = detectSignals(t);
  return readStructure(text, signals);
};

it("chat-path case ids are unique and every path has scams and benign look-alikes in both languages", () => {
  expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length);
  for (const path of new Set(cases.map((c) => c.path))) {
    const rows = cases.filter((c) => c.path === path);
    expect(rows.some((c) => c.label === 1 && c.lang === "zh") && rows.some((c) => c.label === 1 && c.lang === "en"), path).toBe(true);
    expect(rows.some((c) => c.label === 0), path).toBe(true);
  }
});

describe("chat-form scams without an institution are flagged", () => {
  it.each(cases.filter((c) => c.label === 1).map((c) => [c.id, c] as const))("%s", (_, c) => {
    const v = analyze(c.text);
    expect(v.risk === "high" || v.risk === "critical", `${v.risk} ${v.score}`).toBe(true);
    expect(v.lang).toBe(c.lang);
  });
});

describe("their benign look-alikes stay low", () => {
  it.each(cases.filter((c) => c.label === 0).map((c) => [c.id, c] as const))("%s", (_, c) => {
    const v = analyze(c.text);
    expect(c.maxRisk === "medium" ? ["low", "medium"] : ["low"], `${v.risk} ${v.score}`).toContain(v.risk);
  });
});

describe("the persona path", () => {
  it("reads a new account with a money request made of the reader as the acquaintance playbook", () => {
    expect(structureOf("小张，这是我的新微信，旧号不用了。我在开会，你先帮我转两万给这个账户，别声张。").persona).toBe(true);
    expect(structureOf("Hi Mum, this is my new number. Can you transfer me $300 today? I'll pay you back.").persona).toBe(true);
  });

  it("reads a new account alone as the writer's own news, not a claim", () => {
    const s = structureOf("我换号了，这是我的新号码，旧号码下个月停机，大家存一下。");
    expect(s.claimAndAsk).toBe(false);
    expect(s.persona).toBe(false);
    expect(s.self?.has("impersonation:acquaintance")).toBe(true);
  });

  it("needs a cover, pressure or a private channel besides a named teacher and a fee", () => {
    expect(structureOf("我是李老师，本学期校服费请家长们在学校缴费平台缴纳。").persona).toBe(false);
    expect(structureOf("家长们好，我是王老师，资料费每人168元，今晚八点前直接转账到我的微信。").persona).toBe(true);
  });
});

describe("the release-fee path", () => {
  it("reads a fee before the reader can withdraw or receive, from a sender with a claim or lure, as the playbook's end", () => {
    expect(structureOf("A: 你在平台上卖的那个号我想要。\nA: 你的账户没有开通会员，需要先交1000元保证金才能解冻提现。").releaseFee).toBe(true);
    expect(structureOf("My love, customs are holding my luggage at the airport. I need $900 for the clearance fee, please send it by gift cards.").releaseFee).toBe(true);
  });

  it("does not read a platform's fee notice or a warning about recovery scams as one", () => {
    expect(structureOf("A: 我在理财平台买的产品到期了，怎么提现？\nB: 到期后本金和收益会自动回到您的银行卡，不收取任何费用。").releaseFee).toBe(false);
    expect(structureOf("Warning: fake recovery agents ask victims to pay a recovery fee before they can withdraw the funds. Never pay it.").releaseFee).toBe(false);
  });
});
