import { describe, expect, it } from "vitest";
import { normalizeIdentifier } from "./normalize.js";

describe("normalizeIdentifier: failures name the field and the value", () => {
  it.each([
    ["phone", "abc", 'value: not a phone number ("abc")'],
    // Ten bare digits or space-separated groups stay ambiguous (a meeting ID is written "123 456 7890"): say how to write them.
    ["phone", "2025550123", 'value: not a phone number ("2025550123"); ten digits without a country code: write a US or Canadian number as +1 2025550123 or (202) 555-0123'],
    ["phone", "202 555 0123", 'value: not a phone number ("202 555 0123"); ten digits without a country code: write a US or Canadian number as +1 2025550123 or (202) 555-0123'],
    ["phone", "12345678901", 'value: not a phone number ("12345678901")'],
    ["phone", "+999 123", 'value: not a phone number ("+999 123")'],
    ["phone", "+86 12", 'value: not a phone number ("+86 12")'],
    ["email", "not-an-email", 'value: not an e-mail address ("not-an-email")'],
    ["url", "javascript:alert(1)", 'value: not a URL ("javascript:alert(1)")'],
    ["domain", "file.txt", 'value: not a domain ("file.txt")'],
    ["bank_account", "6222-abc", 'value: not a bank account number ("6222-abc")'],
    ["meeting_id", "12", 'value: not a meeting ID ("12")'],
    ["display_name", "\u200b ", 'value: not a display name ("\u200b ")'],
  ] as const)("%s %j", (kind, value, error) => {
    expect(normalizeIdentifier(kind, value)).toEqual({ ok: false, error });
  });
});

describe("normalizeIdentifier: phones", () => {
  it.each([
    ["+86 138 0013 8000", "+8613800138000"],
    ["13800138000", "+8613800138000"],
    ["0086-138-0013-8000", "+8613800138000"],
    ["８６ １３８００１３８０００", "+8613800138000"],
    ["95588", "95588"],
    ["110", "110"],
    ["96110", "96110"],
    ["950618", "950618"],
    ["400-810-8866", "4008108866"],
    ["+86 95588", "95588"],
    ["010-12345678", "+861012345678"],
    ["(0571) 8815 8198", "+8657188158198"],
    ["+1 800-829-1040", "+18008291040"],
    ["1-800-829-1040", "+18008291040"],
    ["+44 20 7946 0958", "+442079460958"],
    ["+1 201 162 7732", "+12011627732"], // unassigned but possible: spoofed caller IDs get reported
    // How Americans write a number without +1 (a new user could not look up or report "(202) 555-0148").
    ["(202) 555-0148", "+12025550148"],
    ["(202)555-0148", "+12025550148"],
    ["202-555-0148", "+12025550148"],
    ["202.555.0148", "+12025550148"],
    ["800-555-0131", "8005550131"], // 400/800 stay Chinese service numbers, as before
  ])("%s → %s", (value, normalized) => {
    expect(normalizeIdentifier("phone", value)).toEqual({ ok: true, normalized });
  });
});

describe("normalizeIdentifier: other kinds", () => {
  it.each([
    ["email", " Random@iCloud.COM ", "random@icloud.com"],
    ["email", "mailto:kefu@JD.com", "kefu@jd.com"],
    ["url", "HTTPS://WWW.JD.COM:443/a?b=1#frag", "https://www.jd.com/a?b=1"],
    ["url", "jd-kefu.com/login", "http://jd-kefu.com/login"],
    ["url", "http://京东.com/", "http://xn--xhq9m.com/"],
    ["domain", "www.jr.JD.com", "jd.com"],
    ["domain", "https://icbc-cn.com/login", "icbc-cn.com"],
    ["domain", "someone.blogspot.com", "someone.blogspot.com"],
    ["domain", "kefu@webank.com", "webank.com"],
    ["bank_account", "6222 0212 3456 7890 128", "6222021234567890128"],
    ["meeting_id", "123 456 7890", "1234567890"],
    ["app", "ＴｏＤｅｓｋ", "todesk"],
    ["app", "腾讯会议", "tencent-meeting"],
    ["app", "SomeNewApp", "somenewapp"],
    ["display_name", "  京东　客服 ", "京东 客服"],
    ["display_name", "ＪＤ Customer\u200bService", "jd customerservice"],
  ] as const)("%s %j → %s", (kind, value, normalized) => {
    expect(normalizeIdentifier(kind, value)).toEqual({ ok: true, normalized });
  });
});
