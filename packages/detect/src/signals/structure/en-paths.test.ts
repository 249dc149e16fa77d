import { describe, expect, it } from "vitest";
import { readEnPathCases } from "../../../test/case-table.js";
import { analyze } from "../../analyze.js";

const cases = readEnPathCases();

it("English path case ids are unique and every path has scams and benign near-misses", () => {
  expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length);
  for (const path of new Set(cases.map((c) => c.path))) {
    const rows = cases.filter((c) => c.path === path);
    expect(rows.some((c) => c.label === 1), path).toBe(true);
    expect(rows.some((c) => c.label === 0), path).toBe(true);
  }
});

describe("English scams of each path are flagged, in English, with their mode", () => {
  it.each(cases.filter((c) => c.label === 1).map((c) => [c.id, c] as const))("%s", (_, c) => {
    const v = analyze(c.text);
    expect(v.risk === "high" || v.risk === "critical", `${v.risk} ${v.score}`).toBe(true);
    expect(v.lang).toBe("en");
    if (c.mode !== undefined) expect(v.mode).toBe(c.mode);
    expect(v.advice.length).toBeGreaterThan(0);
  });
});

describe("their benign near-misses stay low", () => {
  it.each(cases.filter((c) => c.label === 0).map((c) => [c.id, c] as const))("%s", (_, c) => {
    const v = analyze(c.text);
    expect(c.maxRisk === "medium" ? ["low", "medium"] : ["low"], `${v.risk} ${v.score}`).toContain(v.risk);
  });
});
