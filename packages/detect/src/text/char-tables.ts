/**
 * Precomputed per-code-unit fold tables used by normalize(): built once at module load from
 * data/lexicons/normalize.json, so the hot loop is array reads only. Traditional→Simplified comes from
 * opencc-js (browser-compatible) and is memoised lazily, one CJK character at a time, because converting
 * the whole CJK block up front costs ~50 ms.
 */
import { Converter } from "opencc-js/t2cn";
import foldData from "../../data/lexicons/normalize.json" with { type: "json" };
import { INVISIBLE_CODES } from "./invisible.js";

/** Code unit meaning "drop this character" in FOLD. @example FOLD[0x200b] === DROP // zero-width space */
export const DROP = 0xffff;

/** Fold of every UTF-16 code unit except CJK ideographs (those go through {@link toSimplified}). @example String.fromCharCode(FOLD["Ａ".charCodeAt(0)]) // "a" */
export const FOLD = new Uint16Array(65536);

/** Character class per code unit: bit flags below. @example (CLASS["安".charCodeAt(0)] & C_CJK) !== 0 // true */
export const CLASS = new Uint8Array(65536);
/** CJK ideograph (unified, extension A, compatibility). @example CLASS[0x4e00] & C_CJK // 1 */
export const C_CJK = 1;
/** ASCII letter after folding (a–z). @example CLASS[0x61] & C_LETTER // 2 */
export const C_LETTER = 2;
/** Digit 0–9 after folding. @example CLASS[0x30] & C_DIGIT // 4 */
export const C_DIGIT = 4;
/** A separator that evasion inserts between CJK characters (spaces, dots, dashes, stars, emoji …). @example CLASS[0x2d] & C_WEAK_SEP // 8 ("-") */
export const C_WEAK_SEP = 8;
/** Whitespace (collapsed to one space in the output). @example CLASS[0x20] & C_SPACE // 16 */
export const C_SPACE = 16;
/**
 * Part of an emoji or pictograph (surrogates of the emoji planes, arrows, dingbats, shapes, keycap):
 * never a word of its own, dropped between two letters ("fr🍀ee", "安🔒全") and at text or word edges.
 * @example CLASS[0xd83d] & C_EMOJI // 32
 */
export const C_EMOJI = 32;
/**
 * Clause punctuation (, ; : 。) that is dropped only between two one- or two-character CJK fragments:
 * "安，全，账，户" is an evasion, "好的，我知道了" is a sentence.
 * @example CLASS[0x2c] & C_CLAUSE // 64
 */
export const C_CLAUSE = 64;

function buildTables(): void {
  for (let c = 0; c < 65536; c++) FOLD[c] = c;
  // Full-width ASCII → ASCII; ideographic space → space.
  for (let c = 0xff01; c <= 0xff5e; c++) FOLD[c] = c - 0xfee0;
  FOLD[0x3000] = 0x20;
  // Case folding for the scripts a message realistically uses (Latin, Latin-1, Greek, Cyrillic).
  const lowerRanges: Array<[number, number]> = [
    [0x41, 0x5a],
    [0xc0, 0xde],
    [0x391, 0x3a9],
    [0x400, 0x42f],
  ];
  for (const [a, b] of lowerRanges) {
    for (let c = a; c <= b; c++) {
      const l = String.fromCharCode(c).toLowerCase();
      if (l.length === 1) FOLD[c] = l.charCodeAt(0);
    }
  }
  for (let c = 0xff21; c <= 0xff3a; c++) FOLD[c] = c - 0xfee0 + 0x20;
  for (const z of INVISIBLE_CODES) FOLD[z] = DROP;
  // C0/C1 control characters other than tab, line feed and carriage return carry nothing a person reads.
  for (let c = 0; c < 0x20; c++) if (c !== 0x09 && c !== 0x0a && c !== 0x0d) FOLD[c] = DROP;
  for (let c = 0x7f; c < 0xa0; c++) FOLD[c] = DROP;
  for (let c = 0xfe00; c <= 0xfe0f; c++) FOLD[c] = DROP; // variation selectors
  const apply = (table: Record<string, string>): void => {
    for (const [from, to] of Object.entries(table)) {
      if (from.length !== 1 || to.length !== 1) continue;
      const src = from.charCodeAt(0);
      FOLD[src] = to.charCodeAt(0);
      // Upper-case Greek/Cyrillic look-alikes fold to lower case first, so give them the same target.
      const upper = from.toUpperCase();
      if (upper.length === 1 && upper !== from) FOLD[upper.charCodeAt(0)] = to.charCodeAt(0);
    }
  };
  apply(foldData.homoglyphs);
  apply(foldData.variants as Record<string, string>);

  for (let c = 0x3400; c <= 0x4dbf; c++) CLASS[c] = C_CJK;
  for (let c = 0x4e00; c <= 0x9fff; c++) CLASS[c] = C_CJK;
  for (let c = 0xf900; c <= 0xfaff; c++) CLASS[c] = C_CJK;
  for (let c = 0x61; c <= 0x7a; c++) CLASS[c] = C_LETTER;
  for (let c = 0x30; c <= 0x39; c++) CLASS[c] = C_DIGIT;
  for (const ch of " \t\u00a0\u2002\u2003\u2009\u200a\u202f\u205f") CLASS[ch.charCodeAt(0)] = C_SPACE | C_WEAK_SEP;
  // Symbols and emoji slipped between characters ("安🔒全★账户"): arrows, box drawing, shapes, dingbats, and
  // the surrogate halves of the emoji planes (a low surrogate alone is only ever dropped between CJK).
  for (let c = 0x2190; c <= 0x2bff; c++) CLASS[c] = CLASS[c]! | C_WEAK_SEP | C_EMOJI;
  for (let c = 0xd83c; c <= 0xd83e; c++) CLASS[c] = CLASS[c]! | C_WEAK_SEP | C_EMOJI;
  for (let c = 0xdc00; c <= 0xdfff; c++) CLASS[c] = CLASS[c]! | C_WEAK_SEP | C_EMOJI;
  for (const c of [0x3030, 0x303d, 0x3297, 0x3299, 0x00a9, 0x00ae]) CLASS[c] = CLASS[c]! | C_WEAK_SEP | C_EMOJI;
  // "丨" (a radical) is used as a vertical bar between characters, never as a word in a message.
  CLASS[0x4e28] = C_WEAK_SEP;
  for (const ch of ",;:。，；：") CLASS[FOLD[ch.charCodeAt(0)]!] = CLASS[FOLD[ch.charCodeAt(0)]!]! | C_CLAUSE;
  for (const ch of "※〃〆〓") CLASS[ch.charCodeAt(0)] = CLASS[ch.charCodeAt(0)]! | C_WEAK_SEP;
  for (const ch of "-_.*·•|/\\~+=^`'\"#<>()[]{}~、・‧∙⋅･﹒＿") {
    const code = ch.charCodeAt(0);
    CLASS[code] = CLASS[code]! | C_WEAK_SEP;
  }
}
buildTables();

// opencc-js: Hong Kong variants first, then Taiwan variants + phrases to mainland simplified.
const fromHk = Converter({ from: "hk", to: "cn" });
const fromTw = Converter({ from: "tw", to: "cn" });
const simplifiedMemo = new Uint16Array(65536);

/**
 * Simplified form of one CJK code unit (memoised; falls back to the input when opencc maps it to
 * more than one character).
 * @example String.fromCharCode(toSimplified("詐".charCodeAt(0))) // "诈"
 */
export function toSimplified(code: number): number {
  const hit = simplifiedMemo[code]!;
  if (hit !== 0) return hit;
  const ch = String.fromCharCode(code);
  const out = fromTw(fromHk(ch));
  let result = out.length === 1 ? out.charCodeAt(0) : code;
  // Variant folds (帐→账 …) apply after opencc, which stops at 帐.
  const folded = FOLD[result]!;
  if (folded !== DROP) result = folded;
  simplifiedMemo[code] = result;
  return result;
}

/** Abbreviation expansions keyed by the folded ASCII run (or run plus its CJK neighbour, e.g. "v信"). @example ABBREVIATIONS.get("yhk") // "银行卡" */
export const ABBREVIATIONS: ReadonlyMap<string, string> = new Map(Object.entries(foldData.abbreviations));
/** Abbreviations expanded only when a CJK character is next to them (too ambiguous in English). @example CJK_ONLY_ABBREVIATIONS.has("wx") // true */
export const CJK_ONLY_ABBREVIATIONS: ReadonlySet<string> = new Set(foldData.cjkOnlyAbbreviations);
/** Digits that become letters when sandwiched between letters ("amaz0n" → "amazon"). @example String.fromCharCode(DIGIT_LOOKALIKE[0x30]) // "o" */
export const DIGIT_LOOKALIKE = new Uint16Array(128);
for (const [d, l] of Object.entries(foldData.digitLookalikes)) DIGIT_LOOKALIKE[d.charCodeAt(0)] = l.charCodeAt(0);
