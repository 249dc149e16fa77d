/**
 * Surface features of a text that do not depend on lexicon signals: turn structure (requests,
 * questions, second person), links, long numbers, amounts, and the hashed character n-grams.
 * Everything is length-normalised (ratios, saturating counts) so a one-line SMS and a 40-turn call
 * transcript land on the same scale. Pure.
 */
import { DROP, FOLD } from "../text/char-tables.js";
import { fnv1a } from "./hash.js";

/** One turn of a dialogue (or the whole text when it has no `A:`/`B:` tags). */
export interface Turn {
  speaker: string;
  /** UTF-16 offsets into the ORIGINAL text, end exclusive. */
  start: number;
  end: number;
}


/**
 * Split a transcript into turns by its neutral speaker tags; untagged lines continue the previous
 * turn, and a text without tags is one turn of speaker `_`.
 * @example splitTurns("A: hi\nB: hello").map((t) => t.speaker) // ["A", "B"]
 */
export function splitTurns(original: string): readonly Turn[] {
  // One analysis asks up to four times for the turns of the same text (structure, features).
  if (original === lastTurnsOf) return lastTurns;
  const turns: Turn[] = [];
  const n = original.length;
  // Line by line without copying the lines: TAG read by hand (indent, A/B/a/b, a colon, one space or tab).
  for (let pos = 0; pos <= n; ) {
    let end = original.indexOf("\n", pos);
    if (end < 0) end = n;
    // Invisible characters (zero-width, bidi controls) around the tag do not hide it: "\u200bA\u2066: hi" is A's turn,
    // and neither does emoji padding before it ("🌹A: hi").
    const j = skipLeadingPadding(original, pos, end);
    const who = original.charCodeAt(j) | 0x20; // a/b whatever the case
    const c = skipInvisible(original, j + 1, end, false);
    const colon = original.charCodeAt(c);
    if (c < end && (who === 0x61 || who === 0x62) && (colon === 0x3a || colon === 0xff1a)) {
      let start = skipInvisible(original, c + 1, end, false);
      if (start < end && (original.charCodeAt(start) === 0x20 || original.charCodeAt(start) === 0x09)) start++;
      turns.push({ speaker: who === 0x61 ? "A" : "B", start, end });
    } else if (turns.length > 0) (turns[turns.length - 1] as Turn).end = end;
    else if (original.slice(pos, end).trim() !== "") turns.push({ speaker: "_", start: pos, end });
    pos = end + 1;
  }
  for (const turn of turns) Object.freeze(turn);
  lastTurnsOf = original;
  lastTurns = Object.freeze(turns);
  return lastTurns;
}
let lastTurnsOf = "";

/** The first offset from `i` (before `end`) that is not an invisible character (nor, with `blanks`, a space or tab). */
function skipInvisible(text: string, i: number, end: number, blanks: boolean): number {
  while (i < end) {
    const code = text.charCodeAt(i);
    if (FOLD[code] !== DROP && !(blanks && (code === 0x20 || code === 0x09))) break;
    i++;
  }
  return i;
}
let lastTurns: readonly Turn[] = Object.freeze([]);

const PICTOGRAPH = /^\p{Extended_Pictographic}/u;

/** The first offset from `i` past blanks, invisible characters and pictographic emoji: where a line's tag would start. */
function skipLeadingPadding(text: string, i: number, end: number): number {
  for (;;) {
    i = skipInvisible(text, i, end, true);
    const code = text.charCodeAt(i);
    // Only non-ASCII can be an emoji; a surrogate pair is read whole.
    if (i >= end || code < 0x80) return i;
    const width = code >= 0xd800 && code <= 0xdbff ? 2 : 1;
    if (!PICTOGRAPH.test(text.slice(i, i + width))) return i;
    i += width;
  }
}

/** Index of the turn holding original offset `at` (binary search over sorted turns), or -1. */
export function turnAt(turns: readonly Turn[], at: number): number {
  let lo = 0;
  let hi = turns.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((turns[mid] as Turn).start <= at) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** Speaker of the turn holding original offset `at`, `_` before the first tag or in an untagged text. */
export function speakerAt(turns: readonly Turn[], at: number): string {
  return turns[turnAt(turns, at)]?.speaker ?? "_";
}

/** Splits after sentence punctuation (kept on the sentence, so questions stay recognisable). */
const SENTENCE_SPLIT = /\n|(?<=[。！？!?；;…])(?![。！？!?；;…])|(?<=\.)(?=\s|[^ -~\s])/;
const QUESTION_END = /[?？]|[吗呢么嘛][\s,，。~～]*$/;
const REQUEST_ZH =
  /^(?:请|麻烦|务必|必须|马上|立即|立刻|赶紧|赶快|尽快|现在就|先把|把|给我|告诉我|提供|点击|点开|下载|打开|添加|加一下|扫|输入|转账|转到|转入|汇|报一下|念一下|发给|发送|不要挂)|(?:请您|请你|麻烦您|麻烦你|您需要|你需要|需要您|需要你|您必须|你必须|您得|你得|务必|您现在|你现在)/;
const REQUEST_EN =
  /^(?:please|kindly|go|click|tap|download|open|install|enter|send|give|tell|provide|verify|confirm|call|visit|add|transfer|pay|buy|read|share|press|stay|don'?t|do not|make sure|let me have)\b|\b(?:you need to|you must|you have to|you will need to|you'll need to|i need you to|we need you to|i need your|we need your|can you (?:please )?(?:give|provide|send|confirm|read|tell|verify)|could you (?:please )?(?:give|provide|send|confirm|read|tell|verify))\b/;
const SECOND_PERSON = /[您你]|\byou(?:r|rs)?\b/;
const URL = /https?:\/\/|\bwww\.|\b[a-z0-9-]{2,}\.(?:com|cn|net|org|top|xyz|cc|info|io|me|ly|vip|shop|app)\b/g;
const LONG_NUMBER = /\d[\d -]{5,}\d/g;
const AMOUNT =
  /[¥￥$€£]\s?\d|\d(?:[\d,.]*)\s?(?:元|块钱|万元|万|美元|英镑|欧元|rmb|usd|dollars?|bucks|pounds?)|(?:\d|[一二三四五六七八九十两几百千万]+)\s?(?:万|千)?元/gi;

/** Saturating count: 0 → 0, `half` → 0.5, grows towards 1. */
const sat = (n: number, half: number): number => n / (n + half);

/**
 * Turn-structure and surface features, all in [0, 1].
 * @example structureFeatures("A: 请您提供验证码\nB: 为什么？").get("turn:question-ratio") // 0.5
 */
export function structureFeatures(text: string): Map<string, number> {
  const out = new Map<string, number>();
  const lower = text.toLowerCase();
  const turns = splitTurns(lower);
  let sentences = 0;
  let questions = 0;
  let requests = 0;
  let second = 0;
  const perSpeaker = new Map<string, { n: number; req: number }>();
  const segments = turns.length > 0 ? turns : [{ speaker: "_", start: 0, end: lower.length }];
  for (const turn of segments) {
    const stat = perSpeaker.get(turn.speaker) ?? { n: 0, req: 0 };
    for (const raw of lower.slice(turn.start, turn.end).split(SENTENCE_SPLIT)) {
      const s = raw.trim();
      if (s.length < 2) continue;
      sentences++;
      stat.n++;
      if (QUESTION_END.test(s)) questions++;
      if (REQUEST_ZH.test(s) || REQUEST_EN.test(s)) {
        requests++;
        stat.req++;
      }
      if (SECOND_PERSON.test(s)) second++;
    }
    perSpeaker.set(turn.speaker, stat);
  }
  if (sentences > 0) {
    out.set("turn:question-ratio", questions / sentences);
    out.set("turn:request-ratio", requests / sentences);
    out.set("turn:second-person-ratio", second / sentences);
    let maxReq = 0;
    for (const s of perSpeaker.values()) if (s.n >= 2) maxReq = Math.max(maxReq, s.req / s.n);
    out.set("turn:request-max-speaker", maxReq);
  }
  const urls = lower.match(URL)?.length ?? 0;
  if (urls > 0) out.set("surface:url", 1);
  const longNumbers = lower.match(LONG_NUMBER)?.length ?? 0;
  if (longNumbers > 0) out.set("surface:long-number", sat(longNumbers, 1));
  const amounts = lower.match(AMOUNT)?.length ?? 0;
  if (amounts > 0) out.set("surface:amount", sat(amounts, 1));
  return out;
}

/** Settings of the hashed n-gram component, stored in the artefact. */
export interface NgramConfig {
  /** Number of hash buckets (a power of two). */
  buckets: number;
  /** n for runs of CJK characters (2 = character bigrams). */
  cjk: number;
  /** n for Latin letters and digits, taken inside space-padded words. */
  latin: number;
}

const CJK = /[\u3400-\u9fff]/;

/**
 * Text the n-grams are taken from: lower case, speaker tags and URLs removed, digits collapsed to
 * `0`, punctuation and spacing reduced to single spaces (so punctuation habits of one data source
 * cannot become a shortcut).
 * @example ngramText("A: 请点击 http://x.cn 领取 ¥500") // "请点击 领取 0"
 */
export function ngramText(text: string): string {
  return text
    .toLowerCase()
    .replace(/^[ \t]*[ab][:：]/gm, " ")
    .replace(/https?:\/\/\S+|\bwww\.\S+/g, " ")
    .replace(/\d+(?:[.,]\d+)*/g, "0")
    .replace(/[^\p{Script=Han}a-z0]+/gu, " ")
    .trim();
}

/**
 * Hashed, binary, L2-normalised character n-grams: bucket → value. Presence (not counts) and unit
 * norm make the component independent of text length.
 * @example hashedNgrams("共享屏幕", { buckets: 1024, cjk: 2, latin: 3 }).size // 3
 */
export function hashedNgrams(text: string, config: NgramConfig): Map<number, number> {
  const grams = new Map<number, number>();
  const mask = config.buckets - 1;
  const clean = ngramText(text);
  for (const word of clean.split(" ")) {
    if (word === "") continue;
    let i = 0;
    while (i < word.length) {
      const cjk = CJK.test(word[i] as string);
      let j = i + 1;
      while (j < word.length && CJK.test(word[j] as string) === cjk) j++;
      if (cjk) {
        if (j - i < config.cjk) grams.set(fnv1a(word, i, j) & mask, 1);
        for (let k = i; k + config.cjk <= j; k++) grams.set(fnv1a(word, k, k + config.cjk) & mask, 1);
      } else {
        const padded = ` ${word.slice(i, j)} `;
        if (padded.length <= config.latin) grams.set(fnv1a(padded, 0, padded.length) & mask, 1);
        for (let k = 0; k + config.latin <= padded.length; k++) grams.set(fnv1a(padded, k, k + config.latin) & mask, 1);
      }
      i = j;
    }
  }
  if (grams.size > 0) {
    const v = 1 / Math.sqrt(grams.size);
    for (const k of grams.keys()) grams.set(k, v);
  }
  return grams;
}
