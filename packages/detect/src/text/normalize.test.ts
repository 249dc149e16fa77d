import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { detectLang } from "./lang.js";
import { normalize, toOriginalSpan } from "./normalize.js";

interface NormalizeCase {
  id: string;
  input: string;
  normalized: string;
  find?: string;
  original?: string;
}

const cases: NormalizeCase[] = readFileSync(new URL("../../data/cases/normalize.jsonl", import.meta.url), "utf8")
  .trim()
  .split("\n")
  .map((line) => JSON.parse(line) as NormalizeCase);

describe("normalize", () => {
  it.each(cases)("$id", (c) => {
    const n = normalize(c.input);
    expect(n.normalized).toBe(c.normalized);
    expect(n.toOriginal.length).toBe(n.normalized.length + 1);
    expect(n.toOriginal[n.normalized.length]).toBe(c.input.length);
    if (c.find !== undefined) {
      const at = n.normalized.indexOf(c.find);
      expect(at).toBeGreaterThanOrEqual(0);
      expect(toOriginalSpan(n, at, at + c.find.length).text).toBe(c.original);
    }
  });

  it("keeps the offset map monotonic and inside the original for arbitrary input", () => {
    const alphabet = ["安", "全", " ", "-", "\u200b", "Ａ", "v", "x", "帳", "戶", "0", "a", "。", "\n", "\r", "𝐬", "y", "z", "m", "е"];
    let seed = 7;
    const rand = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let t = 0; t < 300; t++) {
      const s = Array.from({ length: rand(40) }, () => alphabet[rand(alphabet.length)]).join("");
      const n = normalize(s);
      expect(n.toOriginal.length).toBe(n.normalized.length + 1);
      for (let i = 1; i < n.toOriginal.length; i++) expect(n.toOriginal[i]!).toBeGreaterThanOrEqual(n.toOriginal[i - 1]!);
      expect(n.toOriginal[n.normalized.length]).toBe(s.length);
    }
  });

  it("handles empty text", () => {
    const n = normalize("");
    expect(n.normalized).toBe("");
    expect([...n.toOriginal]).toEqual([0]);
  });

  it("maps an abbreviation's expansion back to the whole abbreviation", () => {
    const n = normalize("加weixin好友");
    expect(n.normalized).toBe("加微信好友");
    expect(toOriginalSpan(n, 1, 3).text).toBe("weixin");
  });
});

describe("detectLang", () => {
  it.each([
    ["您好，这里是京东客服", "zh"],
    ["Hi, this is Amazon support, ask for 张三", "en"],
    ["请打开FaceTime共享屏幕", "zh"],
    ["", "en"],
  ])("%s → %s", (text, lang) => {
    expect(detectLang(text)).toBe(lang);
  });
});
