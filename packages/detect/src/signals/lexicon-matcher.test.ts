import fc from "fast-check";
import { describe, expect, it } from "vitest";
import commonLexicon from "../../data/lexicons/common.json" with { type: "json" };
import enLexicon from "../../data/lexicons/en.json" with { type: "json" };
import warningCues from "../../data/lexicons/warning.json" with { type: "json" };
import playbook from "../../data/lexicons/playbook.json" with { type: "json" };
import zhLexicon from "../../data/lexicons/zh.json" with { type: "json" };
import {
  anchorLiterals,
  anchorsOf,
  buildLexiconTables,
  compileLexicon,
  compileLexicons,
  decodeLexiconTables,
  encodeLexiconTables,
  followSets,
  type LexiconSet,
  maxMatchLength,
  requiredLiterals,
} from "./lexicon-matcher.js";
import type { LexiconEntry, LexiconFile } from "./lexicon-types.js";

const entry = (patterns: string[], family: LexiconEntry["family"] = "pretext"): LexiconEntry => ({
  id: `${family}:x`,
  family,
  stage: null,
  weight: 1,
  description: "test entry",
  patterns,
});

/** Every pattern the engine scans for, with the options its lexicon is compiled with. */
const lexicons: { name: string; wordStart: boolean; patterns: string[] }[] = [
  { name: "zh", wordStart: false, patterns: (zhLexicon as LexiconFile).entries.flatMap((e) => e.patterns) },
  { name: "en", wordStart: true, patterns: (enLexicon as LexiconFile).entries.flatMap((e) => e.patterns) },
  { name: "common", wordStart: true, patterns: (commonLexicon as LexiconFile).entries.flatMap((e) => e.patterns) },
  { name: "warning zh", wordStart: false, patterns: [...warningCues.sentence.zh, ...warningCues.clause.zh] },
  { name: "warning en", wordStart: true, patterns: [...warningCues.sentence.en, ...warningCues.clause.en] },
  {
    name: "narrative and chat-form zh",
    wordStart: false,
    patterns: [
      ...Object.values(warningCues.narrative.zh).flat(),
      ...warningCues.narrative.generic.zh,
      ...warningCues.narrative.generic.caseZh,
      ...playbook.structure.optOut,
      ...playbook.structure.trajectory.lure.zh,
      ...playbook.structure.trajectory.moveCues.zh,
      ...playbook.structure.trajectory.gain.zh,
      ...playbook.structure.newAccount.zh,
    ],
  },
  {
    name: "narrative and chat-form en",
    wordStart: true,
    patterns: [
      ...Object.values(warningCues.narrative.en).flat(),
      ...warningCues.narrative.generic.en,
      ...playbook.structure.trajectory.lure.en,
      ...playbook.structure.trajectory.moveCues.en,
      ...playbook.structure.trajectory.gain.en,
      ...playbook.structure.newAccount.en,
    ],
  },
];

/** Texts that start with a match of `pattern` (fast-check has no `\b`: generated without it, kept when the pattern matches). */
function matchesOf(pattern: string, runs: number): string[] {
  const sticky = new RegExp(pattern, "y");
  let samples: string[];
  try {
    samples = fc.sample(fc.stringMatching(new RegExp(`^(?:${pattern.replaceAll("\\b", "")})`)), { numRuns: runs, seed: 7 });
  } catch {
    return [];
  }
  return samples.filter((s) => {
    sticky.lastIndex = 0;
    return sticky.test(s);
  });
}

describe("anchorLiterals", () => {
  it("widens short anchors across optional parts and small classes", () => {
    expect(anchorLiterals("(你|您)(的)?(儿子|女儿)")?.sort()).toEqual(["你儿子", "你女儿", "你的儿子", "你的女儿", "您儿子", "您女儿", "您的儿子", "您的女儿"]);
    expect(anchorLiterals("(你|您)[,，]?我是")?.sort()).toEqual(["你,我", "你我是", "你，我", "您,我", "您我是", "您，我"]);
  });

  it("widens a prefix by a complex alternative's anchors and ends it there", () => {
    expect(anchorLiterals("(你|您)(在[^,]{0,6})?(卖|出售)的")?.sort()).toEqual(["你出售", "你卖的", "你在", "您出售", "您卖的", "您在"]);
    expect(anchorLiterals("(toll|e-?zpass)\\b[^!?]{0,9}due")?.sort()).toEqual(["e-zpa", "ezpas", "toll"]);
  });

  it("anchors every top-level alternative", () => {
    expect(anchorLiterals("(此类|类似的?)(诈骗|骗局)|这种(诈骗|骗局)")?.sort()).toEqual(["此类诈骗", "此类骗局", "类似", "类似的", "这种诈骗", "这种骗局"]);
    expect(anchorLiterals("(back|knee) brace|genetic (test|screening)")?.sort()).toEqual(["back ", "genet", "knee "]);
  });

  it("gives up (null) rather than guess when a pattern cannot be anchored", () => {
    expect(anchorLiterals("[^a]+x")).toBeNull();
    expect(anchorLiterals("\\d{4}")).toBeNull();
  });
});

describe("followSets", () => {
  it("lists what can follow an anchor: the next unit of a longer anchor, the first units of the rest", () => {
    expect(followSets(anchorsOf("(王|李)(女士|先生|某)")!, ["王", "李"])).toEqual([["女", "先", "某"], ["女", "先", "某"]]);
    expect(followSets(anchorsOf("(你|您)(的)?(儿子|女儿)")!, ["你儿子", "你女儿", "你的", "您儿子", "您女儿", "您的"])).toEqual([
      null,
      null,
      ["儿", "女"],
      null,
      null,
      ["儿", "女"],
    ]);
  });

  it("says nothing (null) where the rest is not a literal start: a class, a lookaround, an optional part, the end", () => {
    expect(followSets(anchorsOf("以[^,]{1,12}为")!, ["以"])).toEqual([null]);
    expect(followSets(anchorsOf("别(?!担心)")!, ["别"])).toEqual([null]);
    expect(followSets(anchorsOf("(王|李)(女士)?")!, ["王", "李"])).toEqual([null, null]);
    expect(followSets(anchorsOf("转[0-9]*元")!, ["转"])).toEqual([null]);
  });

  it("reads a mandatory class after the anchor, ranges spelled out", () => {
    expect(followSets(anchorsOf("(打|汇)[0-3两]+(万|千)")!, ["打", "汇"])).toEqual([
      ["0", "1", "2", "3", "两"],
      ["0", "1", "2", "3", "两"],
    ]);
    expect(followSets(anchorsOf("(打|汇)[a-z0-9-]+\\.com")!, ["打", "汇"])).toEqual([null, null]);
  });
});

describe("requiredLiterals", () => {
  it("lists the literals every match contains, one atom per mandatory part", () => {
    expect(requiredLiterals("(告诉|报)(一下)?[^,]{0,6}(验证码|密码)")).toEqual([["告诉", "报"], ["验证码", "密码"]]);
    expect(requiredLiterals("身份证号?[:]?\\d+")).toEqual([["身份证"]]);
    expect(requiredLiterals("(toll|e-?zpass)\\b.{0,9}(due|fee)")).toEqual([["toll", "ezpass", "e-zpass"], ["due", "fee"]]);
    expect(requiredLiterals("验证码|(动态|短信)码")).toEqual([["验证码", "动态码", "短信码"]]);
    // A character or plain group that occurs at most once extends the run both ways; a longer alternative that
    // contains a shorter one is dropped.
    expect(requiredLiterals("(更新|验证).{0,10}(https?:|www\\.)")).toEqual([["更新", "验证"], ["http:", "https:", "www."]]);
    expect(requiredLiterals("身份证号?码")).toEqual([["身份证码", "身份证号码"]]);
    expect(requiredLiterals("(a|aa)b")).toEqual([["ab"]]);
    // A group of plain literals extends the run it follows: one atom of the words, not a common character.
    expect(requiredLiterals("(收益|回报)越(高|多)")).toEqual([["收益越高", "收益越多", "回报越高", "回报越多"]]);
  });
});

describe("maxMatchLength", () => {
  it("bounds a match by its quantifiers, spans nothing for assertions, gives up on unbounded ones", () => {
    expect(maxMatchLength("(注销|关闭)[^,]{0,6}账户")).toBe(10);
    expect(maxMatchLength("(?<!要)不要\\b(?=x)")).toBe(2);
    expect(maxMatchLength("(?:ab){3}c?|x")).toBe(7);
    expect(maxMatchLength("验证码+")).toBe(Number.POSITIVE_INFINITY);
    expect(maxMatchLength("x{2,}")).toBe(Number.POSITIVE_INFINITY);
  });

  // The scanner skips a pattern whose required literals do not occur within this many units: too small a
  // bound would lose matches silently.
  it.each(lexicons.map((l) => [l.name, l] as const))("is never shorter than a match of a %s pattern", (_, lexicon) => {
    for (const pattern of lexicon.patterns) {
      const sticky = new RegExp(pattern, "y");
      for (const text of matchesOf(pattern, 8)) {
        sticky.lastIndex = 0;
        sticky.test(text);
        expect(sticky.lastIndex, `${pattern} on ${JSON.stringify(text)}`).toBeLessThanOrEqual(maxMatchLength(pattern));
      }
    }
  });
});

describe("compileLexicon", () => {
  // The scanner only runs a pattern where one of its anchors starts: a wrong anchor would lose matches silently.
  it.each(lexicons.map((l) => [l.name, l] as const))("finds every %s pattern at the start of a text it matches", (_, lexicon) => {
    let checked = 0;
    for (const pattern of lexicon.patterns) {
      const scanner = compileLexicon([entry([pattern], "protective")], { wordStart: lexicon.wordStart });
      for (const text of matchesOf(pattern, 8)) {
        checked++;
        expect(scanner.scan(text).some((h) => h.start === 0), `${pattern} on ${JSON.stringify(text)}`).toBe(true);
      }
    }
    expect(checked).toBeGreaterThan(lexicon.patterns.length * 2);
  });

  // Texts of several matches in a row: a pattern's required literals then occur both inside and outside
  // its match, so a wrong window (maxMatchLength, the automaton's positions) shows as a lost or extra hit.
  it.each(lexicons.map((l) => [l.name, l] as const))("finds in %s texts exactly what every pattern tried at every position finds", (_, lexicon) => {
    const entries = lexicon.patterns.map((p) => entry([p], "protective"));
    const scanner = compileLexicon(entries, { wordStart: lexicon.wordStart });
    const samples = lexicon.patterns.flatMap((p) => matchesOf(p, 2));
    const stickies = lexicon.patterns.map((p) => new RegExp(p, "y"));
    const isWord = (c: number): boolean => (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39);
    for (let k = 0; k + 6 <= samples.length; k += 37) {
      const text = samples.slice(k, k + 6).join(k % 2 === 0 ? " " : "");
      const expected: { entry: number; start: number; end: number }[] = [];
      for (let i = 0; i < text.length; i++) {
        if (lexicon.wordStart && i > 0 && isWord(text.charCodeAt(i - 1))) continue;
        stickies.forEach((re, e) => {
          re.lastIndex = i;
          if (re.test(text) && re.lastIndex > i) expected.push({ entry: e, start: i, end: re.lastIndex });
        });
      }
      expect(scanner.scan(text), text).toEqual(expected);
    }
  });

  it("does not count a request after a negator in the same clause", () => {
    const scanner = compileLexicon([entry(["验证码"], "credential")], { negators: "不要|请勿" });
    expect(scanner.scan("请勿透露验证码").length).toBe(0);
    expect(scanner.scan("请勿外传。告诉我验证码").map((h) => h.start)).toEqual([8]);
  });

  it("counts a negator that a match starts inside as negating it, and only then", () => {
    const scanner = compileLexicon([entry(["需(要)?缴[^,。]{0,4}费"], "money")], { negators: "无需|不需要|不要" });
    expect(scanner.scan("解冻无需缴纳任何费用").length).toBe(0);
    expect(scanner.scan("办理不需要缴费").length).toBe(0);
    // A negator in another clause (text here is normalised: half-width commas), or none at all, does not count.
    expect(scanner.scan("无需担心,需缴纳手续费").map((h) => h.start)).toEqual([5]);
    expect(scanner.scan("账户冻结需要缴费").map((h) => h.start)).toEqual([4]);
  });
});

describe("compileLexicons", () => {
  const sets: LexiconSet[] = [
    { entries: [entry(["安全账户", "(转|汇)到"], "money")], options: { negators: "不要", negationWindow: 6 } },
    { entries: [entry(["(safe|secure) account", "transfer"], "money")], options: { wordStart: true, negators: "never" } },
    { entries: [entry(["账户"]), entry(["account"])] },
  ];
  const texts = ["请转到安全账户", "不要转到安全账户", "never transfer to a safe account", "retransfer 安全账户 secure account"];

  it("finds in one pass what each lexicon finds alone, each with its own options", () => {
    const one = compileLexicons(sets);
    const alone = sets.map((s) => compileLexicon(s.entries, s.options));
    for (const text of texts) {
      expect(one.scan(text), text).toEqual(alone.map((c) => c.scan(text)));
    }
  });

  it("scans only the lexicons enabled for a text", () => {
    const one = compileLexicons(sets);
    const hits = one.scan("转到安全账户 safe account", 0b010);
    expect(hits[0]).toBeNull();
    expect(hits[1]?.length).toBe(1);
    expect(hits[2]).toBeNull();
  });

  it("names the lexicons with a pattern it cannot anchor (run over the whole text)", () => {
    expect(compileLexicons([{ entries: [entry(["安全账户"])] }, { entries: [entry(["[0-9]{6}"])] }]).unanchoredSets).toBe(0b10);
  });
});

describe("lexicon tables (what a process keeps of the compiled scanner)", () => {
  // The engine's own lexicons, each with its options: the tables are read from the sources alone.
  const sets: LexiconSet[] = lexicons.map((l) => ({
    entries: l.patterns.map((p, i) => entry([p], i % 3 === 0 ? "money" : "protective")),
    options: { wordStart: l.wordStart, negators: l.wordStart ? "\\b(never|don't)\\b" : "不要|请勿|无需", negationWindow: 12 },
  }));
  /** Blanks out a tables object's typed arrays (compared as bytes instead). */
  const arraysOnly = Object.fromEntries(
    ["patternMaxLength", "patternAtomFrom", "patternAtoms", "unanchored", "literalLength", "anchorFrom", "anchorPatterns", "followFrom", "followUnit", "literalAtoms", "literalRecord", "rootNext", "nodes", "outputList", "slots"].map((k) => [k, null]),
  );
  const texts = lexicons.flatMap((l) => l.patterns.filter((_, i) => i % 5 === 0).flatMap((p) => matchesOf(p, 1)));

  it("decode(encode(tables)) is the same tables, and scans as the scanner compiled from the sources", () => {
    const tables = buildLexiconTables(sets);
    const bytes = encodeLexiconTables(tables);
    const decoded = decodeLexiconTables(bytes);
    // Same counts and sources, and the same bytes again (a typed array compared element by element takes seconds).
    expect({ ...decoded, ...arraysOnly }).toEqual({ ...tables, ...arraysOnly });
    expect(Buffer.from(encodeLexiconTables(decoded)).equals(Buffer.from(bytes))).toBe(true);
    // compileLexicons(sets) builds these tables itself: the scanner from them is the one from the sources.
    const fresh = compileLexicons(sets, tables);
    const kept = compileLexicons(sets, decoded);
    expect(kept.unanchoredSets).toBe(fresh.unanchoredSets);
    expect(texts.length).toBeGreaterThan(100);
    for (let k = 0; k + 3 <= texts.length; k += 3) {
      const text = texts.slice(k, k + 3).join(k % 2 === 0 ? " " : "，不要");
      expect(kept.scan(text), text).toEqual(fresh.scan(text));
    }
  });

  it("decodes a Node Buffer cut from a shared pool (not at offset 0)", () => {
    const bytes = encodeLexiconTables(buildLexiconTables(sets.slice(3, 4)));
    const pooled = Buffer.concat([Buffer.from([1, 2, 3]), Buffer.from(bytes)]).subarray(3);
    expect(Buffer.from(encodeLexiconTables(decodeLexiconTables(pooled))).equals(Buffer.from(bytes))).toBe(true);
  });

  it("refuses bytes cut short or of another format, and tables of other patterns", () => {
    const bytes = encodeLexiconTables(buildLexiconTables(sets.slice(3, 5)));
    expect(() => decodeLexiconTables(bytes.subarray(0, bytes.length - 8))).toThrow(/cut short/);
    expect(() => decodeLexiconTables(bytes.subarray(0, 3))).toThrow(/cut short/);
    expect(() => decodeLexiconTables(new TextEncoder().encode("garbage!"))).toThrow();
    const other: LexiconSet[] = [{ entries: [entry(["安全账户"])] }, sets[4]!];
    expect(() => compileLexicons(other, decodeLexiconTables(bytes))).toThrow(/other patterns/);
  });
});
