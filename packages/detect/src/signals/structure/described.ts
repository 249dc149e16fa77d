/**
 * Whether a text or a piece of evidence DESCRIBES a scam (a warning, a case report) rather than makes one, and the
 * accounts of a scam as it happened (a victim's, a case report) whose tactics count as made.
 */
import type { NormalizedText } from "../../types.js";
import { lexiconApplies, lexiconHits } from "../lexicon-scan.js";
import { IMPERATIVE } from "./ask-clauses.js";
import { hasCueIn, isClauseEnd, isSentenceEnd, toNormalized, unitAround } from "./units.js";

/**
 * A victim's account ("对方自称客服，让我共享屏幕，我就转了…"): someone reported as saying and asking, and
 * the writer (or their family) doing it. Such a text recounts the playbook as it happened, so its tactics
 * count as made, not described; general advice (不法分子, 凡是, 如遇, 警方提醒) keeps a text a warning.
 * Only asked when the text has a warning cue; its cue lexicons are read in the shared scan (lexicon-scan.ts).
 */
export const isVictimNarrative = (text: NormalizedText): boolean =>
  (lexiconHits(text, "experienceZh").length > 0 && lexiconHits(text, "reportedZh").length > 0 && lexiconHits(text, "genericZh").length === 0) ||
  isCaseReport(text) ||
  isVictimNarrativeEn(text);

/**
 * The same in English, first or third person ("He said he was from Chase fraud prevention… asked me to read him the
 * code… $2,400 was taken"; "a caller claiming to be from her bank told her to withdraw cash… she lost $18,000"):
 * what was done to someone (told her to, she wired, lost $…) and what the caller said of themselves, without the
 * general advice of a warning (if someone…, will never ask, scam alert). Its lexicons are gated on Latin phrases,
 * so a Chinese text never scans them.
 */
const isVictimNarrativeEn = (text: NormalizedText): boolean =>
  lexiconApplies("experienceEn", text.normalized) &&
  lexiconHits(text, "experienceEn").length > 0 &&
  lexiconHits(text, "reportedEn").length > 0 &&
  lexiconHits(text, "genericEn").length === 0;

/**
 * A case report ("市民李女士接到自称客服的电话，对方称…，按照对方要求转账，后发现被骗"; "诈骗分子冒充客服联系
 * 王先生…被骗3万元"): a named victim and what the scam cost them, told in the third person. It recounts the
 * playbook as it happened, like a victim's own account, so naming the scammer as the actor does not make it
 * a warning. One that closes with the police's advice (警方提醒, 凡是…) is an official reminder and news of
 * an arrest (抓获, 犯罪嫌疑人) reports police work; both stay warnings (case table: benign-news-case-zh).
 */
export const isCaseReport = (text: NormalizedText): boolean =>
  lexiconHits(text, "caseVictimZh").length > 0 && lexiconHits(text, "caseOutcomeZh").length > 0 && lexiconHits(text, "caseVetoZh").length === 0;

/** Normalised start offsets of the cues found, by reach. */
export interface Cues {
  sentence: number[];
  clause: number[];
}

/**
 * Whether the evidence at normalised `at` sits in a description of a scam. A claim is described when its
 * clause carries a cue ("骗子冒充客服") or its sentence a sentence-level one ("凡是…都是诈骗"); an ask when
 * its sentence carries any cue, unless its own clause is an imperative without one ("为防止盗刷，请把钱转到
 * 安全账户" is still an ask).
 */
export function isDescribed(s: string, at: number, cues: Cues, isClaim: boolean): boolean {
  const [ca, cb] = unitAround(s, at, isClauseEnd);
  if (hasCueIn(cues.clause, ca, cb) || hasCueIn(cues.sentence, ca, cb)) return true;
  const [sa, sb] = unitAround(s, at, isSentenceEnd);
  if (hasCueIn(cues.sentence, sa, sb)) return isClaim || !IMPERATIVE.test(s.slice(ca, at + 1));
  if (isClaim || !hasCueIn(cues.clause, sa, sb)) return false;
  return !IMPERATIVE.test(s.slice(ca, at + 1));
}

/**
 * In a text of general advice or one that recognises the scam (a `generic` cue: 警方提醒, 凡是, 那是骗子, 千万别转;
 * "if someone…", "I knew it was a scam"), the retold call's "让我/叫她…" and "对方说/he said…" are reported speech:
 * they become clause cues, so a family member's "说我涉嫌洗钱，让我把钱转到一个账户" is described, not asked.
 * Without such a cue (a scam that says "让我帮您操作") nothing is added. Only asked when the text has a warning cue
 * and is no victim's account.
 */
export function addReportedSpeech(text: NormalizedText, cues: Cues): void {
  if (lexiconHits(text, "genericZh").length > 0) {
    for (const hit of lexiconHits(text, "experienceZh")) cues.clause.push(hit.start);
    for (const hit of lexiconHits(text, "reportedZh")) cues.clause.push(hit.start);
    addQuotedSpeech(text, cues);
  }
  if (lexiconApplies("genericEn", text.normalized) && lexiconHits(text, "genericEn").length > 0) {
    for (const hit of lexiconHits(text, "experienceEn")) cues.clause.push(hit.start);
    for (const hit of lexiconHits(text, "reportedEn")) cues.clause.push(hit.start);
  }
}

/**
 * A quotation long enough to be speech ("“宝贝，这个平台稳赚不赔，你先充一万试试”，正是这句话让刘女士损失了50万元"),
 * not a button or a name ("请点击“立即认证”"): at least 8 characters between the marks, over two clauses or more.
 */
const QUOTED_SPEECH = /[“「『]([^”」』\n]{8,240})[”」』]/g;

/**
 * In a text of general advice (news with 民警提醒, a reminder), a scammer's words quoted in quotation marks are
 * reported speech: each clause inside the quotation gets a clause cue, so its claims and asks are described.
 */
function addQuotedSpeech(text: NormalizedText, cues: Cues): void {
  const s = text.normalized;
  for (const m of text.original.matchAll(QUOTED_SPEECH)) {
    const a = toNormalized(text, m.index + 1);
    const b = toNormalized(text, m.index + m[0].length - 1);
    // Speech runs over clauses; a one-clause quotation ("请回复“我已阅读并同意办理”") is a form's words, not speech.
    const starts: number[] = [];
    for (let i = a; i < b - 1; i++) if (isClauseEnd(s.charCodeAt(i))) starts.push(i + 1);
    if (starts.length > 0) cues.clause.push(a, ...starts);
  }
}
