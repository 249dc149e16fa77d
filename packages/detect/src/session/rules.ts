/**
 * Kill-chain rules as data (`data/killchain/rules.json`): validated once at load, evaluated against
 * the facts a session has established. Conditions are a closed vocabulary (see KillchainConditionSchema).
 */
import { type KillchainCondition, type KillchainRule, KillchainRuleFileSchema } from "@scamguard/contracts";
import raw from "../../data/killchain/rules.json" with { type: "json" };

/** The rule file, validated; rules are evaluated in file order. */
export const RULE_FILE = KillchainRuleFileSchema.parse(raw);
export const RULES: readonly KillchainRule[] = RULE_FILE.rules;
export const SETTINGS = RULE_FILE.settings;

const MINUTE_MS = 60_000;
/** Clock skew tolerated between devices reporting into one session. */
const SKEW_MS = 60_000;

/** What a condition is evaluated against at one event. */
export interface RuleContext {
  /** Type of the current event. */
  event: string;
  /** Milliseconds since the epoch of the current event. */
  now: number;
  /** Fact → time last established (ms), the current event's facts included. */
  facts: ReadonlyMap<string, number>;
  /** Facts derived from the current event alone. */
  current: ReadonlySet<string>;
  active: { call: boolean; screenshare: boolean };
}

/**
 * Whether a condition holds.
 * @example holds({ all: [{ event: "otp.received" }, { active: "screenshare" }] }, ctx)
 */
export function holds(cond: KillchainCondition, ctx: RuleContext): boolean {
  if ("all" in cond) return cond.all.every((c) => holds(c, ctx));
  if ("any" in cond) return cond.any.some((c) => holds(c, ctx));
  if ("not" in cond) return !holds(cond.not, ctx);
  if ("event" in cond) return Array.isArray(cond.event) ? cond.event.includes(ctx.event) : cond.event === ctx.event;
  if ("now" in cond) return ctx.current.has(cond.now);
  if ("active" in cond) return ctx.active[cond.active];
  const at = ctx.facts.get(cond.fact);
  if (at === undefined) return false;
  if (cond.within === undefined) return true;
  const age = ctx.now - at;
  return age >= -SKEW_MS && age <= cond.within * MINUTE_MS;
}

/** Every rule that fires at this event, in file order. */
export function firingRules(ctx: RuleContext, rules: readonly KillchainRule[] = RULES): KillchainRule[] {
  return rules.filter((rule) => holds(rule.when, ctx));
}
