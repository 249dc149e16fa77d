import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { findAmounts, parseChineseAmount } from "./amount.js";
import { normalize } from "./normalize.js";

const cases: Array<{ input: string; value: number | null }> = readFileSync(
  new URL("../../data/cases/amounts.jsonl", import.meta.url),
  "utf8",
)
  .trim()
  .split("\n")
  .map((line) => JSON.parse(line));

describe("parseChineseAmount", () => {
  it.each(cases)("$input → $value", ({ input, value }) => {
    expect(parseChineseAmount(input)).toBe(value);
  });
});

describe("findAmounts", () => {
  it("finds amounts with a currency word, sign or 万/亿 unit, and nothing else", () => {
    const text = normalize("先转账1.63万元，再转一万二千元，等一下，订单号123456，¥5000，共163万").normalized;
    expect(findAmounts(text).map((a) => a.value)).toEqual([16300, 12000, 5000, 1630000]);
  });

  it("reads English scales", () => {
    expect(findAmounts("1.63 million yuan was deducted and $2,500 more").map((a) => a.value)).toEqual([1630000, 2500]);
  });
});
