/**
 * The adversarial suite as a CI gate, bounded: every scam case of the playbook case table (seed scripts
 * and their variants, both languages) under every trick, through analyze(). No trick may cost more
 * than ADVERSARIAL_MAX_DROP of recall; `scamguard eval` runs the same tricks over every scam test text.
 */
import { analyze } from "@scamguard/detect";
import { isScamCase, readCaseTable } from "../../../detect/test/case-table.js";
import { describe, expect, it } from "vitest";
import { runAdversarial, TRICKS } from "./adversarial.js";
import { ADVERSARIAL_MAX_DROP } from "./index.js";

const cases = readCaseTable();
const scams = cases.filter(isScamCase).map((c) => c.text);
const flagged = (text: string) => analyze(text).label === 1;

describe("adversarial suite", () => {
  const report = runAdversarial(scams, flagged);

  it("covers both languages' seed scripts, and every trick changes them", () => {
    expect(scams.length).toBeGreaterThanOrEqual(30);
    expect(report.baseline).toBeGreaterThan(0.9);
    for (const t of report.tricks.filter((r) => r.trick !== "pinyin" && r.trick !== "traditional")) expect(t.changed, t.trick).toBeGreaterThan(scams.length / 3);
  });

  it.each(TRICKS.map((t) => t.id))("%s costs at most 0.02 recall", (id) => {
    const result = report.tricks.find((r) => r.trick === id);
    expect(result?.drop, result?.what).toBeLessThanOrEqual(ADVERSARIAL_MAX_DROP);
  });

  it("is deterministic", () => {
    const trick = TRICKS.find((t) => t.id === "emoji");
    const again = runAdversarial(scams.slice(0, 3), flagged, trick ? [trick] : []);
    expect(again.tricks[0]?.recall).toBe(runAdversarial(scams.slice(0, 3), flagged, trick ? [trick] : []).tricks[0]?.recall);
  });
});

describe("padding and the language switch", () => {
  const weilidai = cases.find((c) => c.id === "seed000-weilidai-facetime-zh")?.text ?? "";

  it("a Chinese script followed by 400 Latin letters stays high, with Chinese reasons", () => {
    const padded = `${weilidai}\n${"lorem ipsum dolor sit amet consectetur adipiscing elit ".repeat(8).slice(0, 480)}`;
    const plain = analyze(weilidai);
    const v = analyze(padded);
    expect(v.label).toBe(1);
    expect(v.score).toBeGreaterThanOrEqual(plain.score - 0.05);
  });

  it("asking for an English reply does not switch Chinese detection off (and vice versa)", () => {
    expect(analyze(weilidai, { lang: "en" }).label).toBe(1);
    expect(analyze(weilidai, { lang: "en" }).lang).toBe("en");
    const en = cases.find((c) => c.id === "seed000-weilidai-facetime-en")?.text ?? "";
    expect(analyze(en, { lang: "zh" }).label).toBe(1);
  });
});
