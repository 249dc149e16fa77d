import { describe, expect, it } from "vitest";
import { readCaseTable } from "../../test/case-table.js";
import { detectSignals } from "./detect-signals.js";
import { inferPlaybook } from "./playbook.js";

const cases = readCaseTable();

// Test names are the ids: a repeated id would hide which row failed.
it("case ids are unique", () => {
  const seen = new Set<string>();
  const repeated = cases.map((c) => c.id).filter((id) => seen.size === seen.add(id).size);
  expect(repeated).toEqual([]);
});

const scams = cases.filter((c) => c.expect.risk !== "low");
const benign = cases.filter((c) => c.expect.risk === "low");

describe("playbook cases: scams", () => {
  it.each(scams.map((c) => [c.id, c] as const))("%s", (_, c) => {
    const { text, lang, signals } = detectSignals(c.text);
    expect(lang).toBe(c.lang);
    const fired = new Set(signals.filter((s) => s.weight > 0).map((s) => s.family));
    for (const f of c.expect.families) expect(fired, `family ${f}`).toContain(f);
    const ids = signals.map((s) => s.id);
    for (const id of c.expect.signals ?? []) expect(ids, `signal ${id}`).toContain(id);
    const state = inferPlaybook(text, signals);
    expect(state.stage).toBe(c.expect.stage);
    expect(state.mode).toBe(c.expect.mode);
    if (c.expect.impersonating !== undefined) expect(state.impersonating).toBe(c.expect.impersonating);
  });
});

describe("playbook cases: benign look-alikes", () => {
  it.each(benign.map((c) => [c.id, c] as const))("%s", (_, c) => {
    const { text, lang, signals } = detectSignals(c.text);
    expect(lang).toBe(c.lang);
    const tactics = signals.filter((s) => s.weight > 0 && s.id !== "money:large-amount");
    for (const s of tactics) expect(c.expect.families, `unexpected ${s.id}`).toContain(s.family);
    const state = inferPlaybook(text, signals);
    expect(state.stage).toBe(null);
    expect(state.mode).toBe(null);
  });
});

describe("evidence", () => {
  it.each(cases.map((c) => [c.id, c] as const))("%s: every span quotes the original text", (_, c) => {
    for (const s of detectSignals(c.text).signals) {
      expect(s.evidence.length).toBeGreaterThan(0);
      for (const e of s.evidence) {
        expect(e.end).toBeGreaterThan(e.start);
        expect(c.text.slice(e.start, e.end)).toBe(e.text);
      }
    }
  });

  it("points at the Traditional, spaced original", () => {
    const text = "請將資金轉到安 全 帳 戶，謝謝";
    const safe = detectSignals(text).signals.find((s) => s.id === "money:safe-account");
    expect(safe?.evidence[0]?.text).toBe("安 全 帳 戶");
  });

  it("does not count a request that is negated in the same clause", () => {
    const ids = detectSignals("请勿向任何人透露验证码").signals.map((s) => s.id);
    expect(ids).not.toContain("credential:code-request");
    expect(ids).toContain("protective:never-ask-code");
  });

  it("lets the caller pick the reply language without switching the other language's detection off", () => {
    const zh = detectSignals("share your screen", { lang: "zh" });
    expect(zh.signals.map((s) => s.id)).toContain("channel:screen-share");
    expect(zh.signals.find((s) => s.id === "channel:screen-share")?.description).toBe("要求共享或录制屏幕");
    expect(detectSignals("请共享屏幕", { lang: "en" }).signals.find((s) => s.id === "channel:screen-share")?.description).toBe("Asks to share or record the screen");
    expect(detectSignals("share your screen", { lang: "auto" }).lang).toBe("en");
  });
});

describe("bounds", () => {
  it("handles a 1 MB text and caps evidence per signal", () => {
    const text = "请共享屏幕，把钱转到安全账户。".repeat(70_000);
    const { signals } = detectSignals(text);
    const safe = signals.find((s) => s.id === "money:safe-account");
    expect(safe?.evidence.length).toBe(8);
    expect(text.slice(safe!.evidence[7]!.start, safe!.evidence[7]!.end)).toBe("安全账户");
  });

  it("gives nothing for empty or whitespace text", () => {
    expect(detectSignals("").signals).toEqual([]);
    expect(detectSignals("   \n\t").signals).toEqual([]);
  });
});
