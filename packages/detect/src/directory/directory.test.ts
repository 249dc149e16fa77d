import { VerifyResponseSchema } from "@scamguard/contracts";
import { describe, expect, it } from "vitest";
import { foldKey } from "../identifiers/fold.js";
import {
  findInstitutionMentions,
  getInstitution,
  isOfficialContact,
  listInstitutions,
  officialContactOwner,
  resolveClaim,
  searchDirectory,
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

describe("verifyClaim", () => {
  it("unknown claimed name → unknown, no call-back numbers", () => {
    const r = verifyClaim({ claimed: "某某科技客服", contact: { kind: "phone", value: "13800138000" } });
    expect(r).toEqual({ result: "unknown", institution: null, callBack: [], reasons: ['"某某科技客服" names no institution in the official directory'] });
  });

  it("FaceTime 京东客服 from random@icloud.com → mismatch, call back 950618", () => {
    const r = verifyClaim({ claimed: "京东客服", contact: { kind: "email", value: "random@icloud.com" }, channel: "facetime" });
    expect(r.result).toBe("mismatch");
    expect(r.institution?.id).toBe("jd");
    expect(r.callBack).toEqual(["950618"]);
    expect(r.reasons.join(" ")).toMatch(/FaceTime/);
    expect(VerifyResponseSchema.parse(r)).toEqual(r);
  });

  it("an e-mail/Apple ID caller is a mismatch even without the channel", () => {
    const r = verifyClaim({ claimed: "京东客服", contact: { kind: "email", value: "random@icloud.com" } });
    expect(r.result).toBe("mismatch");
    expect(r.reasons[0]).toMatch(/personal mailbox/);
  });

  it("95588 claiming 工商银行 → match", () => {
    const r = verifyClaim({ claimed: "工商银行", contact: { kind: "phone", value: "95588" } });
    expect(r).toMatchObject({ result: "match", callBack: ["95588"] });
    expect(r.institution?.id).toBe("icbc");
  });

  it("13800138000 claiming 微众银行 → mismatch with 95384 to call back", () => {
    const r = verifyClaim({ claimed: "微众银行", contact: { kind: "phone", value: "13800138000" } });
    expect(r).toMatchObject({ result: "mismatch", callBack: ["95384"] });
    expect(r.reasons[0]).toMatch(/personal mobile/);
  });

  it("another institution's number is a mismatch that says whose it is", () => {
    const r = verifyClaim({ claimed: "微粒贷客服", contact: { kind: "phone", value: "95588" } });
    expect(r.result).toBe("mismatch");
    expect(r.reasons[0]).toMatch(/中国工商银行/);
  });

  it.each([
    ["京东", "url", "https://jd-kefu.com/login", "mismatch"],
    ["京东", "url", "https://jr.jd.com/", "match"],
    ["京东", "email", "service@jd.com", "match"],
    ["京东", "app", "京东金融", "match"],
    ["京东", "app", "ToDesk", "mismatch"],
    ["银保监会", "bank_account", "6222021234567890128", "mismatch"],
    ["腾讯会议客服", "meeting_id", "123456789", "mismatch"],
    ["支付宝", "meeting_id", "123456789", "mismatch"],
    ["支付宝", "display_name", "支付宝客服", "mismatch"],
    ["工商银行", "phone", "+63 917 123 4567", "mismatch"],
  ] as const)("%s via %s %j → %s", (claimed, kind, value, result) => {
    expect(verifyClaim({ claimed, contact: { kind, value } }).result).toBe(result);
  });

  it("a FaceTime caller is a mismatch even from the official number", () => {
    expect(verifyClaim({ claimed: "工商银行", contact: { kind: "phone", value: "95588" }, channel: "facetime" }).result).toBe("mismatch");
  });
});
