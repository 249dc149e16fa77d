import { describe, expect, it } from "vitest";
import { parseDomainLine, parseFtcNumberLine } from "./import-parsers.js";

describe("parseFtcNumberLine", () => {
  it("rejects lines that are not JSON objects with a number", () => {
    expect(parseFtcNumberLine("{oops")).toEqual({ ok: false, error: "not JSON" });
    expect(parseFtcNumberLine("42")).toEqual({ ok: false, error: "not an object" });
    expect(parseFtcNumberLine('{"reports": 3}')).toEqual({ ok: false, error: "number: expected a string" });
  });

  it("skips blank lines", () => {
    expect(parseFtcNumberLine("   ")).toBeNull();
  });

  it("reads number, complaint count and dates", () => {
    const line = '{"number": "+18333041447", "reports": 152, "first_date": "2021-04-14", "last_date": "2021-04-21", "days": 8}';
    expect(parseFtcNumberLine(line)).toEqual({
      ok: true,
      record: { value: "+18333041447", reports: 152, firstSeen: "2021-04-14", lastSeen: "2021-04-21" },
    });
  });
});

describe("parseDomainLine", () => {
  it("skips blanks and comments", () => {
    expect(parseDomainLine("")).toBeNull();
    expect(parseDomainLine("# durablenapkin list")).toBeNull();
  });

  it("reads bare domains and hosts-file entries", () => {
    expect(parseDomainLine("1stireland.com")).toMatchObject({ ok: true, record: { value: "1stireland.com", reports: 1 } });
    expect(parseDomainLine("0.0.0.0 365analytics.xyz # fake")).toMatchObject({ ok: true, record: { value: "365analytics.xyz" } });
  });
});
