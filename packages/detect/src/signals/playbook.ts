/**
 * From signals to the playbook: which fraud mode (votes from data/lexicons/playbook.json), the furthest
 * stage reached, and which directory institution the text speaks for.
 */
import { type DirectoryEntry, type FraudMode, type Signal, type Stage, stageRank } from "@scamguard/contracts";
import playbook from "../../data/lexicons/playbook.json" with { type: "json" };
import { DIRECTORY } from "../directory/data.js";
import { mentionsOf } from "../directory/mentions.js";
import { analyzeUrl } from "../link/analyze-url.js";
import { findBrandToken } from "../link/lookalike.js";
import type { NormalizedText } from "../types.js";
import { type PlaybookStructure, readStructure, withoutSelfClaims } from "./structure.js";

/** What the playbook inference says about one text. @example { mode: "credit_repair", stage: "money", impersonating: "webank" } */
export interface PlaybookState {
  mode: FraudMode | null;
  stage: Stage | null;
  /** Directory id of the institution the text claims to speak for (`webank`, `jd`, `police` …). */
  impersonating: string | null;
  /**
   * The institution the text speaks for even where the stage rules place no stage (a one-claim SMS signed
   * 【顺丰速运】 that the model still judges a scam); null for a warning. analyze() names it once the text is a scam.
   */
  speaksFor?: string | null;
}

type Votes = Partial<Record<FraudMode, number>>;
const VOTES = playbook.votes as Record<string, Votes>;
/** VOTES as lists, built once: Object.entries per signal per call was a measurable share of inferMode. */
const VOTE_LISTS = new Map<string, [FraudMode, number][]>(Object.entries(VOTES).map(([id, votes]) => [id, Object.entries(votes) as [FraudMode, number][]]));
const NO_VOTES: readonly [FraudMode, number][] = [];
const COMBOS = playbook.combos as Array<{
  all: string[];
  mode: FraudMode;
  votes: number;
}>;
const MODE_ORDER = playbook.modeOrder as FraudMode[];
const KIND_MODES = playbook.institutionKindModes as Record<string, FraudMode>;
const LINK_KIND_MODES = playbook.lookalikeKindModes as Record<string, FraudMode>;
/** Link signals that imitate one institution's site: the link itself claims to be that institution. */
const IMITATING_LINKS: ReadonlySet<string> = new Set(["url:lookalike", "url:brand-subdomain"]);
const SIGNAL_INSTITUTIONS = playbook.signalInstitutions as Record<string, string>;
const STANDALONE: ReadonlySet<string> = new Set(playbook.standalone.ids);
const BY_ID = new Map<string, DirectoryEntry>(DIRECTORY.map((e) => [e.id, e]));
/** Institutions that give warnings rather than being impersonated in a message ("call 96110"). */
const WARNING_KINDS = new Set(["hotline"]);
/** Signals weaker than this (urgency, a large amount, "your name please") never count as a family of their own. */
const MIN_FAMILY_WEIGHT = 0.3;
/** Protective weight (summed, negative) from which counter-evidence changes the stage rules. */
const PROTECTIVE_VETO = -0.4;
/** Net weight (tactics minus protective) two families need when the text also carries protective evidence. */
const PROTECTED_MIN_TOTAL = 1;
/** Several signals of one family this heavy together also place the stage (an SMS of pure pretext). */
const MIN_TOTAL_WEIGHT = 1.4;
/** Most one family adds to the total weight. */
const FAMILY_CAP = 1.2;
/** A single standalone signal (playbook.json) this strong places the stage on its own; others need a second family. */
const STRONG_SIGNAL = 0.8;
/** How near (UTF-16 units of the original) an institution name must be to an impersonation claim. */
const NEAR = 16;

const isTactic = (s: Signal): boolean => s.family !== "protective" && s.weight > 0;

/**
 * The furthest playbook stage the signals reach. A stage counts once the text shows two tactic families
 * (each with a signal of weight ≥ 0.3), or tactic weights summing to ≥ 1.4 (at most 1.2 per family), or one money/harvest signal of weight ≥ 0.8 with no protective
 * counter-evidence (a "safe account" or "read me the code" alone is enough; a lone "转账" is not, nor is
 * "share your screen" in a message about the weekly team meeting).
 * @example furthestStage(detectSignals("请共享屏幕，把钱转到安全账户").signals) // "money"
 */
export function furthestStage(signals: readonly Signal[]): Stage | null {
  const tactics = signals.filter(isTactic);
  const families = new Set(tactics.filter((s) => s.weight >= MIN_FAMILY_WEIGHT).map((s) => s.family));
  // A victim saying "I'll call the official number" is weak counter-evidence; a real warning is not.
  const protectedText = signals.reduce((sum, s) => (s.family === "protective" ? sum + s.weight : sum), 0) <= PROTECTIVE_VETO;
  const strong = !protectedText && tactics.some((s) => s.weight >= STRONG_SIGNAL && STANDALONE.has(s.id));
  // Protective evidence (negative weights) counts against the total; one family adds at most
  // FAMILY_CAP, so a support chat that mentions a code, a card number and an ID is not a scam stage.
  const perFamily = new Map<string, number>();
  for (const s of signals) perFamily.set(s.family, (perFamily.get(s.family) ?? 0) + s.weight);
  let total = 0;
  for (const w of perFamily.values()) total += Math.min(w, FAMILY_CAP);
  // Genuine warnings ("我们不会索要验证码") name the same tactics they warn about: with protective evidence
  // two families only count if the tactics still outweigh it clearly.
  const byFamilies = families.size >= 2 && (!protectedText || total >= PROTECTED_MIN_TOTAL);
  if (!byFamilies && !strong && total < MIN_TOTAL_WEIGHT) return null;
  let best: Stage | null = null;
  for (const s of tactics) {
    if (s.stage !== null && (best === null || stageRank(s.stage) > stageRank(best))) best = s.stage;
  }
  return best;
}

/**
 * The furthest stage any tactic signal shows, with no thresholds (used once a text is already judged a scam).
 * @example furthestTacticStage(detectSignals("请点击链接").signals) // "channel_switch"
 */
export function furthestTacticStage(signals: readonly Signal[]): Stage | null {
  let best: Stage | null = null;
  for (const s of signals) {
    if (isTactic(s) && s.stage !== null && (best === null || stageRank(s.stage) > stageRank(best))) best = s.stage;
  }
  return best;
}

/** Add `n` votes for `mode` (module level: a named closure per call costs a defineProperty under tsx's keepNames). */
function addVotes(tally: Map<FraudMode, number>, mode: FraudMode, n: number): void {
  tally.set(mode, (tally.get(mode) ?? 0) + n);
}

/**
 * The fraud mode with most votes (data/lexicons/playbook.json), or null below `minVotes`.
 * @example inferMode(detectSignals("注销学生账户，否则影响征信").signals) // "credit_repair"
 */
export function inferMode(signals: readonly Signal[], impersonatingKind?: string): FraudMode | null {
  const ids = new Set(signals.filter(isTactic).map((s) => s.id));
  const tally = new Map<FraudMode, number>();
  for (const id of ids) for (const [mode, n] of VOTE_LISTS.get(id) ?? NO_VOTES) addVotes(tally, mode, n);
  for (const combo of COMBOS) if (combo.all.every((id) => ids.has(id))) addVotes(tally, combo.mode, combo.votes);
  const kindMode = impersonatingKind ? KIND_MODES[impersonatingKind] : undefined;
  if (kindMode && tally.size > 0) addVotes(tally, kindMode, 1);
  let best: FraudMode | null = null;
  let bestVotes = 0;
  for (const mode of MODE_ORDER) {
    const v = tally.get(mode) ?? 0;
    if (v > bestVotes) {
      best = mode;
      bestVotes = v;
    }
  }
  return bestVotes >= playbook.minVotes ? best : null;
}

/**
 * The directory institution the text claims to speak for: the institution named nearest to an
 * impersonation (or pretext) signal, else the most named one, else a default per signal (police → `police`).
 * Null when the text shows no impersonation or pretext at all (a JD.com order chat names JD but claims nothing).
 * @example inferImpersonating(n, detectSignals(n.original).signals) // "webank" for "我是微粒贷客服…"
 */
export function inferImpersonating(text: NormalizedText, signals: readonly Signal[]): string | null {
  const claims = signals.filter((s) => isTactic(s) && (s.family === "impersonation" || s.family === "pretext"));
  if (claims.length === 0) return null;
  const tools = toolSpans(signals);
  const score = new Map<string, number>();
  for (const m of mentionsOf(text)) {
    const entry = BY_ID.get(m.id);
    if (entry === undefined || WARNING_KINDS.has(entry.kind)) continue;
    const start = text.toOriginal[m.start]!;
    const end = text.toOriginal[m.end]!;
    // "加我微信", "下载腾讯会议": the app the scammer moves the victim to is a tool, not who they claim to be.
    if (tools.some((t) => t.start <= start && end <= t.end)) continue;
    let points = 1;
    for (const s of claims) {
      const near = s.evidence.some((e) => e.start <= end + NEAR && e.end >= start - NEAR);
      if (near) points += s.family === "impersonation" ? 3 : 1;
    }
    score.set(m.id, (score.get(m.id) ?? 0) + points);
  }
  // A look-alike link names the brand it imitates ("usps-fee.top" speaks for USPS), wherever it stands, but
  // as one mention: a letterhead (【中国银行】… boc-jd.cc) says more. Only once the text claims something at
  // all: a chat that quotes a look-alike impersonates no one.
  const linked = imitatedByLink(signals);
  if (linked !== null) score.set(linked, (score.get(linked) ?? 0) + 1);
  let best: string | null = null;
  let bestScore = 0;
  for (const [id, points] of score) {
    if (points > bestScore) {
      best = id;
      bestScore = points;
    }
  }
  if (best !== null) return best;
  for (const s of claims) {
    const fallback = SIGNAL_INSTITUTIONS[s.id];
    if (fallback !== undefined && !foreignFallback(s, fallback)) return fallback;
  }
  return null;
}

const HAN = /\p{Script=Han}/u;

/**
 * Whether a default institution would name a Chinese body for an English claim: "the Treasury Department" or "a
 * banking regulator" said in English speaks for no Chinese regulator, and advice to call its domestic-only number
 * (NFRA 12378) misleads. The police default stays (its advice also names 911).
 */
function foreignFallback(s: Signal, id: string): boolean {
  const entry = BY_ID.get(id);
  if (entry === undefined || entry.kind === "police" || entry.numbers.length === 0 || entry.numbers.some((n) => n.startsWith("+"))) return false;
  return !s.evidence.some((e) => HAN.test(e.text));
}

/** Signals whose evidence names the chat, meeting or remote-control app the victim is asked to open. */
const TOOL_SIGNALS: ReadonlySet<string> = new Set(["channel:other-chat", "channel:meeting-app", "channel:remote-app", "channel:screen-share"]);

/**
 * Where the text asks the victim onto another chat, meeting or remote-control app: an institution named only
 * there ("加我微信", "下载腾讯会议") is the scammer's tool, so the advice must not send the person to it.
 * @example toolSpans(detectSignals("请添加理赔专员微信").signals) // [{ start: 1, end: 9 }]
 */
function toolSpans(signals: readonly Signal[]): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  for (const s of signals) if (TOOL_SIGNALS.has(s.id) && s.weight > 0) for (const e of s.evidence) spans.push({ start: e.start, end: e.end });
  return spans;
}

/**
 * The directory institution the text's first look-alike link imitates by name, or null. Only a link that
 * carries the brand ("usps-fee.top", "irs.gov-refund.com") names it: a near-miss spelling ("domain.com" is
 * one edit from douyin.com) or a common word under another suffix ("live.you") is no claim to be anyone.
 * @example imitatedByLink(detectSignals("settle the fee at usps-fee.top").signals) // "usps"
 */
function imitatedByLink(signals: readonly Signal[]): string | null {
  for (const s of signals) {
    if (!IMITATING_LINKS.has(s.id)) continue;
    for (const e of s.evidence) {
      const { imitates, displayHost } = analyzeUrl(e.text);
      if (imitates !== null && displayHost !== null && BY_ID.has(imitates) && findBrandToken(displayHost)?.institution === imitates) return imitates;
    }
  }
  return null;
}

/**
 * The mode a look-alike of this institution's site serves (playbook.json lookalikeKindModes: a parcel
 * carrier's → parcel_customs, a bank's → phishing), when the text imitates the one it speaks for.
 * Only a fallback: the tactics' own votes decide whenever they reach a mode.
 */
function linkMode(signals: readonly Signal[], impersonating: string | null): FraudMode | null {
  if (impersonating === null || imitatedByLink(signals) !== impersonating) return null;
  const kind = BY_ID.get(impersonating)?.kind;
  return kind === undefined ? null : (LINK_KIND_MODES[kind] ?? null);
}

/**
 * Mode, stage and impersonated institution in one call; mode and institution are null while no stage is reached,
 * and all three are null for a warning that only describes scam tactics (see structure.ts).
 * @example
 * const { text, signals } = detectSignals("我是京东客服，您的学生账户需要注销，请转账到指定账户");
 * inferPlaybook(text, signals) // { mode: "credit_repair", stage: "money", impersonating: "jd" }
 */
export function inferPlaybook(text: NormalizedText, allSignals: readonly Signal[], structure?: PlaybookStructure): PlaybookState {
  const read = structure ?? readStructure(text, allSignals);
  // A warning describes the playbook; it is not at any stage of it.
  if (read.warning) return { mode: null, stage: null, impersonating: null, speaksFor: null };
  const signals = withoutSelfClaims(allSignals, read);
  const impersonating = inferImpersonating(text, signals);
  const kind = impersonating ? BY_ID.get(impersonating)?.kind : undefined;
  // The chat-form trajectory is a scam shape of its own, though its signals may be one family (structure.ts).
  const stage = furthestStage(signals) ?? (read.trajectory === true ? furthestTacticStage(signals) : null);
  // No stage means no scam shape: a mode would only name the topic of an ordinary chat.
  return {
    mode: stage === null ? null : (inferMode(signals, kind) ?? linkMode(signals, impersonating)),
    stage,
    impersonating: stage === null ? null : impersonating,
    speaksFor: impersonating,
  };
}

/**
 * The directory entry for an id (or undefined).
 * @example institution("webank")?.numbers[0] // "95384"
 */
export const institution = (id: string): DirectoryEntry | undefined => BY_ID.get(id);
