/**
 * The reputation of the identifiers in a text counts in its verdict: a number, account or link that the
 * anti-fraud centre confirmed, or that several people reported, raises the risk, says why in the
 * verdict's language and brings advice. Pure: the caller looks the identifiers up (the server's index,
 * or `scamguard check --server`'s private range lookup) and passes what it found.
 */
import { IDENTIFIER_KINDS, type IdentifierKind, type Lang, RISK_LEVELS, type RiskLevel, type Verdict } from "@scamguard/contracts";
import { adviceFor } from "../advice/index.js";

/** What a lookup said about one identifier found in the text. */
export interface IdentifierStanding {
  kind: IdentifierKind;
  /** As written in the text. */
  value: string;
  verdict: "unknown" | "suspicious" | "scam" | "official";
  /** Distinct reporters behind the reports (0 for an imported public list only). */
  distinctReporters: number;
}

/** Distinct reporters from which crowd evidence alone makes a text high risk ("reported by several people"). */
export const HIGH_RISK_REPORTERS = 3;

const rankOf = (risk: RiskLevel): number => RISK_LEVELS.ids.indexOf(risk);
const atLeast = (risk: RiskLevel, floor: RiskLevel): RiskLevel => (rankOf(risk) >= rankOf(floor) ? risk : floor);

/** How far one standing lifts the risk, or null when it does not (unknown, official). */
function floorOf(s: IdentifierStanding): RiskLevel | null {
  if (s.verdict === "scam") return "high";
  if (s.verdict === "suspicious") return s.distinctReporters >= HIGH_RISK_REPORTERS ? "high" : "medium";
  return null;
}

function reasonOf(s: IdentifierStanding, lang: Lang): string {
  const kind = IDENTIFIER_KINDS.names[s.kind][lang];
  if (lang === "zh") {
    if (s.verdict === "scam") return `${kind}“${s.value}”已被反诈中心确认用于诈骗。`;
    return s.distinctReporters > 0 ? `${kind}“${s.value}”已被${s.distinctReporters}人举报为诈骗。` : `${kind}“${s.value}”出现在公开的诈骗投诉名单中。`;
  }
  const what = kind.toLowerCase();
  if (s.verdict === "scam") return `The ${what} “${s.value}” is confirmed by the anti-fraud centre as used in scams.`;
  return s.distinctReporters > 0
    ? `The ${what} “${s.value}” has been reported as a scam by ${s.distinctReporters} ${s.distinctReporters === 1 ? "person" : "different people"}.`
    : `The ${what} “${s.value}” is on a public list of scam complaints.`;
}

/** Advice when an identifier in the text is reported or confirmed. */
const REPORTED_ADVICE = {
  id: "reported-identifier",
  zh: "这个号码、账户或链接已被举报涉诈：不要回拨、不要点击、不要转账；如已转账或泄露验证码，立即拨打110并联系银行官方客服。",
  en: "This number, account or link has been reported for fraud: do not call back, click or pay. If you already paid or shared a code, call the police and your bank's official number now.",
} as const;

/**
 * The verdict with the identifiers' reputation counted: risk raised to the strongest floor (confirmed:
 * high; reported by ≥ {@link HIGH_RISK_REPORTERS} people: high; otherwise suspicious: medium), a reason per
 * reported identifier first, and advice. The text model's `score` and `label` are left as they are: they
 * say what the words alone show.
 * @example withReputation(analyze("请回电 13800138000"), [{ kind: "phone", value: "13800138000", verdict: "suspicious", distinctReporters: 4 }]).risk // "high"
 */
export function withReputation(verdict: Verdict, standings: readonly IdentifierStanding[]): Verdict {
  const counted = standings.filter((s) => floorOf(s) !== null);
  if (counted.length === 0) return verdict;
  // Confirmed first, then by reporters: the most telling reason leads.
  counted.sort((a, b) => Number(b.verdict === "scam") - Number(a.verdict === "scam") || b.distinctReporters - a.distinctReporters);
  let risk = verdict.risk;
  for (const s of counted) risk = atLeast(risk, floorOf(s) as RiskLevel);
  const lang = verdict.lang;
  const seen = new Set<string>();
  const reasons = counted.filter((s) => !seen.has(`${s.kind}:${s.value}`) && seen.add(`${s.kind}:${s.value}`)).slice(0, 3).map((s) => reasonOf(s, lang));
  // The first reason names the risk level; once reputation lifts it, that opening line must say the new level.
  const rest = risk === verdict.risk ? verdict.reasons : verdict.reasons.filter((r) => !r.startsWith(RISK_LEVELS.names[verdict.risk][lang]));
  const advice = verdict.advice.length > 0 ? verdict.advice : adviceFor({ stage: verdict.stage, mode: verdict.mode, impersonating: verdict.impersonating, lang, signals: verdict.signals, risk });
  return {
    ...verdict,
    risk,
    reasons: [...reasons, ...rest],
    advice: [{ id: REPORTED_ADVICE.id, text: REPORTED_ADVICE[lang] }, ...advice.filter((a) => a.id !== REPORTED_ADVICE.id)],
  };
}
