import { VerifyResponseSchema } from "@scamguard/contracts";
import { describe, expect, it } from "vitest";
import { foldKey } from "../identifiers/fold.js";
import verifyCases from "./verify-cases.json" with { type: "json" };
import {
  type ContactChannel,
  findInstitutionMentions,
  getInstitution,
  isOfficialContact,
  listInstitutions,
  officialContactOwner,
  resolveClaim,
  searchDirectory,
  type VerifyClaimInput,
  verifyClaim,
} from "./index.js";

describe("lookups", () => {
  it("lists and gets institutions", () => {
    expect(listInstitutions().length).toBeGreaterThanOrEqual(40);
    expect(getInstitution("webank")?.numbers).toEqual(["95384"]);
    expect(getInstitution("nope")).toBeUndefined();
  });

  it("no alias, name or product alias belongs to two institutions", () => {
    const owner = new Map<string, string>();
    for (const e of listInstitutions()) {
      for (const alias of new Set([e.name.zh, e.name.en, ...e.aliases].map(foldKey))) {
        expect(owner.get(alias) ?? e.id, `${alias}: ${owner.get(alias)} and ${e.id}`).toBe(e.id);
        owner.set(alias, e.id);
      }
    }
  });

  it.each([
    ["phone", "95588", "icbc"],
    ["phone", "+86 95588", "icbc"],
    ["phone", "400 810 8866", "pbc-credit-center"],
    ["phone", "+1 (800) 829-1040", "irs"],
    ["domain", "www.icbc.com.cn", "icbc"],
    ["url", "https://jr.jd.com/loan", "jd"],
    ["email", "service@webank.com", "webank"],
    ["app", "支付宝", "alipay"],
  ] as const)("official %s %j belongs to %s", (kind, value, id) => {
    expect(officialContactOwner(kind, value)?.id).toBe(id);
    expect(isOfficialContact(kind, value)).toBe(true);
  });

  it.each([
    ["phone", "13800138000"],
    ["phone", "abc"],
    ["email", "random@icloud.com"],
    ["email", "kefu@qq.com"],
    ["domain", "jd-kefu.com"],
    ["url", "http://icbc-cn.com/login"],
    ["display_name", "京东客服"],
    ["bank_account", "6222021234567890128"],
  ] as const)("not official: %s %j", (kind, value) => {
    expect(isOfficialContact(kind, value)).toBe(false);
  });
});

describe("searchDirectory", () => {
  it.each([
    ["微粒贷", "webank"],
    ["WeBank", "webank"],
    ["ｗｅｂａｎｋ", "webank"],
    ["花呗", "alipay"],
    ["95588", "icbc"],
    ["400-810-8866", "pbc-credit-center"],
    ["www.ICBC.com.cn", "icbc"],
    ["京东客服电话", "jd"],
    ["bank of china", "boc"],
    ["银 保 监 会", "nfra"],
  ])("%j → %s first", (q, id) => {
    expect(searchDirectory(q)[0]?.id).toBe(id);
  });

  it("answers nothing for an unknown name and everything for an empty query", () => {
    expect(searchDirectory("某某科技有限公司")).toEqual([]);
    expect(searchDirectory("  ").length).toBe(listInstitutions().length);
  });
});

describe("findInstitutionMentions", () => {
  it("finds the longest alias, with offsets", () => {
    const text = "您好，我是京东金融客服，您的白条和微粒贷都要注销";
    expect(findInstitutionMentions(text)).toEqual([
      { id: "jd", start: 5, end: 11, alias: "京东金融客服" },
      { id: "jd", start: 14, end: 16, alias: "白条" },
      { id: "webank", start: 17, end: 20, alias: "微粒贷" },
    ]);
  });

  it("is case- and width-insensitive and matches latin aliases as whole words", () => {
    expect(findInstitutionMentions("call ＪＤ.com or icbc now").map((m) => m.id)).toEqual(["jd", "icbc"]);
    expect(findInstitutionMentions("install the JDK, read the IRSA paper")).toEqual([]);
  });

  it("does not fire on everyday words that contain a bank's short name", () => {
    expect(findInstitutionMentions("其中行为异常的是电信诈骗，注意平安，推动互联互通")).toEqual([]);
  });

  it("resolves a claimed identity", () => {
    expect(resolveClaim("京东客服")?.id).toBe("jd");
    expect(resolveClaim("工商银行客服中心")?.id).toBe("icbc");
    expect(resolveClaim("ICBC customer service")?.id).toBe("icbc");
    expect(resolveClaim("某某科技")).toBeUndefined();
  });
});

describe("verifyClaim: shared cases (verify-cases.json)", () => {
  it.each(verifyCases.cases.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const r = verifyClaim({ claimed: c.claimed, contact: c.contact as VerifyClaimInput["contact"], ...(c.channel ? { channel: c.channel as ContactChannel } : {}) });
    expect(r.result).toBe(c.result);
    expect(r.institution?.id ?? null).toBe(c.institution);
    if (c.callBack) expect(r.callBack).toEqual(c.callBack);
    expect(r.reasons.length).toBeGreaterThan(0);
    expect(VerifyResponseSchema.parse(r)).toEqual(r);
  });
});

describe("verifyClaim: reasons", () => {
  it("an unknown claimed name says so and gives no call-back numbers", () => {
    const r = verifyClaim({ claimed: "某某科技客服", contact: { kind: "phone", value: "13800138000" } });
    expect(r).toEqual({ result: "unknown", institution: null, callBack: [], reasons: ['"某某科技客服" names no institution in the official directory'] });
  });

  it("FaceTime is named, and every mismatch ends with what to do", () => {
    const r = verifyClaim({ claimed: "京东客服", contact: { kind: "email", value: "random@icloud.com" }, channel: "facetime" });
    expect(r.reasons[0]).toMatch(/FaceTime/);
    expect(r.reasons.at(-1)).toBe("JD.com: hang up and call 950618 yourself");
  });

  it("says what kind of contact it was", () => {
    expect(verifyClaim({ claimed: "京东客服", contact: { kind: "email", value: "random@icloud.com" } }).reasons[0]).toMatch(/personal mailbox/);
    expect(verifyClaim({ claimed: "微众银行", contact: { kind: "phone", value: "13800138000" } }).reasons[0]).toMatch(/personal mobile/);
    expect(verifyClaim({ claimed: "微粒贷客服", contact: { kind: "phone", value: "95588" } }).reasons[0]).toMatch(/Industrial and Commercial Bank of China/);
    expect(verifyClaim({ claimed: "工商银行", contact: { kind: "phone", value: "95588" } }).reasons).toContain(
      "caller ID can be faked: for anything about money, call back the official number yourself",
    );
  });
});

describe("verifyClaim: a number foreign to the institution, not to the reader", () => {
  it("calls a US number claiming a US institution not official, never foreign; a call from abroad stays foreign", () => {
    const amazon = verifyClaim({ claimed: "Amazon", contact: { kind: "phone", value: "+1 (213) 555-0187" } });
    expect(amazon.result).toBe("mismatch");
    expect(amazon.reasons[0]).toBe("+1 (213) 555-0187 is not an official number of Amazon");
    expect(verifyClaim({ claimed: "IRS", contact: { kind: "phone", value: "1-202-555-0134" } }).reasons[0]).not.toMatch(/foreign/);
    expect(verifyClaim({ claimed: "Amazon", contact: { kind: "phone", value: "+44 20 7946 0958" } }).reasons[0]).toMatch(/foreign number/);
    expect(verifyClaim({ claimed: "京东客服", contact: { kind: "phone", value: "+1 213 555 0187" } }).reasons[0]).toMatch(/foreign number/);
    expect(verifyClaim({ claimed: "Apple", contact: { kind: "phone", value: "+1 213 555 0187" } }).reasons[0]).not.toMatch(/foreign/);
  });
});

describe("verifyClaim in Chinese", () => {
  it("gives the reasons in zh when asked", () => {
    const r = verifyClaim({ claimed: "京东客服", contact: { kind: "email", value: "random@icloud.com" }, channel: "facetime", lang: "zh" });
    expect(r.reasons).toEqual(["京东从不通过 FaceTime 或 iMessage 联系用户；显示的名称谁都可以随意设置", "京东：请挂断，自行拨打 950618 核实"]);
    expect(verifyClaim({ claimed: "工商银行", contact: { kind: "phone", value: "95588" }, lang: "zh" }).reasons[0]).toBe("95588 是中国工商银行的官方号码");
    expect(verifyClaim({ claimed: "某某科技", contact: { kind: "phone", value: "95588" }, lang: "zh" }).reasons).toEqual(["官方名录中没有“某某科技”所指的机构"]);
  });
});
