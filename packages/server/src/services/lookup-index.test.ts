import { describe, expect, it } from "vitest";
import { LookupIndex, type ReportMark } from "./lookup-index.js";
import { HALF_LIFE_MS, SCAM_THRESHOLD, scoreOf, verdictOf } from "./reputation.js";

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
  it("caps import-only evidence at suspicious", () => {
    expect(verdictOf(0.99, true)).toBe("suspicious");
    expect(verdictOf(0.99, false)).toBe("scam");
    expect(verdictOf(0.01, false)).toBe("unknown");
  });

  it("needs three fresh distinct reporters, or one analyst, for a scam verdict", () => {
    expect(scoreOf(2)).toBeLessThan(SCAM_THRESHOLD);
    expect(scoreOf(3)).toBeGreaterThanOrEqual(SCAM_THRESHOLD);
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

  it("turns scam with three distinct reporters and never names them", () => {
    const index = new LookupIndex(official);
    for (const id of ["key-a", "key-b", "key-c"]) index.applyReport(mark(id));
    const result = index.answer("phone", "x", "+8613800138000", NOW);
    expect(result.verdict).toBe("scam");
    expect(result.modes).toEqual(["impersonate_customer_service"]);
    expect(JSON.stringify(result)).not.toMatch(/key-/);
  });

  it("weighs an analyst above a reporter", () => {
    const index = new LookupIndex(official);
    index.applyReport(mark("analyst-1", "analyst"));
    expect(index.answer("phone", "x", "+8613800138000", NOW).verdict).toBe("scam");
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
    expect(index.answer("phone", "x", "+8613800138000", NOW + 1)).toMatchObject({ distinctReporters: 3, verdict: "scam" });
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
