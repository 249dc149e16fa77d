/**
 * The kill-chain guard: a pure state machine over session events. Each event establishes facts
 * (facts.ts); the rules of data/killchain/rules.json fire on them; the decision is the most severe
 * action among the rules firing now and the escalations still in force, with reasons in zh and en.
 */
import {
  type ConversationAlert,
  type DecisionAction,
  type DecisionReason,
  type KillchainRule,
  type Lang,
  RISK_LEVELS,
  type RiskLevel,
  type SessionDecision,
  type SessionEvent,
  type Stage,
  actionRank,
  stageRank,
} from "@scamguard/contracts";
import { adviceTexts } from "../conversation/advice-texts.js";
import { absorbEvent } from "./facts.js";
import { isoMs } from "./time.js";
import { firingRules, RULES, SETTINGS } from "./rules.js";
import type { SessionDeps, SessionState } from "./state.js";

const MINUTE_MS = 60_000;
const MAX_REASONS = 6;
const MAX_ADVICE = 5;
const RULE_BY_ID = new Map(RULES.map((r) => [r.id, r]));
const ACTION_RISK: Record<DecisionAction, RiskLevel> = {
  allow: "low",
  warn: "medium",
  cooling_off: "high",
  hold: "critical",
  block: "critical",
};

/** The result of one event: the next state, the decision, and live-call alerts an utterance raised. */
export interface ApplyResult {
  state: SessionState;
  decision: SessionDecision;
  /** Ids of the rules that fired at this event (a subset of the decision's reasons). */
  fired: string[];
  alerts: ConversationAlert[];
}

/**
 * Feed one event. Pure: `state` is not modified; the returned state replaces it.
 * @example
 * let s = createSession();
 * ({ state: s } = applyEvent(s, { type: "call.started", at: "2026-07-05T10:00:00Z", channel: "facetime",
 *   caller: { kind: "email", value: "kefu@icloud.com" }, displayName: "微粒贷客服", known: false }));
 * ({ state: s } = applyEvent(s, { type: "screenshare.started", at: "2026-07-05T10:06:00Z" }));
 * applyEvent(s, { type: "otp.received", at: "2026-07-05T10:09:00Z", source: "95588" }).decision.decision // "hold"
 */
export function applyEvent(state: SessionState, event: SessionEvent, deps: SessionDeps = {}): ApplyResult {
  const next = nextState(state);
  const now = isoMs(event.at);
  const { current, alerts } = absorbEvent(next, event, deps);
  for (const fact of current) next.facts[fact] = event.at;
  next.events += 1;
  next.startedAt ??= event.at;
  if (next.lastAt === null || now > isoMs(next.lastAt)) next.lastAt = event.at;

  const facts = new Map(Object.entries(next.facts).map(([k, v]) => [k, isoMs(v)]));
  const fired = firingRules({ event: event.type, now, facts, current, active: next.active });
  for (const rule of fired) {
    next.fired = [...next.fired.filter((f) => f.id !== rule.id), { id: rule.id, action: rule.action, at: event.at }];
  }
  return { state: next, decision: decide(next, fired, now, deps.lang ?? "zh"), fired: fired.map((r) => r.id), alerts };
}

/**
 * The state an event starts from: a copy of `state` whose two mutable records (`facts`, `active`) are
 * its own. Everything else is replaced, never changed in place, by the event's step (facts.ts and
 * applyEvent assign fresh lists, the conversation analyser returns a fresh state), so it is shared with
 * `state`. A structuredClone of the whole state cost ~90% of a transfer's screening in the engine.
 */
function nextState(state: SessionState): SessionState {
  return { ...state, facts: { ...state.facts }, active: { ...state.active } };
}

/**
 * The decision a session stands at, `now` (ms): rules fired now first, then escalations still in force.
 * @example currentDecision(createSession(), Date.now()).decision // "allow"
 */
export function currentDecision(state: SessionState, now: number, lang: Lang = "zh"): SessionDecision {
  return decide(state, [], now, lang);
}

function decide(state: SessionState, firedNow: KillchainRule[], now: number, lang: Lang): SessionDecision {
  const inForce = state.fired
    .filter((f) => now - isoMs(f.at) <= SETTINGS.stickyMinutes * MINUTE_MS)
    .map((f) => RULE_BY_ID.get(f.id))
    .filter((r): r is KillchainRule => r !== undefined);
  const nowIds = new Set(firedNow.map((r) => r.id));
  const bySeverity = (a: KillchainRule, b: KillchainRule) => actionRank(b.action) - actionRank(a.action);
  const ordered = [...[...firedNow].sort(bySeverity), ...inForce.filter((r) => !nowIds.has(r.id)).sort(bySeverity)];
  const action = ordered.reduce<DecisionAction>((max, r) => (actionRank(r.action) > actionRank(max) ? r.action : max), "allow");

  const shown = ordered.slice(0, MAX_REASONS);
  const reasons: DecisionReason[] = shown.map((rule) => reasonOf(rule, state, lang));
  const untrusted = state.facts["call.untrusted"] !== undefined;
  const talk = untrusted ? state.conversation : null;
  const stage = maxStage([...inForce.map((r) => r.stage), ...firedNow.map((r) => r.stage), talk?.stage ?? null]);
  const risk = maxRisk(ACTION_RISK[action], talk?.risk ?? "low");
  const adviceIds = shown.flatMap((r) => r.advice);
  if (actionRank(action) >= actionRank("hold")) adviceIds.push("call-110");
  return { decision: action, risk, stage, reasons, advice: adviceTexts(adviceIds, lang).slice(0, MAX_ADVICE) };
}

function reasonOf(rule: KillchainRule, state: SessionState, lang: Lang): DecisionReason {
  const fill = (text: string, l: Lang) =>
    text.replaceAll("{institution}", state.institution?.[l] ?? (l === "zh" ? "某机构" : "an institution"));
  const zh = fill(rule.reason.zh, "zh");
  const en = fill(rule.reason.en, "en");
  return { id: rule.id, text: lang === "zh" ? zh : en, zh, en };
}

function maxStage(stages: (Stage | null)[]): Stage | null {
  let best: Stage | null = null;
  for (const s of stages) if (s && (best === null || stageRank(s) > stageRank(best))) best = s;
  return best;
}

const riskRank = (r: RiskLevel) => RISK_LEVELS.ids.indexOf(r);
const maxRisk = (a: RiskLevel, b: RiskLevel): RiskLevel => (riskRank(a) >= riskRank(b) ? a : b);
