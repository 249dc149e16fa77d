/**
 * One window's flags: per caller, the cold-calling test and the kind (rules.ts), an explainable score and
 * reasons; then SIM farms — blocks of sequential numbers, each quiet alone, dialling strangers in the
 * same hours — flagged together. Official directory numbers are never flagged. Output is sorted by
 * caller so every path (file, stream) prints the same lines.
 */
import type { CallEvidence, CallFlag, CallFlagKind } from "@scamguard/contracts";
import { institutionByKey } from "@scamguard/detect";
import type { CallerAggregate } from "../window/caller-aggregate.js";
import { type CalledBefore, type CallerFeatures, featuresOf } from "./features.js";
import * as R from "./rules.js";

export interface DetectOptions {
  /** Override MIN_CALLS (tests of small days). */
  minCalls?: number;
}

export interface WindowBounds {
  start: number;
  end: number;
}

interface Candidate {
  caller: string;
  f: CallerFeatures;
  hours: ArrayLike<number>;
}

const pct = (x: number) => `${Math.round(x * 100)}%`;
const clamp01 = (x: number) => (x < 0 ? 0 : x > 1 ? 1 : x);

/** True when the caller calls strangers who do not call back and never calls anyone twice. */
export function isCold(f: CallerFeatures): boolean {
  return f.sampled >= R.MIN_SAMPLE && f.reciprocity <= R.MAX_COLD_RECIPROCITY && f.repeatRatio <= R.MAX_COLD_REPEAT;
}

/** The scam-shape signals present, each with its reason. */
function scamSignals(f: CallerFeatures, peakHourStart: string): string[] {
  const reasons: string[] = [];
  const answered = Math.round(f.calls * (1 - f.unansweredRatio));
  if (answered >= 5 && f.shortCallRatio >= R.HANGUP_SHARE) reasons.push(`${pct(f.shortCallRatio)} of answered calls ended within 10 s (people hang up)`);
  if (f.unansweredRatio >= R.MISSED_SHARE) reasons.push(`${pct(f.unansweredRatio)} of calls unanswered`);
  if (f.calls >= R.HIGH_VOLUME && f.burstiness >= R.BURST_FACTOR)
    reasons.push(`bursts: ${f.peakHourCalls} calls in the hour from ${peakHourStart.slice(11, 16)} UTC, ${f.burstiness.toFixed(1)}× its average hour`);
  if (f.calls >= 30 && f.nightShare >= R.NIGHT_SHARE) reasons.push(`${pct(f.nightShare)} of calls at night (22:00–07:00)`);
  return reasons;
}

/** Score in [0, 1]: how strongly the window looks like scam cold calling (ranking and display). */
export function scoreOf(f: CallerFeatures): number {
  const s =
    0.3 * clamp01((0.15 - f.reciprocity) / 0.15) +
    0.2 * clamp01((0.15 - f.repeatRatio) / 0.15) +
    0.25 * clamp01((f.shortCallRatio - 0.3) / 0.35) +
    0.1 * clamp01((f.unansweredRatio - 0.3) / 0.4) +
    0.15 * Math.max(clamp01((f.burstiness - 1.4) / 1.2), clamp01(f.nightShare / 0.15));
  return Math.round(s * 1000) / 1000;
}

function coldReasons(f: CallerFeatures): string[] {
  return [
    `${f.calls} calls to ${f.distinctCallees} different numbers in 24 h`,
    f.calledBack === 0
      ? `none of ${f.sampled} sampled callees called back`
      : `only ${f.calledBack} of ${f.sampled} sampled callees called back (${pct(f.reciprocity)})`,
  ];
}

function evidenceOf(f: CallerFeatures, window: WindowBounds, simBlock: CallEvidence["simBlock"]): CallEvidence {
  return {
    calls: f.calls,
    distinctCallees: f.distinctCallees,
    unansweredRatio: f.unansweredRatio,
    shortCallRatio: f.shortCallRatio,
    nightShare: f.nightShare,
    reciprocity: f.reciprocity,
    repeatRatio: f.repeatRatio,
    meanTalkSeconds: f.meanTalkSeconds,
    peakHourCalls: f.peakHourCalls,
    peakHourStart: new Date(window.start + f.peakHour * 3_600_000).toISOString(),
    activeHours: f.activeHours,
    burstiness: f.burstiness,
    simBlock,
  };
}

function flag(caller: string, kind: CallFlagKind, score: number, reasons: string[], window: WindowBounds, evidence: CallEvidence): CallFlag {
  return {
    caller,
    score,
    kind,
    reasons,
    window: { start: new Date(window.start).toISOString(), end: new Date(window.end).toISOString(), length: "24h" },
    evidence,
  };
}

/** The block of 100 sequential numbers a caller belongs to (E.164 minus its last two digits). */
export const blockOf = (caller: string): string | null => (caller.startsWith("+") && caller.length >= 10 ? caller.slice(0, -2) : null);

export function detectWindow(aggregates: Iterable<CallerAggregate>, calledBefore: CalledBefore, window: WindowBounds, options: DetectOptions = {}): CallFlag[] {
  const minCalls = options.minCalls ?? R.MIN_CALLS;
  const flags: CallFlag[] = [];
  const blocks = new Map<string, Candidate[]>();
  for (const a of aggregates) {
    if (a.calls < R.FARM_MIN_CALLS) continue;
    if (institutionByKey("phone", a.caller)) continue; // official numbers are never flagged
    const f = featuresOf(a, calledBefore);
    const peakHourStart = new Date(window.start + f.peakHour * 3_600_000).toISOString();
    const cold = isCold(f);
    if (cold && a.calls >= minCalls) {
      const signals = scamSignals(f, peakHourStart);
      const scam = signals.length >= 2 || (signals.length === 1 && (f.calls < R.HIGH_VOLUME || f.shortCallRatio >= R.HANGUP_SHARE));
      if (scam) {
        flags.push(flag(a.caller, "scam_like", scoreOf(f), [...coldReasons(f), ...signals], window, evidenceOf(f, window, null)));
        continue;
      }
      if (f.calls >= R.HIGH_VOLUME && (f.shortCallRatio >= R.UNWANTED_HANGUP_SHARE || f.unansweredRatio >= R.UNWANTED_MISSED_SHARE)) {
        const reasons = [...coldReasons(f), "high-volume cold calling that people do not want (hang-ups, missed calls) but with real conversations: telemarketing-like, not the scam shape", ...signals];
        flags.push(flag(a.caller, "harassing", scoreOf(f), reasons, window, evidenceOf(f, window, null)));
        continue;
      }
    }
    // Quieter numbers are judged with their block: a SIM farm is many numbers acting as one.
    const block = blockOf(a.caller);
    const farmCold = f.reciprocity <= R.MAX_COLD_RECIPROCITY * 2 && f.repeatRatio <= R.MAX_COLD_REPEAT;
    if (block !== null && farmCold) {
      const list = blocks.get(block) ?? [];
      list.push({ caller: a.caller, f, hours: a.hours });
      blocks.set(block, list);
    }
  }
  for (const [block, members] of blocks) flags.push(...simFarmFlags(block, members, window));
  flags.sort((x, y) => (x.caller < y.caller ? -1 : x.caller > y.caller ? 1 : 0));
  return flags;
}

/**
 * Flags the cold members of a block when enough of them dial in the same hours: the block's busiest
 * FARM_HOURS hours (by calls of all its cold members) must hold most of each member's calls.
 */
function simFarmFlags(block: string, members: Candidate[], window: WindowBounds): CallFlag[] {
  if (members.length < R.FARM_MIN_MEMBERS) return [];
  const total = new Array<number>(24).fill(0);
  for (const m of members) for (let h = 0; h < 24; h++) total[h] = (total[h] as number) + (m.hours[h] as number);
  const top = total
    .map((n, h) => [n, h] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1])
    .slice(0, R.FARM_HOURS)
    .filter(([n]) => n > 0)
    .map(([, h]) => h);
  const inPattern = members.filter((m) => {
    let n = 0;
    for (const h of top) n += m.hours[h] as number;
    return n >= R.FARM_MEMBER_SHARE * m.f.calls;
  });
  if (inPattern.length < R.FARM_MIN_MEMBERS || inPattern.length / members.length < R.FARM_AGREEMENT) return [];
  const totalCalls = inPattern.reduce((s, m) => s + m.f.calls, 0);
  const prefix = `${block}xx`;
  const hours = [...top].sort((a, b) => a - b).map((h) => new Date(window.start + h * 3_600_000).toISOString().slice(11, 13));
  return inPattern.map((m) => {
    const score = Math.min(1, Math.round((scoreOf(m.f) * 0.5 + 0.5 * Math.min(1, inPattern.length / 20)) * 1000) / 1000);
    const reasons = [
      `one of ${inPattern.length} numbers in block ${prefix} dialling strangers in the same hours (${hours.join(", ")} h UTC), ${totalCalls} calls between them`,
      `${m.f.calls} calls to ${m.f.distinctCallees} different numbers; ${m.f.calledBack} of ${m.f.sampled} called back`,
      "many numbers, one pattern: a SIM farm spreads a campaign thin to stay under per-number thresholds",
    ];
    return flag(m.caller, "scam_like", score, reasons, window, evidenceOf(m.f, window, { prefix, members: inPattern.length }));
  });
}
