import { describe, expect, it } from "vitest";
import { parseLoss } from "./loss.js";

describe("parseLoss (report --loss as a person writes it)", () => {
  it.each([
    ["20000", 20000, null],
    ["20,000", 20000, null],
    ["2万", 20000, null],
    ["2.5万元", 25000, "CNY"],
    ["两万", 20000, null],
    ["三千块", 3000, "CNY"],
    ["5000元", 5000, "CNY"],
    ["¥5,000", 5000, "CNY"],
    ["￥5000", 5000, "CNY"],
    ["$300", 300, "USD"],
    ["300 USD", 300, "USD"],
    ["300 dollars", 300, "USD"],
    ["1.5k", 1500, null],
    ["HK$800", 800, "HKD"],
    ["0", 0, null],
  ] as const)("reads %s", (input, amount, currency) => {
    expect(parseLoss(input)).toEqual({ amount, currency });
  });

  it.each(["", "两", "about 300", "$300元", "-5", "lots", "2万5千"])("refuses %j", (input) => {
    expect(parseLoss(input)).toBeNull();
  });
});
