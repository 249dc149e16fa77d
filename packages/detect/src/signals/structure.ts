/**
 * Verdicts from the playbook, not from one cue. A scam is a COMBINATION: someone makes a claim (who they
 * are, what is wrong, what you won) and asks for an action that moves control or money to them (a link,
 * an app, a number to call, a code, a transfer). A claim alone (an award in a film review, a bill, a
 * prize draw in the news) or an ask alone (a friend asking for the rent) is not a scam; a warning that
 * DESCRIBES the combination in the third person ("骗子会冒充客服，要求你共享屏幕") is the opposite of one.
 *
 * This module reads the structure of a text's signals: which claims and asks are made directly of the
 * reader, and which only appear inside a description of a scam; whether the text is an automated call
 * (robocall: a recorded notice + a threat or offer + "press 1" / "call back"). `gateScore` turns that
 * structure into a bound on the model's score. Pure and data-driven (data/lexicons/warning.json,
 * playbook.json `structure`). Its parts, one job each, are in structure/: config.ts (that data as sets), gate.ts (the
 * structure's shape and the bound it puts on the score),
 * units.ts (sentences and clauses, bounded in run-on text), ask-clauses.ts (what a clause says of an ask: made of
 * the reader, already paid, forbidden, required), described.ts (warnings, victims' accounts, case reports) and
 * trajectory.ts (the chat-form path).
 */
import type { Signal } from "@scamguard/contracts";
import type { NormalizedText } from "../types.js";
import { speakerAt, splitTurns } from "../model/text-features.js";
import { lexiconHits } from "./lexicon-scan.js";
import { isAccountMovement, isAddressedAsk, isCompletedPayment, isOfferedService, isOwnGainNews, isOwnPlatform, isOwnQuestion, isProhibited, isReportedOutcome, isReportedState, isSelfReport, isSentenceToReader, isSurveyKey, isToWriter, isToWriterCredential, isWaivedFee } from "./structure/ask-clauses.js";
import { ASK_FAMILIES, AUTOMATED, BARE_LINK_WEAK_CLAIMS, CLAIM_FAMILIES, COMPANION_CLAIMS, COMPLETED_ASKS, COMPLETING_PRESSURE, CONTACT_ASKS, COVER_STORIES, DECISIVE, DISPLAY_TITLE, LINK_ASKS, LINK_WEAK_CLAIMS, MENTIONS, MESSAGE_ASKS, MOVEMENT_REPORTS, NARROW_ASKS, NOTICE_CLAIMS, NOTICE_CUES, OFFICIAL_CONTACT, OPT_OUT_LINK_WEAK_CLAIMS, PERSONA_CLAIMS, ROBOCALL_ASKS, SELF_CLAIMS, TRAJECTORY_CLAIMS, TRAJECTORY_MONEY, TRAJECTORY_MOVES } from "./structure/config.js";
import { addReportedSpeech, type Cues, isDescribed, isVictimNarrative } from "./structure/described.js";
import { cueHits, cueOffsets, GAIN_LEXICONS, isTrajectory, joinMoves, LURE_LEXICONS, type SpeakerMoves } from "./structure/trajectory.js";
import type { PlaybookStructure } from "./structure/gate.js";
import { isSentenceEnd, toNormalized, unitAround } from "./structure/units.js";

export { gateScore, type PlaybookStructure, scoredSignals, withoutSelfClaims } from "./structure/gate.js";

/** Longest text (normalised characters) read as one short message for `messageAsks` (99 % of real smishing SMS fit). */
const MESSAGE_MAX_CHARS = 480;
/**
 * Whether a text is one short message from one sender (an SMS, a chat line), where a bare link after a claim
 * is the request; in a longer text or a dialogue (a newsletter, a support agent's reply) a link is a reference.
 * @example isShortMessage(detectSignals("Your parcel is held, pay at <url>").text) // true
 */
export function isShortMessage(text: NormalizedText, turns = splitTurns(text.original)): boolean {
  return text.normalized.length <= MESSAGE_MAX_CHARS && turns.every((t) => t.speaker === "_");
}

/**
 * Whether `speaker` (with the untagged text) makes the release-fee path: a release-fee cue made, not described; a money
 * ask; and a claim, a new-account cover, or a chat-form lure or gain cue.
 */
function isReleaseFee(text: NormalizedText, turns: ReturnType<typeof splitTurns>, speaker: string, own: SpeakerMoves, untagged: SpeakerMoves | undefined, cues: Cues | null): boolean {
  const either = (k: "moneyAsk" | "claim" | "cover"): boolean => own[k] || untagged?.[k] === true;
  const fees = cueOffsets(text, turns, speaker, RELEASE_FEE_LEXICONS, cues);
  if (fees.length === 0) return false;
  // The ask: a money signal, or the fee told to the reader ("就差最后三万就能提出来了，你再想想办法").
  if (!either("moneyAsk") && !fees.some((at) => isSentenceToReader(text.normalized, toNormalized(text, at)))) return false;
  if (either("claim") || either("cover")) return true;
  return [LURE_LEXICONS, GAIN_LEXICONS, DISTANCE_LEXICONS].some((names) => cueOffsets(text, turns, speaker, names, cues).length > 0);
}
const DISTANCE_LEXICONS = ["distanceZh", "distanceEn"] as const;
/** A gain the writer may report as their own news ("i made 12% this week"): a lure only with an invitation (ask-clauses.ts). */
const OWN_GAIN_CLAIM = "pretext:investment-returns";
/** A relative's emergency ("my grandson was arrested"): the threat words inside it are the news, not coercion. */
const RELATIVE_TROUBLE = "pretext:relative-emergency";
const RELEASE_FEE_LEXICONS = ["releaseFeeZh", "releaseFeeEn"] as const;

/** The moves of `speaker`, created empty on first use. */
function movesOf(bySpeaker: Map<string, SpeakerMoves>, speaker: string): SpeakerMoves {
  let moves = bySpeaker.get(speaker);
  if (moves === undefined) {
    moves = { claim: false, ask: false, strongClaim: false, bareLinkWeakClaim: false, strongAsk: false, explicitAsk: false, moneyAsk: false, channelAsk: false, pressed: false, toWriter: false, impersonation: false, pretext: false, pressure: false, decisive: false, robocallAsk: false, cover: false, newAccount: false, persona: false, addressedMoneyAsk: false, claimIds: new Set(), narrowAsks: [], firstClaim: Infinity, firstMove: Infinity, lastMove: -1, moneyAsks: [] };
    bySpeaker.set(speaker, moves);
  }
  return moves;
}

/** Normalised [start, end) spans of the new-account cues (`newAccount`), text order. */
function newAccountSpans(text: NormalizedText): [number, number][] {
  const out: [number, number][] = [];
  for (const name of NEW_ACCOUNT_LEXICONS) for (const hit of cueHits(text, name)) out.push([hit.start, hit.end]);
  return out;
}
const NEW_ACCOUNT_LEXICONS = ["newAccountZh", "newAccountEn"] as const;

/** Saving or renaming a contact ("存一下", "保存", "备注一下"): no move to another account. */
const SAVE_NUMBER = /^(?:存|保存|记|备注|改)/;

/** Whether one of `spans` starts in the sentence around normalised `at`. */
const inSentenceOf = (s: string, spans: readonly [number, number][], at: number): boolean => {
  if (spans.length === 0) return false;
  const [a, b] = unitAround(s, at, isSentenceEnd);
  return spans.some(([x]) => x >= a && x < b);
};

/**
 * Money asks that pay on the writer's behalf ("你先帮我垫付一下供应商的款", "代为采购…先垫付货款"): like money sent to the
 * writer's own account, a persona's favour no school, shop or employer's process asks of the reader.
 */
const ON_BEHALF_ASKS = new Set(["money:advance-payment"]);

/** Whether normalised [a, b) overlaps one of `spans`. */
const inSpans = (spans: readonly [number, number][], a: number, b: number): boolean => spans.some(([x, y]) => a < y && x < Math.max(b, a + 1));

/** A `narrowAsks` signal made without any claim it completes ("sorry, wrong number" alone, "reply to me" in a notice). */
const isOrphanNarrowAsk = (s: Signal, signals: readonly Signal[]): boolean => {
  const claims = NARROW_ASKS.get(s.id);
  return claims !== undefined && !signals.some((x) => x.weight > 0 && claims.has(x.id));
};

/**
 * The signals the model reads as features: a `messageAsks` signal (a bare link) outside a short message is a
 * reference, not an ask, so it is no feature either. Without this, a fit that has seen no support replies
 * learned "a link in a long reply" as smishing's ask (leave-one-source-out, Twitter care held out: FPR 0.355).
 * Likewise a narrow ask without a claim it completes: "I think you have the wrong number" in an ordinary call
 * scored 0.25 on its own (bothbosu's benign wrong-number dialogues) although it completes nothing.
 * @example featureSignals(signals, text).some((s) => s.id === "channel:link-given") // false for a support reply with a link
 */
export function featureSignals(signals: readonly Signal[], text: NormalizedText): readonly Signal[] {
  const orphan = signals.some((s) => isOrphanNarrowAsk(s, signals));
  const dropLinks = signals.some((s) => MESSAGE_ASKS.has(s.id)) && !isShortMessage(text);
  const news = signals.some((s) => isNewsClaim(s, signals));
  if (!orphan && !dropLinks && !news) return signals;
  return signals.filter((s) => !(dropLinks && MESSAGE_ASKS.has(s.id)) && !(orphan && isOrphanNarrowAsk(s, signals)) && !(news && isNewsClaim(s, signals)));
}

/**
 * A `companionClaims` claim without any of its companions: news, not a problem ("Alice shared a document with you",
 * "your membership has been renewed"), so neither a claim for the structure nor a pretext feature for the model
 * (with a link it would read as the model's claim+ask pair: a genuine share notice scored medium).
 */
const isNewsClaim = (s: Signal, signals: readonly Signal[]): boolean => {
  const companions = COMPANION_CLAIMS.get(s.id);
  return companions !== undefined && !signals.some((x) => x.weight > 0 && companions.has(x.id));
};

/**
 * The pretexts the opener of a tagged dialogue raised as their own problem: in a first turn that asks for help (a
 * question: "我的航班被取消了，能帮我改签吗？"), each pretext with evidence there maps to that speaker. Empty for
 * untagged text, or when the first turn asks nothing. A customer who opens a chat with their own problem raised it; a
 * caller who opens with "您的航班已取消" raised it himself, and a reader's later question echoes him.
 */
function raisers(signals: readonly Signal[], turns: ReturnType<typeof splitTurns>, original: string): Map<string, string> {
  const out = new Map<string, string>();
  const opener = turns.find((t) => t.speaker !== "_");
  if (opener === undefined || !HELP_ASKED.test(original.slice(opener.start, opener.end))) return out;
  for (const sig of signals) {
    if (sig.family !== "pretext" || sig.weight <= 0) continue;
    if (sig.evidence.some((e) => e.start >= opener.start && e.start < opener.end)) out.set(sig.id, opener.speaker);
  }
  return out;
}
/** A turn that asks for help or information: a question ("怎么办？", "能帮我…吗", "can you help"). */
const HELP_ASKED = /[?？]|[吗呢么]|怎么办|怎么弄|帮我|帮忙|\b(?:can|could) you\b|\bhow (?:do|can) i\b/;

/** Options of {@link readStructure}. */
export interface ReadStructureOptions {
  /**
   * The text is a person's account of what happened to them (a report): what it recounts ("自称客服，要求
   * 转账到安全账户") was done to them, so third-person wording does not make it a warning.
   */
  account?: boolean;
}

/**
 * Read the structure of a text's signals.
 * @example
 * const { text, signals } = detectSignals("骗子会冒充客服，称您的账户异常，要求你共享屏幕并转账到安全账户。");
 * readStructure(text, signals).warning // true
 */
export function readStructure(text: NormalizedText, signals: readonly Signal[], options: ReadStructureOptions = {}): PlaybookStructure {
  const s = text.normalized;
  const cues: Cues = { sentence: [], clause: [] };
  // The cues come from the one lexicon pass the detectors already made over this text.
  for (const hit of lexiconHits(text, "sentenceZh")) cues.sentence.push(hit.start);
  for (const hit of lexiconHits(text, "sentenceEn")) cues.sentence.push(hit.start);
  for (const hit of lexiconHits(text, "clauseZh")) cues.clause.push(hit.start);
  for (const hit of lexiconHits(text, "clauseEn")) cues.clause.push(hit.start);
  // A victim's account recounts a scam made of them: its claims and asks count as made.
  const anyCue = cues.sentence.length + cues.clause.length > 0 && options.account !== true && !isVictimNarrative(text);
  // A text of advice that retells a call ("说我涉嫌洗钱，让我把钱转到…" / "那是骗子，千万别转"): what was asked of
  // someone there is reported speech, described like a warning's clause.
  if (anyCue) addReportedSpeech(text, cues);
  const officialOnly = signals.some((x) => x.id === OFFICIAL_CONTACT);
  const turns = splitTurns(text.original);
  const shortMessage = isShortMessage(text, turns);
  const optOut = lexiconHits(text, "optOutZh").length > 0;
  const newAccount = newAccountSpans(text);
  /** A new account announced in a text that asks for no money or code and presses nothing: "我是张总，换号了，存一下". */
  const bareCover = newAccount.length > 0 && !signals.some((x) => x.weight > 0 && (x.family === "money" || x.family === "credential" || x.family === "pressure"));
  // A risky link (look-alike, odd TLD, shortener) is no service's own notice.
  const notice = signals.some((x) => NOTICE_CUES.has(x.id)) && !signals.some((x) => x.weight > 0 && (x.family === "pressure" || x.id.startsWith("url:")));
  // What each speaker does: a scam's claim and ask come from the same person. In a support chat the
  // customer states the problem and the agent asks for details; that is not the playbook.
  const bySpeaker = new Map<string, SpeakerMoves>();
  const described = new Set<string>();
  /** Signals made only as a new-account cover ("这是我的新号"): the writer's own news unless the cover completes a path. */
  const covers: string[] = [];
  const self = new Set<string>();
  const reported = new Map<string, Set<number>>();
  let describedTactics = 0;
  let automated = false;
  let decisiveLine = false;
  const raisedBy = raisers(signals, turns, text.original);
  // "I got arrested last night, Dad picked me up": a relative's own trouble names jail or an arrest, which threatens
  // no one; the grandparent scam still asks for bail, gift cards or secrecy.
  const trouble = signals.filter((x) => x.id === RELATIVE_TROUBLE && x.weight > 0).flatMap((x) => x.evidence);
  const inTrouble = (a: number, b: number): boolean => trouble.some((t) => t.start <= a && b <= t.end);
  for (const sig of signals) {
    if (sig.family === "protective" || sig.weight <= 0) continue;
    const companions = COMPANION_CLAIMS.get(sig.id);
    const narrowClaims = NARROW_ASKS.get(sig.id);
    // A narrow ask (a stranger's "wrong number" opener) is a move, never a claim of its own: "sorry, I must have
    // dialed the wrong number" followed by "can you tell me what number I called?" is no scam.
    const isClaim =
      narrowClaims === undefined &&
      CLAIM_FAMILIES.has(sig.family) &&
      !(notice && NOTICE_CLAIMS.has(sig.id)) &&
      (companions === undefined || signals.some((x) => x.weight > 0 && companions.has(x.id)));
    const isAsk =
      narrowClaims === undefined &&
      ASK_FAMILIES.has(sig.family) &&
      !MENTIONS.has(sig.id) &&
      !(officialOnly && CONTACT_ASKS.has(sig.id)) &&
      (shortMessage || !MESSAGE_ASKS.has(sig.id));
    let direct = false;
    let selfOnly = (SELF_CLAIMS.has(sig.id) || sig.id === OWN_GAIN_CLAIM) && options.account !== true && sig.evidence.length > 0;
    let doneOnly = (COMPLETED_ASKS.has(sig.id) || MOVEMENT_REPORTS.has(sig.id)) && options.account !== true && sig.evidence.length > 0;
    let coverOnly = sig.evidence.length > 0;
    // "your tax refund has been paid into your bank account", "closed as you requested": a receipt, not a claim.
    let outcomeOnly = CLAIM_FAMILIES.has(sig.family) && options.account !== true && sig.evidence.length > 0;
    let troubleOnly = sig.id === "pressure:threat" && trouble.length > 0 && sig.evidence.length > 0;
    // "满意请按1": a satisfaction rating after a service call asks nothing and is no automated notice's ask.
    let surveyOnly = (AUTOMATED.has(sig.id) || ROBOCALL_ASKS.has(sig.id)) && sig.evidence.length > 0;
    for (const e of sig.evidence) {
      // Where the evidence starts in the normalised text, which every clause reader below takes.
      const at = toNormalized(text, e.start);
      if (surveyOnly && isSurveyKey(s, at)) continue;
      surveyOnly = false;
      if (selfOnly && (sig.id === OWN_GAIN_CLAIM ? isOwnGainNews(s, at) : isSelfReport(s, at))) continue;
      selfOnly = false;
      if (outcomeOnly && isReportedOutcome(s, at)) continue;
      outcomeOnly = false;
      if (troubleOnly && inTrouble(e.start, e.end)) continue;
      troubleOnly = false;
      // "…尾号1234的储蓄卡转入2,500.00元，余额…": a bank's movement notice reports the money and its balance.
      if (MOVEMENT_REPORTS.has(sig.id) && options.account !== true && isAccountMovement(s, at)) {
        const starts = reported.get(sig.id) ?? new Set<number>();
        starts.add(e.start);
        reported.set(sig.id, starts);
        continue;
      }
      if (doneOnly && COMPLETED_ASKS.has(sig.id) && isCompletedPayment(s, at, toNormalized(text, e.end))) continue;
      doneOnly = false;
      if (anyCue && isDescribed(s, at, cues, isClaim)) continue;
      // A forbidden ask is advice: it counts as described, like a warning's third-person clause.
      if (isAsk && isProhibited(s, at)) continue;
      // A fee the text waives asks for nothing ("退票也不收取手续费").
      if (isAsk && sig.family === "money" && isWaivedFee(s, at)) continue;
      // The writer's own question about a fee asks the reader for nothing ("提现的时候要交手续费吗？").
      if (isAsk && sig.family === "money" && isOwnQuestion(s, at)) continue;
      direct = true;
      const speaker = speakerAt(turns, e.start);
      const moves = movesOf(bySpeaker, speaker);
      // "这是我的新号", "旧号码下个月停机": the sender's new account is a cover (read below), neither a claim nor a threat.
      if ((isClaim || COMPLETING_PRESSURE.has(sig.id)) && inSpans(newAccount, at, toNormalized(text, e.end))) continue;
      // "我是张总，换号了，存一下": saving the number that wrote, in the sentence that announces it, is the cover too,
      // no ask of its own, in a text that asks nothing else (no money, code or pressure: those complete the path).
      // "加我新微信" still moves the reader to another account.
      if (bareCover && isAsk && sig.family === "channel" && SAVE_NUMBER.test(s.slice(at, at + 4)) && inSentenceOf(s, newAccount, at)) continue;
      // "请扫描学校缴费平台的二维码缴纳": a code or app of the school's or the service's own platform moves the reader nowhere
      // they did not choose; a teacher's scam asks for a private collection code, her own WeChat or a red packet.
      if (isAsk && sig.family === "channel" && isOwnPlatform(s, at)) continue;
      coverOnly = false;
      // "A: 我的航班被取消了，能帮我改签吗？ B: 很抱歉航班因天气原因取消…": the problem the customer raised is theirs,
      // and the agent who repeats it claims nothing (a scam's caller raises the problem himself).
      const echo = sig.family === "pretext" && speaker !== "_" && (raisedBy.get(sig.id) ?? speaker) !== speaker;
      const claimHere = isClaim && !echo;
      if (claimHere) {
        moves.claim = true;
        moves.claimIds.add(sig.id);
        if (TRAJECTORY_CLAIMS.has(sig.id)) moves.firstClaim = Math.min(moves.firstClaim, e.start);
        if (PERSONA_CLAIMS.has(sig.id)) moves.persona = true;
      }
      if (TRAJECTORY_MOVES.has(sig.id) && isAsk) {
        moves.firstMove = Math.min(moves.firstMove, e.start);
        moves.lastMove = Math.max(moves.lastMove, e.start);
      }
      if (TRAJECTORY_MONEY.has(sig.id) && isAsk) moves.moneyAsks.push(e.start);
      if (narrowClaims !== undefined) moves.narrowAsks.push(narrowClaims);
      if (isAsk) moves.ask = true;
      if (isAsk && sig.family === "money") moves.moneyAsk = true;
      if (isAsk && sig.family === "channel") moves.channelAsk = true;
      if (sig.family === "pressure") moves.pressed = true;
      // An advertiser's message (回T退订) links to its own shop: there a link completes none of these claims.
      if (claimHere && optOut && OPT_OUT_LINK_WEAK_CLAIMS.has(sig.id)) {
        // neither strong nor completed by a link
      } else if (claimHere && BARE_LINK_WEAK_CLAIMS.has(sig.id)) moves.bareLinkWeakClaim = true;
      else if (claimHere && !LINK_WEAK_CLAIMS.has(sig.id)) moves.strongClaim = true;
      if (isAsk && !LINK_ASKS.has(sig.id)) moves.strongAsk = true;
      if (isAsk && !MESSAGE_ASKS.has(sig.id)) moves.explicitAsk = true;
      if (sig.family === "impersonation" && sig.weight >= 0.4) moves.impersonation = true;
      if (sig.family === "pretext" && sig.weight >= 0.4 && !echo) moves.pretext = true;
      if (COMPLETING_PRESSURE.has(sig.id) && !isReportedState(s, at) && !isOfferedService(s, at) && !inTrouble(e.start, e.end)) moves.pressure = true;
      if (isAsk && DECISIVE.has(sig.id) && sig.weight >= 0.8) {
        moves.decisive = true;
        if (shortMessage && (sig.family === "money" || (sig.family === "credential" && isToWriterCredential(s, at)))) decisiveLine = true;
      }
      if (ROBOCALL_ASKS.has(sig.id)) moves.robocallAsk = true;
      if (COVER_STORIES.has(sig.id)) moves.cover = true;
      if (isAsk && sig.family === "money" && !moves.addressedMoneyAsk && isAddressedAsk(s, at)) moves.addressedMoneyAsk = true;
      if (isAsk && sig.family === "money" && !moves.toWriter && (isToWriter(s, at) || ON_BEHALF_ASKS.has(sig.id))) moves.toWriter = true;
    }
    if (AUTOMATED.has(sig.id) && direct) automated = true;
    if (direct && coverOnly) covers.push(sig.id);
    if (selfOnly || doneOnly || surveyOnly || outcomeOnly || troubleOnly) self.add(sig.id);
    else if (!direct) {
      described.add(sig.id);
      describedTactics++;
    }
  }
  // "王总：…", "——王老师": a copied chat or notice whose sender shows only a name with a title is that persona.
  for (const re of DISPLAY_TITLE) {
    for (const m of text.original.matchAll(re)) {
      if (anyCue && isDescribed(s, toNormalized(text, m.index), cues, true)) continue;
      movesOf(bySpeaker, speakerAt(turns, m.index)).persona = true;
    }
  }
  for (const [a] of newAccount) {
    if (anyCue && isDescribed(s, a, cues, true)) continue;
    const moves = movesOf(bySpeaker, speakerAt(turns, text.toOriginal[a] ?? 0));
    moves.cover = true;
    moves.newAccount = true;
  }
  let claimAndAsk = false;
  let decisive = false;
  let robocall = false;
  let trajectory = false;
  let persona = false;
  let releaseFee = false;
  const hasReleaseFee = RELEASE_FEE_LEXICONS.some((name) => cueHits(text, name).length > 0);
  // When every contact given is the institution's own, "download the app at flex.amazon.com" moves the reader
  // nowhere they did not choose: the cue that repeats such a contact ask is no trajectory move either.
  const officialMoves = officialOnly ? signals.filter((x) => CONTACT_ASKS.has(x.id)).flatMap((x) => x.evidence) : [];
  const hasGain = cueHits(text, "gainZh").length + cueHits(text, "gainEn").length > 0;
  const hasMoveCue = cueHits(text, "moveZh").length + cueHits(text, "moveEn").length > 0;
  // Text before the first speaker tag (a preamble, or a line whose tag a sprinkled emoji hid) may be anyone's:
  // for the trajectory its moves join each speaker's.
  const untagged = bySpeaker.get("_");
  for (const [speaker, own] of bySpeaker) {
    const m = untagged === undefined || speaker === "_" ? own : joinMoves(own, untagged);
    // Cheap first: no trajectory without a move (a channel signal or a move cue).
    if (!trajectory && (m.lastMove >= 0 || hasMoveCue) && (m.moneyAsks.length > 0 || m.firstClaim < Infinity || hasGain)) {
      trajectory = isTrajectory(text, turns, speaker, m, anyCue ? cues : null, officialOnly ? officialMoves : undefined);
    }
    // The combinations of the playbook: claim + ask; who-I-am + what-is-wrong (the opening of every
    // impersonation call, before the ask comes); claim + coercion (a threat, secrecy, "don't hang up").
    // When every contact given is the institution's own, a stated problem and a deadline are a genuine notice.
    if (m.narrowAsks.some((claims) => [...m.claimIds].some((id) => claims.has(id)))) claimAndAsk = true;
    if ((m.strongClaim && m.ask) || (m.bareLinkWeakClaim && m.explicitAsk) || (m.claim && m.strongAsk) || (!officialOnly && ((m.impersonation && m.pretext) || (m.claim && m.pressure) || (m.cover && m.addressedMoneyAsk) || (m.newAccount && (m.pressure || m.moneyAsk || (m.persona && m.pressed)))))) claimAndAsk = true;
    // A teacher who asks for the class fee on the school's platform names herself and asks too: the persona path
    // needs the sender's cover, pressure (urgency, secrecy) or a private channel (their WeChat, a QR code, their own account) as well.
    if (!officialOnly && (m.persona || m.cover) && m.addressedMoneyAsk && (m.cover || m.pressed || m.channelAsk || m.toWriter)) persona = true;
    // The romance twin: a sweetheart who has never met the reader, or is far away ("还没见过面", "我在国外工作"), asks
    // money for themselves ("你能先借我三万吗", "给我发个红包"); a partner at home who asks for the rent names no distance.
    if (!persona && !officialOnly && m.addressedMoneyAsk && m.toWriter && cueOffsets(text, turns, speaker, DISTANCE_LEXICONS, anyCue ? cues : null).length > 0) persona = true;
    if (!releaseFee && hasReleaseFee && !officialOnly) releaseFee = isReleaseFee(text, turns, speaker, own, untagged, anyCue ? cues : null);
    if (m.decisive) decisive = true;
    if (automated && m.claim && m.robocallAsk) robocall = true;
  }
  // "我换号了，通过一下好友": a new account that completes nothing, with no other claim and no pressure ("有急事找你"),
  // claims nothing of the reader (scored as the writer's own news).
  if (covers.length > 0 && !claimAndAsk && !decisive && !trajectory && !persona && !releaseFee && ![...bySpeaker.values()].some((m) => m.claim || m.pressed)) for (const id of covers) self.add(id);
  return { claimAndAsk, decisive, decisiveLine: decisive && decisiveLine, robocall, trajectory, persona, releaseFee, warning: describedTactics > 0 && !claimAndAsk && !decisive && !trajectory && !persona && !releaseFee, described, self, reported };
}
