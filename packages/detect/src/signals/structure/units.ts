/**
 * Sentences and clauses of normalised text, the units in which a cue describes a claim or an ask. Unpunctuated
 * text (a speech transcript, an FBS SMS) is bounded so one cue cannot reach the whole text.
 */
import type { NormalizedText } from "../../types.js";

/**
 * Sentence ends in normalised text (half-width punctuation), and the lenticular brackets of an SMS signature or
 * header: 【温馨提示】 is the sender's tag, a unit of its own, not a clause of the sentence after it (an FBS SMS has
 * no other punctuation, so its header cue read the whole message as described).
 */
export const isSentenceEnd = (c: number): boolean =>
  c === 0x3002 /* 。 */ || c === 0x21 || c === 0x3f || c === 0x3b || c === 0x0a || c === 0x2026 /* … */ || c === 0x3010 || c === 0x3011;
/** Clause ends: sentence ends plus commas, colons and brackets (【重要提醒】您的… is two clauses). */
export const isClauseEnd = (c: number): boolean => isSentenceEnd(c) || c === 0x2c || c === 0x3a || c === 0x5b || c === 0x5d;

/** Normalised index of an original offset (toOriginal is non-decreasing). */
export function toNormalized(text: NormalizedText, original: number): number {
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
export const isFullStop = (s: string, i: number): boolean => s.charCodeAt(i) === 0x2e && (i + 1 >= s.length || s.charCodeAt(i + 1) <= 0x20);

/**
 * A sentence or clause longer than this, in units where a CJK character weighs {@link CJK_WEIGHT} and any other
 * code unit 1 (160 Chinese characters, 480 Latin ones), is a run-on: punctuated text never comes near it (the
 * longest 0.1 % of the data sets' sentences are 75–157 Chinese or 155–407 Latin characters), an unpunctuated one
 * does (a call transcript from speech recognition: no full stop, no speaker tag). Read as ONE unit, a callee's
 * "我也听说过冒充银行的诈骗电话" turned every claim and ask of the caller, hundreds of characters away, into a
 * described one and the call into a warning. In a run-on, a unit reaches {@link CLAUSE_REACH} or
 * {@link SENTENCE_REACH} either side of the position instead; every other unit is read as written.
 */
export const RUN_ON = 480;
/** Reach of a clause in a run-on either side (24 Chinese characters, 72 Latin ones: a long clause of punctuated text). */
export const CLAUSE_REACH = 72;
/** Reach of a sentence in a run-on either side (40 Chinese characters, 120 Latin ones). */
export const SENTENCE_REACH = 120;
export const CJK_WEIGHT = 3;
export const weightOf = (c: number): number => (c >= 0x3400 && c <= 0x9fff ? CJK_WEIGHT : 1);

/** [start, end) of the unit (sentence or clause) around normalised position `at`, bounded in a run-on (see RUN_ON). */
export function unitAround(s: string, at: number, isEnd: (c: number) => boolean): [number, number] {
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

export const hasCueIn = (cues: readonly number[], a: number, b: number): boolean => {
  for (const c of cues) if (c >= a && c < b) return true;
  return false;
};
