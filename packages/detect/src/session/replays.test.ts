/**
 * The replay fixtures of data/replays, table-driven: every seed scam is held or blocked before money
 * moves, with reasons in both languages; every benign story is allowed throughout.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { actionRank, type ReplayFixture, ReplayFixtureSchema } from "@scamguard/contracts";
import { describe, expect, it } from "vitest";
import { identifierKey } from "./state.js";
import { replaySession } from "./replay.js";
import { RULES } from "./rules.js";

const dir = join(dirname(fileURLToPath(import.meta.url)), "../../data/replays");
const fixtures: ReplayFixture[] = readdirSync(dir)
  .filter((f) => f.endsWith(".json"))
  .sort()
  .map((f) => ReplayFixtureSchema.parse(JSON.parse(readFileSync(join(dir, f), "utf8"))));

/** Each fixture runs twice: with the live-call cue file alone, and with the text engine's signals added (the default). */
const VARIANTS = [
  { name: "cues only", conversation: { signals: null } },
  { name: "cues + text engine", conversation: {} },
] as const;

for (const variant of VARIANTS) {
  const depsOf = (f: ReplayFixture) => ({
    lang: "en" as const,
    conversation: variant.conversation,
    payeeReputation: (p: { kind: string; value: string }) => f.reputation?.[identifierKey(p.kind, p.value)],
  });

  describe(`replay fixtures (${variant.name})`, () => {
    it("cover the five seed reports and at least three benign stories", () => {
      const scams = fixtures.filter((f) => f.expect.kind === "scam" && f.seed !== null);
      expect(scams.length).toBeGreaterThanOrEqual(5);
      expect(fixtures.filter((f) => f.expect.kind === "benign").length).toBeGreaterThanOrEqual(3);
      const ruleIds = new Set(RULES.map((r) => r.id));
      for (const f of fixtures) for (const id of f.expect.mustFire ?? []) expect(ruleIds, `${f.id}: ${id}`).toContain(id);
    });

    for (const fixture of fixtures.filter((f) => f.expect.kind === "scam")) {
      it(`${fixture.id}: stopped before the money moves`, () => {
        const { steps } = replaySession(fixture.events, depsOf(fixture));
        const firstTransfer = steps.findIndex((s) => s.event.type === "transfer.initiated");
        expect(firstTransfer).toBeGreaterThan(0);
        const before = fixture.expect.beforeFirstTransfer;
        if (before) {
          const earlier = steps.slice(0, firstTransfer).map((s) => s.decision.decision);
          expect(
            earlier.some((d) => before.includes(d)),
            `decisions before the transfer: ${earlier.join(",")}`,
          ).toBe(true);
        }
        for (const step of steps.filter((s) => s.event.type === "transfer.initiated")) {
          expect(fixture.expect.atTransfer ?? ["hold", "block"]).toContain(step.decision.decision);
          expect(step.decision.risk).toBe("critical");
          expect(step.decision.stage).toBe("money");
          expect(step.decision.reasons.length).toBeGreaterThan(0);
          for (const reason of step.decision.reasons) {
            expect(reason.zh).toMatch(/[\u4e00-\u9fff]/);
            expect(reason.en).toMatch(/^[A-Z"]/);
            expect(reason.text).toBe(reason.en);
            expect(reason.zh + reason.en).not.toContain("{institution}");
          }
          expect(step.decision.advice.map((a) => a.id)).toContain("call-110");
        }
        const fired = new Set(steps.flatMap((s) => s.fired));
        for (const id of fixture.expect.mustFire ?? []) expect([...fired], id).toContain(id);
        // Decisions never soften while the danger is in force: each step is at least as severe as the one before the transfer.
        const ranks = steps.slice(firstTransfer).map((s) => actionRank(s.decision.decision));
        expect(Math.min(...ranks)).toBeGreaterThanOrEqual(actionRank("hold"));
      });
    }

    for (const fixture of fixtures.filter((f) => f.expect.kind === "benign")) {
      it(`${fixture.id}: allowed at every step`, () => {
        const { steps } = replaySession(fixture.events, depsOf(fixture));
        for (const step of steps) {
          expect(step.decision, `${step.index} ${step.event.type}: ${step.fired.join(",")}`).toMatchObject({ decision: "allow", risk: "low", reasons: [] });
        }
      });
    }
  });
}
