import { describe, expect, it } from "vitest";
import { analyze } from "../analyze.js";
import { normalize, toOriginalSpan } from "./normalize.js";
import { readSpoken } from "./spoken.js";

const read = (t: string) => readSpoken(normalize(t));

describe("readSpoken: spoken numbers, amounts and domains as written", () => {
  it("writes a spoken phone number as digits, also mixed with digit groups and hesitations", () => {
    expect(read("call one eight hundred five five five one two three four now").normalized).toBe("call 18005551234 now");
    expect(read("call eight hundred 555 er 0142 today").normalized).toBe("call 8005550142 today");
    expect(read("at four one five five five five oh one three four").normalized).toBe("at 4155550134");
  });

  it("leaves short runs and ordinary number words alone", () => {
    for (const t of ["press one for more", "one two three go", "twenty four hours", "one of our agents will call", "I have two or three questions"]) {
      expect(read(t).normalized).toBe(normalize(t).normalized);
    }
  });

  it("writes number words before dollars as an amount", () => {
    expect(read("pay two hundred dollars in gift cards").normalized).toBe("pay 200 dollars in gift cards");
    expect(read("a charge of one thousand four hundred ninety nine dollars").normalized).toBe("a charge of 1499 dollars");
  });

  it("writes a spoken domain as a domain", () => {
    expect(read("visit www dot irs dot gov slash refund today").normalized).toBe("visit www.irs.gov/refund today");
    expect(read("go to secure verify dot com").normalized).toBe("go to secure verify.com");
  });

  it("writes five or more Chinese digit characters (幺 = 1) as digits, not numbers with units", () => {
    expect(read("请拨打四零零八幺二三四五六处理").normalized).toBe("请拨打4008123456处理");
    expect(read("转账一万五千元").normalized).toBe("转账一万五千元");
    expect(read("一五一十地说").normalized).toBe("一五一十地说");
  });

  it("keeps evidence spans on the original words", () => {
    const t = "call one eight hundred five five five one two three four now";
    const n = read(t);
    const at = n.normalized.indexOf("18005551234");
    expect(toOriginalSpan(n, at, at + 11).text).toBe("one eight hundred five five five one two three four");
    expect(n.toOriginal.length).toBe(n.normalized.length + 1);
  });

  it("lets a robocall that speaks its callback number complete the playbook", () => {
    const v = analyze("your electric service will be disconnected in thirty minutes for nonpayment call our billing department at eight hundred 555 er 0142");
    expect(v.label).toBe(1);
    expect(v.signals.map((s) => s.id)).toContain("channel:call-back");
  });

  it("keeps a spoken amount an order's amount once it is written as digits (the charge you did not make)", () => {
    // 1f8f90a wrote "two hundred forty nine dollars" as "249 dollars", and the words-only amount of an order stopped matching.
    for (const t of ["this is amazon a charge for two hundred forty nine dollars is on your account press one", "this is amazon a charge for 249 dollars is on your account press one"]) {
      expect(analyze(t).signals.map((s) => s.id)).toContain("pretext:unauthorized-order");
    }
  });
});

describe("spoken phone numbers are identifiers", () => {
  it("recognises an official number said in Chinese digits, with evidence on the spoken words", () => {
    const v = analyze("中国移动您的手机号将于三日后停机请及时缴费如有疑问请拨打一零零八六");
    const official = v.signals.find((s) => s.id === "protective:official-contact");
    expect(official?.evidence[0]?.text).toBe("一零零八六");
    expect(v.label).toBe(0);
  });
});
