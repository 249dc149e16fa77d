import { describe, expect, it } from "vitest";
import { asrStyle, interval } from "./index.js";

describe("eval helpers", () => {
  it("asrStyle drops speaker tags and punctuation, keeping the words", () => {
    expect(asrStyle("A: 您好，我是客服。\nB: 好的？")).toBe("您好 我是客服 好的");
    expect(asrStyle("A: Hi! Press 1, now.\nB: What?")).toBe("Hi Press 1 now What");
  });

  it("Wilson interval brackets the rate and handles empty and extreme counts", () => {
    expect(interval(2, 199)).toBe("0.010 [0.003, 0.036]");
    expect(interval(0, 203)).toMatch(/^0\.000 \[0\.000, 0\.0\d\d\]$/);
    expect(interval(5, 5)).toMatch(/^1\.000 \[0\.\d{3}, 1\.000\]$/);
    expect(interval(0, 0)).toBe("—");
  });
});

describe("firstTurns", () => {
  it("keeps the first n tagged turns with their continuation lines", async () => {
    const { firstTurns } = await import("./index.js");
    expect(firstTurns("A: a\nmore\nB: b\nA: c", 2)).toBe("A: a\nmore\nB: b");
    expect(firstTurns("one sms, no tags", 2)).toBe("one sms, no tags");
  });
});
