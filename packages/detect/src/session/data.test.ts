/** The kill-chain data files are consistent: every advice id exists, every fact a rule reads can be established. */
import { describe, expect, it } from "vitest";
import { hasAdvice } from "../conversation/advice-texts.js";
import { CUES } from "../conversation/cues.js";
import { RULES } from "./rules.js";
import type { KillchainCondition } from "@scamguard/contracts";

const factsOf = (c: KillchainCondition): string[] =>
  "all" in c ? c.all.flatMap(factsOf) : "any" in c ? c.any.flatMap(factsOf) : "not" in c ? factsOf(c.not) : "fact" in c ? [c.fact] : "now" in c ? [c.now] : [];

const KNOWN = /^(call|call\.(unknown|facetime|stranger-facetime|official|untrusted|impersonator|undeclared|declared|ended)|caller\.reported|talk\.stage:[a-z_]+|app\.(installed|opened):[a-z_]+|screenshare|otp|payee\.(added|official|clean|unknown|suspicious|scam|named-safe-account)|loan\.disbursed|transfer\.(new-payee|known-payee|round|large|code-like|burst))$/;

describe("kill-chain data", () => {
  it("every advice id of rules and cues exists in advice.json", () => {
    for (const rule of RULES) for (const id of rule.advice) expect(hasAdvice(id), `${rule.id}: ${id}`).toBe(true);
    for (const cue of CUES.values()) for (const id of cue.advice) expect(hasAdvice(id), `${cue.id}: ${id}`).toBe(true);
  });

  it("every fact a rule reads is one the engine establishes", () => {
    for (const rule of RULES) {
      for (const fact of factsOf(rule.when)) {
        const talk = fact.startsWith("talk:") ? CUES.has(fact.slice(5)) : KNOWN.test(fact);
        expect(talk, `${rule.id}: ${fact}`).toBe(true);
      }
    }
  });

  it("rule ids are unique", () => {
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
  });
});
