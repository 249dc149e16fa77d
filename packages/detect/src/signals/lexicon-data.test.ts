import { PLAYBOOK_STAGES, SIGNAL_FAMILIES } from "@scamguard/contracts";
import { describe, expect, it } from "vitest";
import commonLexicon from "../../data/lexicons/common.json" with { type: "json" };
import enLexicon from "../../data/lexicons/en.json" with { type: "json" };
import playbook from "../../data/lexicons/playbook.json" with { type: "json" };
import zhLexicon from "../../data/lexicons/zh.json" with { type: "json" };
import { leadingLiterals } from "./lexicon-matcher.js";
import type { LexiconFile } from "./lexicon-types.js";

const files = [zhLexicon, enLexicon, commonLexicon] as LexiconFile[];
const entries = files.flatMap((f) => f.entries.map((e) => ({ lang: f.lang, ...e })));

describe("lexicon data files", () => {
  it.each(entries.map((e) => [`${e.lang} ${e.id}`, e] as const))("%s is well formed", (_, e) => {
    expect(e.id).toMatch(/^[a-z]+:[a-z0-9-]+$/);
    expect(e.id.split(":")[0]).toBe(e.family);
    expect(SIGNAL_FAMILIES.ids).toContain(e.family);
    if (e.stage !== null) expect(PLAYBOOK_STAGES.ids).toContain(e.stage);
    expect(e.description.length).toBeGreaterThan(10);
    expect(e.patterns.length).toBeGreaterThan(0);
    // Protective counter-evidence lowers risk; every tactic raises it.
    expect(Math.sign(e.weight)).toBe(e.family === "protective" ? -1 : 1);
    for (const p of e.patterns) {
      expect(() => new RegExp(p, "y")).not.toThrow();
      // Text is lower-cased before matching, so an upper-case literal could never match.
      expect(p.replace(/\\[A-Za-z]/g, "")).toBe(p.replace(/\\[A-Za-z]/g, "").toLowerCase());
      // Anchorable patterns keep the scan to one pass; "" would make every position a candidate.
      const lits = leadingLiterals(p);
      expect(lits, p).not.toBeNull();
      expect(lits!.every((l) => l.length > 0)).toBe(true);
      expect(new RegExp(p).test(""), p).toBe(false);
    }
  });

  it("gives one id the same family, stage and weight in every language", () => {
    const seen = new Map<string, string>();
    for (const e of entries) {
      const key = JSON.stringify([e.family, e.stage, e.weight]);
      expect(seen.get(e.id) ?? key, e.id).toBe(key);
      seen.set(e.id, key);
    }
  });

  it("covers the six tactic families and protective evidence in both languages", () => {
    for (const f of [zhLexicon, enLexicon] as LexiconFile[]) {
      const families = new Set(f.entries.map((e) => e.family));
      expect([...families].sort()).toEqual([...SIGNAL_FAMILIES.ids].sort());
    }
  });

  it("votes only for known signals", () => {
    const ids = new Set(entries.map((e) => e.id));
    for (const id of Object.keys(playbook.votes)) expect(ids.has(id), id).toBe(true);
    for (const combo of playbook.combos) for (const id of combo.all) expect(ids.has(id), id).toBe(true);
  });
});
