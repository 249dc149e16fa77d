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
 * playbook.json `structure`).
 */
import type { Signal } from "@scamguard/contracts";
import playbook from "../../data/lexicons/playbook.json" with { type: "json" };
import type { NormalizedText } from "../types.js";
import { speakerAt, splitTurns, type Turn, turnAt } from "../model/text-features.js";
import type { LexiconHit } from "./lexicon-matcher.js";
import { type LexiconName, lexiconApplies, lexiconHits } from "./lexicon-scan.js";

/** What the structure of one text says. */
export interface PlaybookStructure {
  /**
   * A scam combination made directly of the reader: a claim (impersonation or pretext) with an ask (channel,
   * credential, money), or an impersonation with a pretext, or a claim with coercion (threat, secrecy).
   */
  claimAndAsk: boolean;
  /** A decisive request made directly (a "safe account", "read me the code"): no legitimate party makes it. */
  decisive: boolean;
  /** An automated call: recorded-notice cue or "press 1", a claim, and an ask to press a key or call back. */
  robocall: boolean;
  /**
   * The chat-form trajectory (romance, investment, order-brushing and game-trade frauds), read from the order of
   * one sender's moves: a lure (an opener, rapport, easy money) or a claim, then a move to another app, group or
   * site, then a money ask made of the reader; or a move followed by money asks in two or more of its turns (the
   * escalation). These texts often carry no institution claim and no single decisive ask. Absent: false.
   */
  trajectory?: boolean;
  /** The text describes scam tactics (third person, prohibition, "if someone asks you…") and makes no direct claim+ask. */
  warning: boolean;
  /** Signal ids whose every piece of evidence sits in a described clause (for reasons; never scored as asks). */
  described: ReadonlySet<string>;
  /**
   * Signal ids that make no claim or ask of the reader, so neither scored nor a playbook stage: `selfClaims` whose
   * every piece of evidence is the writer's own news ("我在音乐节抽中了一把吉他"), and `completedAsks` whose every
   * piece of evidence reports a payment already made ("房租我已经转给房东了", "本金及收益已转入您尾号…的账户").
   */
  self?: ReadonlySet<string>;
}

interface StructureConfig {
  /** Ids of the channel/credential/money families that only MENTION something (a code SMS, an amount), never ask. */
  mentions: string[];
  /** Asks that point at a contact: they do not count when every contact in the text is official. */
  contactAsks: string[];
  /**
   * Asks that count only in a short one-speaker message (an SMS, a chat line): there a bare link after a claim
   * is the request; in a newsletter or a support agent's reply it is a reference.
   */
  messageAsks: string[];
  /**
   * Claims a link alone does not complete: shops and carriers advertise prize draws with their links; a prize
   * scam asks for a fee, a credential or a contact (a risky link's own url:* facts still count as asks).
   */
  linkWeakClaims: string[];
  /**
   * Claims a bare link (a `messageAsks` one) does not complete but an explicit "click / claim here" link does:
   * "you have won our draw, winners at <link>" is a shop's notice; "you have won, claim it at <link>" asks.
   */
  bareLinkWeakClaims: string[];
  /** Marketing opt-out cues ("回T退订", scanned as lexicon `optOutZh`). */
  optOut: string[];
  /**
   * Claims a link alone does not complete in a message that offers an opt-out: a registered advertiser's
   * 红包 or 积分 offer links to its shop; a points-phishing SMS never offers "回T退订" and asks for the card.
   */
  optOutLinkWeakClaims: string[];
  /** The plain link asks (`linkWeakClaims`). */
  linkAsks: string[];
  /** Signals that mark an automated call on their own. */
  automated: string[];
  /** Asks that complete a robocall: press a key, call back. */
  robocallAsks: string[];
  /** Protective signals a scam can quote; dropped once the text makes a direct claim and ask. */
  quotable: string[];
  /** Pressure that completes a claim on its own ("不要挂电话", "tell no one", a threat of arrest). */
  completingPressure: string[];
  /**
   * Claims that say something happened to SOMEONE: made of the reader ("恭喜您中奖") they are a pretext; told by
   * the writer of themselves ("我年会抽中了二等奖", with no 你/您 in the clause) they are chit-chat, not a claim.
   */
  selfClaims: string[];
  /**
   * Why the sender cannot be reached to check who they are ("在开会不方便接电话", "手机坏了", "我在国外"): the
   * cover of an impersonated boss, friend or relative. With a money request made of the reader ("你先帮我转…")
   * it is that playbook; with a report of a payment ("房租我已经转了") or no ask it is an ordinary message.
   */
  coverStories: string[];
  /**
   * Money asks that a receipt or a chat also uses to REPORT a payment already made ("…已转入您尾号3321的账户",
   * "我刚把货款转到你们公司账户了"): there the money has moved and nobody is asked to move it (see isCompletedPayment).
   */
  completedAsks: string[];
  /**
   * Asks that complete only the claims listed with them: "get back to me / reply if you are interested" is the ask
   * of an advance-fee or prize offer, but after an account notice or in a support chat it is ordinary courtesy.
   * A stranger's "wrong number / we met at…" opener is the contact move of the same kind: with an investment or
   * romance pitch it completes the pig-butchering opening; alone, or with "want to play golf on Saturday", nothing.
   */
  narrowAsks: Record<string, string[]>;
  /**
   * A service's own notice of something the holder did ("new sign-in… if this was you, you don't need to do
   * anything"; "we will never ask for your password") states the event a phishing mail also states. Where the text
   * carries one of `noticeCues`, no pressure at all (no deadline, no threat) and no risky link, the `noticeClaims`
   * are the notice's subject, not a claim; a phishing mail that quotes the cue still rushes ("within 24 hours or…")
   * or links to a look-alike.
   */
  noticeCues: string[];
  noticeClaims: string[];
  /**
   * Claims that are news, not a problem, unless a companion signal makes them one: "your membership has been
   * renewed, manage it at <link>" is every shop's receipt; with "if you did not authorize this", a deadline, a
   * recorded call or a number to call to cancel it is the refund-callback lure. Without a companion such a claim
   * completes nothing.
   */
  companionClaims: Record<string, string[]>;
  /** The chat-form trajectory: its moves, its money asks and (scanned as lexicons `lureZh`/`lureEn`) its lures. */
  trajectory: { claims: string[]; moves: string[]; moneyAsks: string[] };
}

const CONFIG = playbook.structure as StructureConfig;
const MENTIONS = new Set(CONFIG.mentions);
const CONTACT_ASKS = new Set(CONFIG.contactAsks);
const MESSAGE_ASKS = new Set(CONFIG.messageAsks);
const LINK_WEAK_CLAIMS = new Set(CONFIG.linkWeakClaims);
const BARE_LINK_WEAK_CLAIMS = new Set(CONFIG.bareLinkWeakClaims);
const OPT_OUT_LINK_WEAK_CLAIMS = new Set(CONFIG.optOutLinkWeakClaims);
const LINK_ASKS = new Set(CONFIG.linkAsks);
const AUTOMATED = new Set(CONFIG.automated);
const ROBOCALL_ASKS = new Set(CONFIG.robocallAsks);
const QUOTABLE = new Set(CONFIG.quotable);
const COMPLETING_PRESSURE = new Set(CONFIG.completingPressure);
const SELF_CLAIMS = new Set(CONFIG.selfClaims);
const NOTICE_CUES = new Set(CONFIG.noticeCues);
const NOTICE_CLAIMS = new Set(CONFIG.noticeClaims);
const COVER_STORIES = new Set(CONFIG.coverStories);
const COMPLETED_ASKS = new Set(CONFIG.completedAsks);
const COMPANION_CLAIMS = new Map<string, ReadonlySet<string>>(Object.entries(CONFIG.companionClaims).map(([claim, with_]) => [claim, new Set(with_)]));
const NARROW_ASKS = new Map<string, ReadonlySet<string>>(Object.entries(CONFIG.narrowAsks).map(([ask, claims]) => [ask, new Set(claims)]));
const TRAJECTORY_CLAIMS = new Set(CONFIG.trajectory.claims);
const TRAJECTORY_MOVES = new Set(CONFIG.trajectory.moves);
const TRAJECTORY_MONEY = new Set(CONFIG.trajectory.moneyAsks);
/** Turns of one sender with a money ask that make the escalation (a first payment, then a larger one, a fee). */
const ESCALATION_TURNS = 2;
const DECISIVE = new Set<string>(playbook.standalone.ids);
const ASK_FAMILIES = new Set(["channel", "credential", "money"]);
const CLAIM_FAMILIES = new Set(["impersonation", "pretext"]);
const OFFICIAL_CONTACT = "protective:official-contact";

/** Longest text (normalised characters) read as one short message for `messageAsks` (99 % of real smishing SMS fit). */
const MESSAGE_MAX_CHARS = 480;
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
 * A victim's account ("对方自称客服，让我共享屏幕，我就转了…"): someone reported as saying and asking, and
 * the writer (or their family) doing it. Such a text recounts the playbook as it happened, so its tactics
 * count as made, not described; general advice (不法分子, 凡是, 如遇, 警方提醒) keeps a text a warning.
 * Only asked when the text has a warning cue; its cue lexicons are read in the shared scan (lexicon-scan.ts).
 */
const isVictimNarrative = (text: NormalizedText): boolean =>
  (lexiconHits(text, "experienceZh").length > 0 && lexiconHits(text, "reportedZh").length > 0 && lexiconHits(text, "genericZh").length === 0) ||
  isCaseReport(text);

/**
 * A case report ("市民李女士接到自称客服的电话，对方称…，按照对方要求转账，后发现被骗"; "诈骗分子冒充客服联系
 * 王先生…被骗3万元"): a named victim and what the scam cost them, told in the third person. It recounts the
 * playbook as it happened, like a victim's own account, so naming the scammer as the actor does not make it
 * a warning. One that closes with the police's advice (警方提醒, 凡是…) is an official reminder and news of
 * an arrest (抓获, 犯罪嫌疑人) reports police work; both stay warnings (case table: benign-news-case-zh).
 */
const isCaseReport = (text: NormalizedText): boolean =>
  lexiconHits(text, "caseVictimZh").length > 0 && lexiconHits(text, "caseOutcomeZh").length > 0 && lexiconHits(text, "caseVetoZh").length === 0;

/**
 * Sentence ends in normalised text (half-width punctuation), and the lenticular brackets of an SMS signature or
 * header: 【温馨提示】 is the sender's tag, a unit of its own, not a clause of the sentence after it (an FBS SMS has
 * no other punctuation, so its header cue read the whole message as described).
 */
const isSentenceEnd = (c: number): boolean =>
  c === 0x3002 /* 。 */ || c === 0x21 || c === 0x3f || c === 0x3b || c === 0x0a || c === 0x2026 /* … */ || c === 0x3010 || c === 0x3011;
/** Clause ends: sentence ends plus commas, colons and brackets (【重要提醒】您的… is two clauses). */
const isClauseEnd = (c: number): boolean => isSentenceEnd(c) || c === 0x2c || c === 0x3a || c === 0x5b || c === 0x5d;
/**
 * An imperative at the start of a clause, also after its addressee ("你先充值五千"): the ask is made of the reader,
 * even in a sentence that names scammers or calls other platforms scams.
 */
const IMPERATIVE =
  /^\s*(?:[你您]们?(?=请|马上|立即|立刻|赶紧|尽快|现在|先|务必))?(?:请(?!勿|不要|别)|麻烦|马上|立即|立刻|赶紧|尽快|现在|先|务必|please\b|kindly\b|click\b|tap\b|call\b|press\b|visit\b|go to\b|reply\b|log ?in\b|update\b|verify\b|confirm\b)/;

/** The writer alone (我, not 我们/我司/我行, who speak for an organiser) before the claim. */
const WRITER = /我(?!们|司|行|公司|方)/;
/** Someone other than the writer is the subject or the addressee ("恭喜您", "你被抽中", "对方称我中奖"). */
const NOT_SELF = /[你您]|说|称|告诉|通知|恭喜|提示|显示|短信|电话/;

/**
 * Whether the evidence at normalised `at` is the writer's own news: its clause names the writer (我) before it
 * and neither addresses the reader nor reports someone else's words ("我在音乐节抽中了一把吉他"
 * vs "恭喜您抽中了", "获得了我们公司举办的大奖赛的二等奖").
 */
function isSelfReport(s: string, at: number): boolean {
  const [ca, cb] = unitAround(s, at, isClauseEnd);
  return WRITER.test(s.slice(ca, at)) && !NOT_SELF.test(s.slice(ca, cb));
}

/** A completion marker just before a money verb: 已/已经, 刚/刚刚, 成功, 收到 ("…已转入", "我刚把货款转到"). */
const DONE_BEFORE = /(?<![未没])(?:已|刚|成功|收到)[^,。!?;\n]{0,5}$/;
/** A completion word just after it: a receipt's "转账支出", "转账入账", "转账成功", "已到账". */
const DONE_AFTER = /^[^,。!?;\n]{0,6}(?:成功|到账|入账|支出|完成|完毕)/;
/** The verb as an attribute: "您多支付的费用", "转的钱" name a payment made, they ask for none. */
const PAID_OBJECT = /^(?:支付|缴纳|交|缴|付|转账|转|汇款|汇|打)(?:了)?的/;
/** The verb as a noun: "网银转账功能", "转账限额" name a service, they ask for no payment. */
const PAYMENT_NOUN = /^(?:功能|限额|额度|记录|服务|业务|明细|凭证)/;
/** "已被冻结", "已经停用": a state reported, not a threat of what happens unless the reader acts. */
const STATE_BEFORE = /(?<![未没])已(?:经)?(?:被)?$/;

/**
 * Whether the pressure at normalised `at` reports a state ("您的账户已被冻结，请携带证件到网点办理") rather than
 * threatens one ("否则将冻结"); a bank's notice of a freeze is no coercion, a scam still asks (解冻金) or threatens.
 */
const isReportedState = (s: string, at: number): boolean => STATE_BEFORE.test(s.slice(Math.max(0, at - 4), at));

/** A request or a question in the same clause: the payment is still being asked for ("账户已冻结需要转账解冻", "转了吗"). */
const STILL_ASKED = /请|麻烦|帮我|帮忙|替我|[你您]先|赶紧|马上|立即|立刻|尽快|务必|需要|必须|还要|再|吗|\?/;

/**
 * Whether the money ask at normalised [at, end) reports a payment already made ("房租我已经转给房东了",
 * "本金及收益已转入您尾号3321的账户", "收到他人转账入账") rather than asks for one: a completion marker next to the
 * verb in its clause, and no request or question in that clause. A scam still asks for the money it wants.
 */
function isCompletedPayment(s: string, at: number, end: number): boolean {
  const [ca, cb] = unitAround(s, at, isClauseEnd);
  if (STILL_ASKED.test(s.slice(ca, cb))) return false;
  return DONE_BEFORE.test(s.slice(Math.max(ca, at - 8), at)) || DONE_AFTER.test(s.slice(end, cb)) || PAID_OBJECT.test(s.slice(at, end)) || PAYMENT_NOUN.test(s.slice(end, cb));
}

/**
 * A prohibition that governs the rest of its clause ("更不要点击对方发来的链接或扫码付款", "请勿向陌生账户转账"):
 * the lexicon's own negation only looks 10 characters back and skips link asks, so a coordinated second object
 * ("…或扫码") still read as a request. Only imperative prohibitions: not 不能 ("航班不能起飞…请致电"), 不用/无需
 * ("你不用去银行，直接扫码转账" is a scam's ask) nor 别担心.
 */
const PROHIBITION = /(?<!要)不要|别(?!担心|着急|急|怕|客气|紧张|慌|人|的|处|家)|请勿|切勿|勿|严禁|禁止/g;
/** Words after a prohibition that start an affirmative request of their own ("不要去柜台，直接在手机上转"). */
const PIVOT = /直接|而是|只|改|就行|即可|马上|立即|立刻|赶紧|现在|先|然后|再|按照|请/;
/** Furthest (normalised characters) a prohibition reaches: unpunctuated text (an FBS SMS, speech) runs clauses together. */
const PROHIBITION_REACH = 16;

/** Whether the ask at normalised `at` is forbidden by a prohibition earlier in its clause (advice, not an ask). */
function isProhibited(s: string, at: number): boolean {
  const [ca] = unitAround(s, at, isClauseEnd);
  const before = s.slice(Math.max(ca, at - PROHIBITION_REACH), at);
  PROHIBITION.lastIndex = 0;
  let last = -1;
  for (let m = PROHIBITION.exec(before); m !== null; m = PROHIBITION.exec(before)) last = m.index + m[0].length;
  return last >= 0 && !PIVOT.test(before.slice(last));
}

/** A request made of the reader in a clause: addressed (你/您), a favour (帮我, 帮忙, 替我, 麻烦) or "先…". */
const ADDRESSED = /[你您]|帮我|帮忙|替我|麻烦|先/;

/** Whether the ask at normalised `at` is made of the reader ("你先帮我转过去") rather than reported ("房租我已经转了"). */
function isAddressedAsk(s: string, at: number): boolean {
  const [ca, cb] = unitAround(s, at, isClauseEnd);
  return ADDRESSED.test(s.slice(ca, cb)) || IMPERATIVE.test(s.slice(ca, at + 1));
}

/** A requirement stated before the ask in its clause ("第二单需要充值5000", "提现要先交保证金"). */
const REQUIRED = /需要|要|必须|得|请/;

/**
 * Whether the money ask at normalised `at` is required of the reader: addressed (isAddressedAsk), or a requirement
 * in a clause the writer is not the subject of ("第二单需要充值5000" vs "我准备下周加仓五千", "我充了五千").
 */
function isRequiredOfReader(s: string, at: number): boolean {
  if (isAddressedAsk(s, at)) return true;
  const [ca, cb] = unitAround(s, at, isClauseEnd);
  return REQUIRED.test(s.slice(ca, cb)) && !WRITER.test(s.slice(ca, at + 1));
}

/** Normalised index of an original offset (toOriginal is non-decreasing). */
function toNormalized(text: NormalizedText, original: number): number {
  const map = text.toOriginal;
  let lo = 0;
  let hi = map.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (map[mid]! < original) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** An English full stop ends a sentence when a space or the end follows it ("3.5" and "usps.com" do not). */
const isFullStop = (s: string, i: number): boolean => s.charCodeAt(i) === 0x2e && (i + 1 >= s.length || s.charCodeAt(i + 1) <= 0x20);

/**
 * A sentence or clause longer than this, in units where a CJK character weighs {@link CJK_WEIGHT} and any other
 * code unit 1 (160 Chinese characters, 480 Latin ones), is a run-on: punctuated text never comes near it (the
 * longest 0.1 % of the data sets' sentences are 75–157 Chinese or 155–407 Latin characters), an unpunctuated one
 * does (a call transcript from speech recognition: no full stop, no speaker tag). Read as ONE unit, a callee's
 * "我也听说过冒充银行的诈骗电话" turned every claim and ask of the caller, hundreds of characters away, into a
 * described one and the call into a warning. In a run-on, a unit reaches {@link CLAUSE_REACH} or
 * {@link SENTENCE_REACH} either side of the position instead; every other unit is read as written.
 */
const RUN_ON = 480;
/** Reach of a clause in a run-on either side (24 Chinese characters, 72 Latin ones: a long clause of punctuated text). */
const CLAUSE_REACH = 72;
/** Reach of a sentence in a run-on either side (40 Chinese characters, 120 Latin ones). */
const SENTENCE_REACH = 120;
const CJK_WEIGHT = 3;
const weightOf = (c: number): number => (c >= 0x3400 && c <= 0x9fff ? CJK_WEIGHT : 1);

/** [start, end) of the unit (sentence or clause) around normalised position `at`, bounded in a run-on (see RUN_ON). */
function unitAround(s: string, at: number, isEnd: (c: number) => boolean): [number, number] {
  const start = Math.min(at, s.length);
  let a = start;
  let wa = 0;
  for (; a > 0 && !isEnd(s.charCodeAt(a - 1)) && !isFullStop(s, a - 1) && wa <= RUN_ON; a--) wa += weightOf(s.charCodeAt(a - 1));
  let b = start;
  let wb = 0;
  for (; b < s.length && !isEnd(s.charCodeAt(b)) && !isFullStop(s, b) && wa + wb <= RUN_ON; b++) wb += weightOf(s.charCodeAt(b));
  if (wa + wb <= RUN_ON) return [a, b];
  const reach = isEnd === isSentenceEnd ? SENTENCE_REACH : CLAUSE_REACH;
  a = start;
  for (let w = 0; a > 0 && !isEnd(s.charCodeAt(a - 1)) && !isFullStop(s, a - 1) && w < reach; a--) w += weightOf(s.charCodeAt(a - 1));
  b = start;
  for (let w = 0; b < s.length && !isEnd(s.charCodeAt(b)) && !isFullStop(s, b) && w < reach; b++) w += weightOf(s.charCodeAt(b));
  return [a, b];
}

const hasCueIn = (cues: readonly number[], a: number, b: number): boolean => {
  for (const c of cues) if (c >= a && c < b) return true;
  return false;
};

/**
 * Whether a text is one short message from one sender (an SMS, a chat line), where a bare link after a claim
 * is the request; in a longer text or a dialogue (a newsletter, a support agent's reply) a link is a reference.
 * @example isShortMessage(detectSignals("Your parcel is held, pay at <url>").text) // true
 */
export function isShortMessage(text: NormalizedText, turns = splitTurns(text.original)): boolean {
  return text.normalized.length <= MESSAGE_MAX_CHARS && turns.every((t) => t.speaker === "_");
}

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
  if (!orphan && !dropLinks) return signals;
  return signals.filter((s) => !(dropLinks && MESSAGE_ASKS.has(s.id)) && !(orphan && isOrphanNarrowAsk(s, signals)));
}

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
  const officialOnly = signals.some((x) => x.id === OFFICIAL_CONTACT);
  const turns = splitTurns(text.original);
  const shortMessage = isShortMessage(text, turns);
  const optOut = lexiconHits(text, "optOutZh").length > 0;
  // A risky link (look-alike, odd TLD, shortener) is no service's own notice.
  const notice = signals.some((x) => NOTICE_CUES.has(x.id)) && !signals.some((x) => x.weight > 0 && (x.family === "pressure" || x.id.startsWith("url:")));
  // What each speaker does: a scam's claim and ask come from the same person. In a support chat the
  // customer states the problem and the agent asks for details; that is not the playbook.
  const bySpeaker = new Map<string, SpeakerMoves>();
  const described = new Set<string>();
  const self = new Set<string>();
  let describedTactics = 0;
  let automated = false;
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
    let selfOnly = SELF_CLAIMS.has(sig.id) && options.account !== true && sig.evidence.length > 0;
    let doneOnly = COMPLETED_ASKS.has(sig.id) && options.account !== true && sig.evidence.length > 0;
    for (const e of sig.evidence) {
      if (selfOnly && isSelfReport(s, toNormalized(text, e.start))) continue;
      selfOnly = false;
      if (doneOnly && isCompletedPayment(s, toNormalized(text, e.start), toNormalized(text, e.end))) continue;
      doneOnly = false;
      if (anyCue && isDescribed(s, toNormalized(text, e.start), cues, isClaim)) continue;
      // A forbidden ask is advice: it counts as described, like a warning's third-person clause.
      if (isAsk && isProhibited(s, toNormalized(text, e.start))) continue;
      direct = true;
      const speaker = speakerAt(turns, e.start);
      let moves = bySpeaker.get(speaker);
      if (moves === undefined) {
        moves = { claim: false, ask: false, strongClaim: false, bareLinkWeakClaim: false, strongAsk: false, explicitAsk: false, impersonation: false, pretext: false, pressure: false, decisive: false, robocallAsk: false, cover: false, addressedMoneyAsk: false, claimIds: new Set(), narrowAsks: [], firstClaim: Infinity, firstMove: Infinity, lastMove: -1, moneyAsks: [] };
        bySpeaker.set(speaker, moves);
      }
      if (isClaim) {
        moves.claim = true;
        moves.claimIds.add(sig.id);
        if (TRAJECTORY_CLAIMS.has(sig.id)) moves.firstClaim = Math.min(moves.firstClaim, e.start);
      }
      if (TRAJECTORY_MOVES.has(sig.id) && isAsk) {
        moves.firstMove = Math.min(moves.firstMove, e.start);
        moves.lastMove = Math.max(moves.lastMove, e.start);
      }
      if (TRAJECTORY_MONEY.has(sig.id) && isAsk) moves.moneyAsks.push(e.start);
      if (narrowClaims !== undefined) moves.narrowAsks.push(narrowClaims);
      if (isAsk) moves.ask = true;
      // An advertiser's message (回T退订) links to its own shop: there a link completes none of these claims.
      if (isClaim && optOut && OPT_OUT_LINK_WEAK_CLAIMS.has(sig.id)) {
        // neither strong nor completed by a link
      } else if (isClaim && BARE_LINK_WEAK_CLAIMS.has(sig.id)) moves.bareLinkWeakClaim = true;
      else if (isClaim && !LINK_WEAK_CLAIMS.has(sig.id)) moves.strongClaim = true;
      if (isAsk && !LINK_ASKS.has(sig.id)) moves.strongAsk = true;
      if (isAsk && !MESSAGE_ASKS.has(sig.id)) moves.explicitAsk = true;
      if (sig.family === "impersonation" && sig.weight >= 0.4) moves.impersonation = true;
      if (sig.family === "pretext" && sig.weight >= 0.4) moves.pretext = true;
      if (COMPLETING_PRESSURE.has(sig.id) && !isReportedState(s, toNormalized(text, e.start))) moves.pressure = true;
      if (isAsk && DECISIVE.has(sig.id) && sig.weight >= 0.8) moves.decisive = true;
      if (ROBOCALL_ASKS.has(sig.id)) moves.robocallAsk = true;
      if (COVER_STORIES.has(sig.id)) moves.cover = true;
      if (isAsk && sig.family === "money" && !moves.addressedMoneyAsk && isAddressedAsk(s, toNormalized(text, e.start))) moves.addressedMoneyAsk = true;
    }
    if (AUTOMATED.has(sig.id) && direct) automated = true;
    if (selfOnly || doneOnly) self.add(sig.id);
    else if (!direct) {
      described.add(sig.id);
      describedTactics++;
    }
  }
  let claimAndAsk = false;
  let decisive = false;
  let robocall = false;
  let trajectory = false;
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
    if ((m.strongClaim && m.ask) || (m.bareLinkWeakClaim && m.explicitAsk) || (m.claim && m.strongAsk) || (!officialOnly && ((m.impersonation && m.pretext) || (m.claim && m.pressure) || (m.cover && m.addressedMoneyAsk)))) claimAndAsk = true;
    if (m.decisive) decisive = true;
    if (automated && m.claim && m.robocallAsk) robocall = true;
  }
  return { claimAndAsk, decisive, robocall, trajectory, warning: describedTactics > 0 && !claimAndAsk && !decisive && !trajectory, described, self };
}

/**
 * Whether one sender's moves make the chat-form trajectory (see PlaybookStructure.trajectory). A move takes the
 * talk elsewhere: a channel signal or a move cue (lexicons `moveZh`/`moveEn`: "注册一个账号", "添加接待老师").
 * - The full path: a move, then a money ask made of the reader, and before that ask a chat-form claim
 *   (`trajectory.claims`: romance, brushing, investment, game trade, easy loan), a lure or gain cue
 *   (`lureZh`/`lureEn`, `gainZh`/`gainEn`), or money asks in two or more of the sender's turns (the escalation).
 * - The opening: a chat-form claim or an easy-money cue, then a move (the recruiter's "一天轻松两三百，添加接待老师").
 *   A rapport or first-contact lure and a move ("交个朋友，加个微信") are not enough without money.
 * Cues inside a described clause (a warning) do not count. Original offsets throughout.
 */
function isTrajectory(text: NormalizedText, turns: readonly Turn[], speaker: string, m: SpeakerMoves, cues: Cues | null, official?: Signal["evidence"]): boolean {
  let moves = cueOffsets(text, turns, speaker, MOVE_LEXICONS, cues);
  if (official !== undefined && official.length > 0) moves = moves.filter((at) => !official.some((e) => e.start <= at && at < e.end));
  const firstMove = Math.min(m.firstMove, moves[0] ?? Infinity);
  const lastMove = Math.max(m.lastMove, moves[moves.length - 1] ?? -1);
  if (lastMove < 0) return false;
  const gain = cueOffsets(text, turns, speaker, GAIN_LEXICONS, cues)[0] ?? Infinity;
  if (Math.min(m.firstClaim, gain) < lastMove) return true;
  // The money asks required of the reader (see isRequiredOfReader), latest first; only those after the first move count.
  const s = text.normalized;
  let lastMoneyAsk = -1;
  const moneyTurns = new Set<number>();
  for (const at of [...m.moneyAsks].sort((x, y) => y - x)) {
    if (at <= firstMove) break;
    if (!isRequiredOfReader(s, toNormalized(text, at))) continue;
    if (lastMoneyAsk < 0) lastMoneyAsk = at;
    moneyTurns.add(turnAt(turns, at));
    if (moneyTurns.size >= ESCALATION_TURNS) break;
  }
  if (lastMoneyAsk < 0) return false;
  if (m.firstClaim <= lastMoneyAsk || moneyTurns.size >= ESCALATION_TURNS || gain < lastMoneyAsk) return true;
  return (cueOffsets(text, turns, speaker, LURE_LEXICONS, cues)[0] ?? Infinity) < lastMoneyAsk;
}

/** A speaker's trajectory moves together with those of the untagged text. */
function joinMoves(m: SpeakerMoves, untagged: SpeakerMoves): SpeakerMoves {
  return {
    ...m,
    firstClaim: Math.min(m.firstClaim, untagged.firstClaim),
    firstMove: Math.min(m.firstMove, untagged.firstMove),
    lastMove: Math.max(m.lastMove, untagged.lastMove),
    moneyAsks: [...m.moneyAsks, ...untagged.moneyAsks],
  };
}

/** Original offsets (ascending) of the speaker's cues of `lexicons` that are made, not described. */
function cueOffsets(text: NormalizedText, turns: readonly Turn[], speaker: string, lexicons: readonly LexiconName[], cues: Cues | null): number[] {
  const out: number[] = [];
  for (const name of lexicons) {
    for (const hit of cueHits(text, name)) {
      const at = text.toOriginal[hit.start] ?? 0;
      const who = speakerAt(turns, at);
      if (who !== speaker && who !== "_") continue;
      if (cues !== null && isDescribed(text.normalized, hit.start, cues, true)) continue;
      out.push(at);
    }
  }
  return out.sort((x, y) => x - y);
}

/**
 * Hits of a trajectory cue lexicon, none when its language gate is closed: gainEn (an unanchored pattern) is
 * left out of the shared pass past its gate, and asking for it there would scan the whole text again (A/B: -14
 * to -22 % dialogues/CPU-s when every cue lexicon was left out so).
 */
const cueHits = (text: NormalizedText, name: LexiconName): readonly LexiconHit[] => (lexiconApplies(name, text.normalized) ? lexiconHits(text, name) : []);

const MOVE_LEXICONS: readonly LexiconName[] = ["moveZh", "moveEn"];
const GAIN_LEXICONS: readonly LexiconName[] = ["gainZh", "gainEn"];
const LURE_LEXICONS: readonly LexiconName[] = ["lureZh", "lureEn"];

interface SpeakerMoves {
  claim: boolean;
  ask: boolean;
  /** A claim other than a `linkWeakClaims` or `bareLinkWeakClaims` one. */
  strongClaim: boolean;
  /** A `bareLinkWeakClaims` claim. */
  bareLinkWeakClaim: boolean;
  /** An ask other than a plain link. */
  strongAsk: boolean;
  /** An ask other than a bare link (`messageAsks`). */
  explicitAsk: boolean;
  impersonation: boolean;
  pretext: boolean;
  pressure: boolean;
  decisive: boolean;
  robocallAsk: boolean;
  /** Ids of the claims made (for `narrowAsks`). */
  claimIds: Set<string>;
  /** For each narrow ask made, the claims it completes. */
  narrowAsks: ReadonlySet<string>[];
  /** A `coverStories` signal: the sender cannot be reached to check who they are. */
  cover: boolean;
  /** A money ask made of the reader (see isAddressedAsk). */
  addressedMoneyAsk: boolean;
  /** Original offsets for the trajectory: first chat-form claim (`trajectory.claims`), first and last move to another channel. */
  firstClaim: number;
  firstMove: number;
  lastMove: number;
  /** Original offsets of its money asks (`trajectory.moneyAsks`); whether each is required of the reader is asked only in isTrajectory. */
  moneyAsks: number[];
}

/** Normalised start offsets of the cues found, by reach. */
interface Cues {
  sentence: number[];
  clause: number[];
}

/**
 * Whether the evidence at normalised `at` sits in a description of a scam. A claim is described when its
 * clause carries a cue ("骗子冒充客服") or its sentence a sentence-level one ("凡是…都是诈骗"); an ask when
 * its sentence carries any cue, unless its own clause is an imperative without one ("为防止盗刷，请把钱转到
 * 安全账户" is still an ask).
 */
function isDescribed(s: string, at: number, cues: Cues, isClaim: boolean): boolean {
  const [ca, cb] = unitAround(s, at, isClauseEnd);
  if (hasCueIn(cues.clause, ca, cb) || hasCueIn(cues.sentence, ca, cb)) return true;
  const [sa, sb] = unitAround(s, at, isSentenceEnd);
  if (hasCueIn(cues.sentence, sa, sb)) return isClaim || !IMPERATIVE.test(s.slice(ca, at + 1));
  if (isClaim || !hasCueIn(cues.clause, sa, sb)) return false;
  return !IMPERATIVE.test(s.slice(ca, at + 1));
}

/**
 * The signals the model scores: quotable protective signals ("工作人员不会索要验证码", "谨防诈骗") are
 * dropped when the text itself makes a direct claim and ask — a scam that quotes a warning is not
 * lowered by it.
 * @example scoredSignals(signals, { claimAndAsk: true, … }) // without protective:anti-fraud-warning
 */
export function scoredSignals(signals: Signal[], structure: PlaybookStructure): Signal[] {
  const own = withoutSelfClaims(signals, structure);
  if (!structure.claimAndAsk && !structure.decisive && structure.trajectory !== true) return own;
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
  if (self === undefined || self.size === 0) return signals;
  return signals.filter((sig) => !self.has(sig.id));
}

/**
 * Bound the model's score by the structure: a warning stays well below the threshold, a one-sided text
 * (a claim without an ask, or an ask without a claim) stays below it; a robocall is lifted above it.
 * @example gateScore(0.93, 0.5, { claimAndAsk: false, decisive: false, robocall: false, warning: false, described }) // 0.375
 */
export function gateScore(score: number, threshold: number, structure: PlaybookStructure): number {
  if (structure.robocall) return Math.max(score, threshold + ROBOCALL_FLOOR * (1 - threshold));
  if (structure.trajectory === true) return Math.max(score, threshold + TRAJECTORY_FLOOR * (1 - threshold));
  if (structure.claimAndAsk || structure.decisive) return score;
  if (structure.warning) return Math.min(score, threshold * WARNING_CAP);
  return Math.min(score, threshold * ONE_SIDED_CAP);
}
