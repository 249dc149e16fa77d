import { describe, expect, it } from "vitest";
import { extractIdentifiers } from "./extract.js";
import { isCardNumber, luhnValid } from "./luhn.js";
import { normalizeIdentifier } from "./normalize.js";

const brief = (text: string) => extractIdentifiers(text).map((i) => [i.kind, i.value, i.normalized]);

describe("Luhn and card numbers", () => {
  it.each([
    ["6222021234567890128", true],
    ["6222021234567890127", false],
    ["6217000010012345677", true],
    ["4111111111111111", true],
    ["4111111111111112", false],
    ["", false],
    ["12a4", false],
  ])("luhnValid(%j) = %s", (digits, ok) => expect(luhnValid(digits)).toBe(ok));

  it("needs 16–19 digits and an issuer prefix", () => {
    expect(isCardNumber("6222021234567890128")).toBe(true);
    expect(isCardNumber("79927398713")).toBe(false); // Luhn-valid but 11 digits
    expect(isCardNumber("1000000000000009")).toBe(false); // Luhn-valid, no issuer starts with 1
  });
});

describe("extractIdentifiers", () => {
  it("returns nothing for text without identifiers", () => {
    expect(extractIdentifiers("")).toEqual([]);
    expect(extractIdentifiers("您好，您的学生账户需要注销，否则影响征信。")).toEqual([]);
  });

  it("gives offsets into the text it was given, value exactly as written", () => {
    const text = "加我 random@icloud.com 或拨 138 0013 8000";
    const found = extractIdentifiers(text);
    expect(found).toEqual([
      { kind: "email", value: "random@icloud.com", normalized: "random@icloud.com", start: 3, end: 20 },
      { kind: "phone", value: "138 0013 8000", normalized: "+8613800138000", start: 24, end: 37 },
    ]);
    for (const f of found) expect(text.slice(f.start, f.end)).toBe(f.value);
  });

  it("agrees with normalizeIdentifier for every kind it finds", () => {
    const text =
      "FaceTime 来电 Kefu.JD@iCloud.com，下载 ToDesk 和腾讯会议，会议号：123 456 7890，打开 https://jd-kefu.com/login?x=1。" +
      "转到安全账户 6222 0212 3456 7890 128，拨打 95588 或 +1 800-829-1040，访问 webank-service.cn";
    const found = extractIdentifiers(text);
    expect(found.map((f) => f.kind)).toEqual(["email", "app", "app", "meeting_id", "url", "bank_account", "phone", "phone", "domain"]);
    for (const f of found) {
      expect(text.slice(f.start, f.end)).toBe(f.value);
      expect(normalizeIdentifier(f.kind, f.value)).toEqual({ ok: true, normalized: f.normalized });
    }
  });

  it("splits numbers written next to each other", () => {
    expect(brief("请拨打95588或110，或400-810-8866，95588 13800138000")).toEqual([
      ["phone", "95588", "95588"],
      ["phone", "110", "110"],
      ["phone", "400-810-8866", "4008108866"],
      ["phone", "95588", "95588"],
      ["phone", "13800138000", "+8613800138000"],
    ]);
  });

  it("never runs a hotline and a mobile written side by side into one card number that passes Luhn by chance", () => {
    // Seen as a new user: "工行客服 95588 13912345678" was one bank_account 9558813912345678 on the page and in /v1/analyze.
    expect(brief("工行客服 95588 13912345678")).toEqual([
      ["phone", "95588", "95588"],
      ["phone", "13912345678", "+8613912345678"],
    ]);
    expect(brief("转到 6222 0212 3456 7890 128")).toEqual([["bank_account", "6222 0212 3456 7890 128", "6222021234567890128"]]);
    expect(brief("转到 622202 1234567890128")).toEqual([["bank_account", "622202 1234567890128", "6222021234567890128"]]);
    expect(brief("卡号 95588 13912345678")).toEqual([["bank_account", "95588 13912345678", "9558813912345678"]]);
  });

  it("finds US numbers written the American way, without +1, so their reports count in the verdict", () => {
    expect(brief("call us back at (202) 555-0148 or 866-555-0177 to avoid arrest")).toEqual([
      ["phone", "(202) 555-0148", "+12025550148"],
      ["phone", "866-555-0177", "+18665550177"],
    ]);
    expect(brief("meeting ID 882-443-9011")).toEqual([["meeting_id", "882-443-9011", "8824439011"]]);
  });

  it("does not take money, versions, file names or years for identifiers", () => {
    expect(brief("转账10000元，手续费150元，¥950618，版本 v1.2.3，见 readme.md，2023-11-22，金额：95588")).toEqual([]);
  });

  it("needs meeting context for a meeting ID and Luhn or account context for a bank account", () => {
    expect(brief("会议号 987654321")).toEqual([["meeting_id", "987654321", "987654321"]]);
    expect(brief("编号 987654321")).toEqual([]);
    expect(brief("卡号 6222021234567890127")).toEqual([["bank_account", "6222021234567890127", "6222021234567890127"]]);
    expect(brief("订单 6222021234567890127")).toEqual([]);
    expect(brief("订单 6222021234567890128")).toEqual([["bank_account", "6222021234567890128", "6222021234567890128"]]);
  });

  it("finds apps on word boundaries only", () => {
    expect(brief("下载向日葵、AnyDesk 或 Zoom")).toEqual([
      ["app", "向日葵", "sunlogin"],
      ["app", "AnyDesk", "anydesk"],
      ["app", "Zoom", "zoom"],
    ]);
    expect(brief("zoomed in, teamviewers")).toEqual([]);
  });

  it("reads a missing space after a full stop as a sentence break, not a domain", () => {
    expect(brief("warned others.In the end, visit JD.com or WWW.ICBC.COM.CN")).toEqual([
      ["domain", "JD.com", "jd.com"],
      ["url", "WWW.ICBC.COM.CN", "http://www.icbc.com.cn/"],
    ]);
  });

  it("prefers URLs and e-mails over the domains inside them", () => {
    expect(brief("visit www.irs.gov. or mail help@irs.gov")).toEqual([
      ["url", "www.irs.gov", "http://www.irs.gov/"],
      ["email", "help@irs.gov", "help@irs.gov"],
    ]);
  });

  it("keeps punycode hosts as URLs and domains", () => {
    expect(brief("http://xn--jd-kefu-9d4e.com/a 和 xn--80ak6aa92e.com")).toEqual([
      ["url", "http://xn--jd-kefu-9d4e.com/a", "http://xn--jd-kefu-9d4e.com/a"],
      ["domain", "xn--80ak6aa92e.com", "xn--80ak6aa92e.com"],
    ]);
  });
});

describe("extractIdentifiers on very large input", () => {
  it("finds every one of 20,000 numbers, in order", () => {
    const text = "电话 13800138000，".repeat(20_000);
    const found = extractIdentifiers(text);
    expect(found.length).toBe(20_000);
    expect(found[19_999]).toMatchObject({ kind: "phone", start: text.length - 12, end: text.length - 1 });
  });

  it("gives up on digit runs too long to be one identifier or a short list", () => {
    expect(extractIdentifiers("1 ".repeat(10_000))).toEqual([]);
  });
});

describe("extractIdentifiers: numbers labelled as something else", () => {
  it.each(["我的工号是12345", "车牌号是沪A12345", "12345号客服", "对于120平方米的房屋", "Cupertino, CA 95014", "110 N Interstate 35, Round Rock, TX 78681", "120 Main Street, Springfield", "订单号 13800138000", "Zoom 会议 line"])("%j has no phone", (text) => {
    expect(extractIdentifiers(text).filter((i) => i.kind === "phone")).toEqual([]);
  });

  it("keeps hotlines named by their number", () => {
    expect(extractIdentifiers("请拨打12345政务热线或12306").map((i) => i.normalized)).toEqual(["12345", "12306"]);
  });
});
