import { describe, expect, it } from "vitest";
import { LookupIndex, type ReportMark } from "./lookup-index.js";
import { HALF_LIFE_MS, scoreOf, verdictOf } from "./reputation.js";

const NOW = Date.UTC(2026, 10, 22);
const official = (kind: string, normalized: string) => (kind === "phone" && normalized === "95588" ? { id: "icbc", label: "ICBC" } : null);
const mark = (reporterId: string, role = "reporter", atMs = NOW, normalized = "+8613800138000"): ReportMark => ({
  kind: "phone",
  normalized,
  reporterId,
  role,
  atMs,
  mode: "impersonate_customer_service",
});

describe("reputation model", () => {
  it("caps crowd evidence at suspicious: only a confirmation is scam", () => {
    expect(verdictOf(0.99, false)).toBe("suspicious");
    expect(verdictOf(0, true)).toBe("scam");
    expect(verdictOf(0.01, false)).toBe("unknown");
  });
});

describe("LookupIndex", () => {
  it("answers unknown for an identifier nobody reported", () => {
    const result = new LookupIndex(official).answer("phone", "13800138000", "+8613800138000", NOW);
    expect(result).toMatchObject({ verdict: "unknown", score: 0, reports: 0, distinctReporters: 0, reasons: ["no reports"] });
  });

  it("counts one key sending many reports once", () => {
    const index = new LookupIndex(official);
    for (let i = 0; i < 100; i++) index.applyReport(mark("key-1"));
    const result = index.answer("phone", "x", "+8613800138000", NOW);
    expect(result).toMatchObject({ verdict: "suspicious", reports: 100, distinctReporters: 1 });
    const single = new LookupIndex(official);
    single.applyReport(mark("key-1"));
    expect(result.score).toBe(single.answer("phone", "x", "+8613800138000", NOW).score);
  });

  it("keeps three distinct reporters at suspicious (no block without the centre) and never names them", () => {
    const index = new LookupIndex(official);
    for (const id of ["key-a", "key-b", "key-c"]) index.applyReport(mark(id));
    const result = index.answer("phone", "x", "+8613800138000", NOW);
    expect(result.verdict).toBe("suspicious");
    expect(result.reasons[0]).toMatch(/^3 distinct reporters \(3 reports\)/);
    expect(result.modes).toEqual(["impersonate_customer_service"]);
    expect(JSON.stringify(result)).not.toMatch(/key-/);
  });

  it("weighs an analyst's report above a reporter's, still as crowd evidence", () => {
    const index = new LookupIndex(official);
    index.applyReport(mark("analyst-1", "analyst"));
    const analyst = index.answer("phone", "x", "+8613800138000", NOW);
    const single = new LookupIndex(official);
    single.applyReport(mark("reporter-1"));
    expect(analyst.verdict).toBe("suspicious");
    expect(analyst.score).toBeGreaterThan(single.answer("phone", "x", "+8613800138000", NOW).score);
  });

  it("makes a confirmed identifier scam, and a withdrawal returns it to its crowd level, saying so", () => {
    const index = new LookupIndex(official);
    index.applyReport(mark("a"));
    index.applyReview({ kind: "phone", normalized: "+8613800138000", status: "confirmed", atMs: NOW, caseId: "case_1" });
    const confirmed = index.answer("phone", "x", "+8613800138000", NOW);
    expect(confirmed).toMatchObject({ verdict: "scam", confirmation: { confirmedAt: new Date(NOW).toISOString(), caseId: "case_1" } });
    expect(confirmed.reasons[0]).toMatch(/^confirmed as a scam by the anti-fraud centre on 2026-11-22 \(case case_1\)$/);
    index.applyReview({ kind: "phone", normalized: "+8613800138000", status: "none", atMs: NOW + 1, caseId: null });
    const withdrawn = index.answer("phone", "x", "+8613800138000", NOW + 2);
    expect(withdrawn).toMatchObject({ verdict: "suspicious", confirmation: null });
    expect(withdrawn.reasons.join(" ")).toMatch(/a confirmation was withdrawn on 2026-11-22/);
    // A confirmation alone (no reports) is scam too; withdrawn, nothing is left.
    index.applyReview({ kind: "phone", normalized: "+8613900139000", status: "confirmed", atMs: NOW, caseId: null });
    expect(index.answer("phone", "y", "+8613900139000", NOW).verdict).toBe("scam");
    index.applyReview({ kind: "phone", normalized: "+8613900139000", status: "none", atMs: NOW, caseId: null });
    expect(index.answer("phone", "y", "+8613900139000", NOW + 1).verdict).toBe("unknown");
    expect(JSON.parse(index.answerJson("phone", "y", "+8613900139000", NOW + 1))).toEqual(index.answer("phone", "y", "+8613900139000", NOW + 1));
  });

  it("decays evidence with a 90-day half-life", () => {
    const index = new LookupIndex(official);
    for (const id of ["a", "b", "c"]) index.applyReport(mark(id, "reporter", NOW - HALF_LIFE_MS));
    const old = index.answer("phone", "x", "+8613800138000", NOW);
    expect(old.verdict).toBe("suspicious");
    expect(old.score).toBeCloseTo(scoreOf(1.5), 3);
    expect(index.answer("phone", "x", "+8613800138000", NOW + 10 * HALF_LIFE_MS).verdict).toBe("unknown");
  });

  it("keeps official contacts official whatever is reported", () => {
    const index = new LookupIndex(official);
    for (let i = 0; i < 20; i++) index.applyReport(mark(`k${i}`, "analyst", NOW, "95588"));
    const result = index.answer("phone", "95588", "95588", NOW);
    expect(result).toMatchObject({ verdict: "official", score: 0, institution: "icbc", reports: 20 });
    expect(result.reasons[1]).toMatch(/ignored/);
  });

  it("answers an imported complaint as suspicious at most, naming the source, and re-imports idempotently", () => {
    const index = new LookupIndex(official);
    const source = {
      kind: "phone" as const,
      normalized: "+18333041447",
      source: "ftc-dnc",
      reports: 152,
      firstSeenMs: Date.UTC(2021, 3, 14),
      lastSeenMs: Date.UTC(2021, 3, 21),
      importedAtMs: NOW,
    };
    index.applySource(source);
    index.applySource(source);
    const result = index.answer("phone", "+18333041447", "+18333041447", NOW);
    expect(result).toMatchObject({ verdict: "suspicious", reports: 0, distinctReporters: 0, firstSeen: "2021-04-14T00:00:00.000Z" });
    expect(result.sources).toEqual([{ source: "ftc-dnc", reports: 152, firstSeen: "2021-04-14T00:00:00.000Z", lastSeen: "2021-04-21T00:00:00.000Z" }]);
    expect(result.reasons.join(" ")).toMatch(/ftc-dnc.*not a verdict/);
    expect(result.score).toBeCloseTo(scoreOf(0.5), 3);
  });

  it("serialises exactly the answer it gives as an object, for every kind of answer", () => {
    const index = new LookupIndex(official);
    index.applyReport(mark("a"));
    index.applySource({ kind: "phone", normalized: "+18333041447", source: "ftc-dnc", reports: 3, firstSeenMs: null, lastSeenMs: null, importedAtMs: NOW });
    for (const [normalized, value] of [["+8613800138000", "138 0013 8000"], ["+18333041447", "+1 833 304 1447"], ["95588", "95588"], ["+8613900000000", 'quote " me']] as const) {
      expect(JSON.parse(index.answerJson("phone", value, normalized, NOW))).toEqual(index.answer("phone", value, normalized, NOW));
    }
  });

  it("answers from the cache but moves at once when evidence arrives", () => {
    const index = new LookupIndex(official);
    index.applyReport(mark("a"));
    expect(index.answer("phone", "x", "+8613800138000", NOW).distinctReporters).toBe(1);
    index.applyReport(mark("b"));
    index.applyReport(mark("c"));
    expect(index.answer("phone", "x", "+8613800138000", NOW + 1)).toMatchObject({ distinctReporters: 3, verdict: "suspicious" });
    expect(JSON.parse(index.answerJson("phone", "x", "+8613800138000", NOW + 2)).distinctReporters).toBe(3);
  });

  it("does not let a caller corrupt the cached answer", () => {
    const index = new LookupIndex(official);
    index.applyReport(mark("a"));
    const first = index.answer("phone", "x", "+8613800138000", NOW);
    expect(() => first.reasons.push("tampered")).toThrow();
    expect(index.answer("phone", "y", "+8613800138000", NOW).value).toBe("y");
  });

  it("answers a URL nobody reported with its domain's evidence, saying so", () => {
    const index = new LookupIndex(official, (url) => new URL(url).hostname.replace(/^www\./, ""));
    index.applySource({ kind: "domain", normalized: "1stireland.com", source: "durablenapkin", reports: 1, firstSeenMs: null, lastSeenMs: null, importedAtMs: NOW });
    const result = index.answer("url", "https://www.1stireland.com/pay", "https://www.1stireland.com/pay", NOW);
    expect(result).toMatchObject({ kind: "url", normalized: "https://www.1stireland.com/pay", verdict: "suspicious", sources: [{ source: "durablenapkin" }] });
    expect(result.reasons[0]).toBe("no reports of this URL; its domain 1stireland.com is suspicious:");
    expect(JSON.parse(index.answerJson("url", "u", "https://www.1stireland.com/pay", NOW))).toEqual({ ...result, value: "u" });
    expect(index.answer("url", "u", "https://example.org/", NOW).verdict).toBe("unknown");
  });
});
