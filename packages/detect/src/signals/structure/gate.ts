/**
 * The structure a text's signals show (`PlaybookStructure`, read by structure.ts's `readStructure`) and what it does to
 * a verdict: which signals the model scores (`scoredSignals`, `withoutSelfClaims`) and the bound it puts on the
 * model's score (`gateScore`: a warning stays well below the threshold, a one-sided text below it, a robocall,
 * chat-form trajectory, persona or release fee is lifted above it).
 */
import type { Signal } from "@scamguard/contracts";
import { QUOTABLE } from "./config.js";

/** What the structure of one text says. */
export interface PlaybookStructure {
  /**
   * A scam combination made directly of the reader: a claim (impersonation or pretext) with an ask (channel,
   * credential, money), or an impersonation with a pretext, or a claim with coercion (threat, secrecy).
   */
  claimAndAsk: boolean;
  /** A decisive request made directly (a "safe account", "read me the code"): no legitimate party makes it. */
  decisive: boolean;
  /**
   * A decisive request in one short one-speaker message: money to a "safe account", a "liquidation", a loan to repay,
   * or a code or password handed to the writer ("把验证码报给我"). A single line of a scam call or chat shows no more
   * than this; a support agent's "提供下验证码" in the chat the customer started, or a code a text merely tells the
   * reader about, is not one. Absent: false.
   */
  decisiveLine?: boolean;
  /** An automated call: recorded-notice cue or "press 1", a claim, and an ask to press a key or call back. */
  robocall: boolean;
  /**
   * The chat-form trajectory (romance, investment, order-brushing and game-trade frauds), read from the order of
   * one sender's moves: a lure (an opener, rapport, easy money) or a claim, then a move to another app, group or
   * site, then a money ask made of the reader; or a move followed by money asks in two or more of its turns (the
   * escalation). These texts often carry no institution claim and no single decisive ask. Absent: false.
   */
  trajectory?: boolean;
  /**
   * The acquaintance playbook without an institution: a sender who says who they are (a leader, teacher, relative,
   * old friend: `personaClaims`) or writes from a new number or a borrowed phone (`newAccount`), and asks the reader
   * for money ("你先帮我转过去", "can you transfer £850 for me"). The model alone scores these low when the persona
   * is a name or a role it has not seen. Also its romance twin: a sweetheart far away or never met (`distance` cues)
   * who asks money for themselves. Absent: false.
   */
  persona?: boolean;
  /**
   * A fee before the reader can get what is theirs ("需要先交保证金才能解冻提现", "pay the clearance fee to release
   * it", "your account must be upgraded to business to receive the payment"), with a money ask, from a sender who
   * also makes a claim, a lure or a new-account cover: no platform, bank or buyer asks for this. The chat-form scams
   * that never move the reader to another app end here. Absent: false.
   */
  releaseFee?: boolean;
  /** The text describes scam tactics (third person, prohibition, "if someone asks you…") and makes no direct claim+ask. */
  warning: boolean;
  /** Signal ids whose every piece of evidence sits in a described clause (for reasons; never scored as asks). */
  described: ReadonlySet<string>;
  /**
   * Signal ids that make no claim or ask of the reader, so neither scored nor a playbook stage: `selfClaims` whose
   * every piece of evidence is the writer's own news ("我在音乐节抽中了一把吉他"), and `completedAsks` whose every
   * piece of evidence reports a payment already made ("房租我已经转给房东了", "本金及收益已转入您尾号…的账户"), and
   * key presses or recorded-call cues whose every piece rates a service ("满意请按1，不满意请按2").
   */
  self?: ReadonlySet<string>;
  /**
   * Original start offsets of the evidence that a bank's movement notice reports ("…尾号1234的储蓄卡转入2,500.00元"),
   * by signal id, for a signal that is still asked elsewhere in the text: its reason quotes the ask, not the report.
   */
  reported?: ReadonlyMap<string, ReadonlySet<number>>;
}

/** Scores are bounded, never raised, except by a robocall, whose structure is itself the tactic. */
const WARNING_CAP = 0.3;
const ONE_SIDED_CAP = 0.75;
/** A robocall (automated + claim + press-key/call-back) is at least this sure, as a share of the way from threshold to 1. */
const ROBOCALL_FLOOR = 0.5;
/**
 * The chat-form trajectory lifts the score to just above the threshold (share of the way from threshold to 1): the
 * order of the moves is the tactic, but the signals of these texts are weak one by one, so the model alone
 * scores them low.
 */
const TRAJECTORY_FLOOR = 0.2;

/**
 * The signals the model scores: quotable protective signals ("工作人员不会索要验证码", "谨防诈骗") are
 * dropped when the text itself makes a direct claim and ask — a scam that quotes a warning is not
 * lowered by it.
 * @example scoredSignals(signals, { claimAndAsk: true, … }) // without protective:anti-fraud-warning
 */
export function scoredSignals(signals: Signal[], structure: PlaybookStructure): Signal[] {
  const own = withoutSelfClaims(signals, structure);
  if (!structure.claimAndAsk && !structure.decisive && structure.trajectory !== true && structure.persona !== true && structure.releaseFee !== true) return own;
  return own.filter((sig) => !QUOTABLE.has(sig.id));
}

/**
 * The signals without those that are only the writer's own news (`structure.self`): "我抽中了一台咖啡机"
 * claims nothing of the reader, neither for the model (scoredSignals) nor for the playbook (inferPlaybook).
 * The same array when there is nothing to drop.
 * @example withoutSelfClaims(signals, { self: new Set(["pretext:prize-won"]), … }) // without pretext:prize-won
 */
export function withoutSelfClaims(signals: Signal[], structure: PlaybookStructure): Signal[];
export function withoutSelfClaims(signals: readonly Signal[], structure: PlaybookStructure): readonly Signal[];
export function withoutSelfClaims(signals: readonly Signal[], structure: PlaybookStructure): readonly Signal[] {
  const self = structure.self;
  const reported = structure.reported;
  if ((self === undefined || self.size === 0) && (reported === undefined || reported.size === 0)) return signals;
  return signals.filter((sig) => self?.has(sig.id) !== true).map((sig) => reportedLast(sig, reported?.get(sig.id)));
}

/** The signal with the evidence a movement notice reports moved last (same spans), so its reason quotes the ask. */
function reportedLast(sig: Signal, starts: ReadonlySet<number> | undefined): Signal {
  if (starts === undefined) return sig;
  return { ...sig, evidence: [...sig.evidence.filter((e) => !starts.has(e.start)), ...sig.evidence.filter((e) => starts.has(e.start))] };
}

/**
 * Bound the model's score by the structure: a warning stays well below the threshold, a one-sided text
 * (a claim without an ask, or an ask without a claim) stays below it; a robocall is lifted above it.
 * @example gateScore(0.93, 0.5, { claimAndAsk: false, decisive: false, robocall: false, warning: false, described }) // 0.375
 */
export function gateScore(score: number, threshold: number, structure: PlaybookStructure): number {
  if (structure.robocall) return Math.max(score, threshold + ROBOCALL_FLOOR * (1 - threshold));
  if (structure.trajectory === true || structure.persona === true || structure.releaseFee === true) return Math.max(score, threshold + TRAJECTORY_FLOOR * (1 - threshold));
  // A decisive request in one short message ("把验证码报给我", "转到安全账户") is the tactic in one line: a chat or a
  // call quoted one line at a time still shows it, while the model reads too little there to score it.
  if (structure.decisiveLine === true) return Math.max(score, threshold + TRAJECTORY_FLOOR * (1 - threshold));
  if (structure.claimAndAsk || structure.decisive) return score;
  if (structure.warning) return Math.min(score, threshold * WARNING_CAP);
  return Math.min(score, threshold * ONE_SIDED_CAP);
}
