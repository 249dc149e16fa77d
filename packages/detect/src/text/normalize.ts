/**
 * Normalisation that defeats cheap evasion while keeping a map back to the original text:
 * full/half width, case, Traditional→Simplified (opencc-js) plus variant folds (帳戶/帐户→账户),
 * zero-width, bidi and control characters, separators slipped between CJK characters ("安 全-账*户" → "安全账户",
 * "安，全，账，户" too, while "好的，我知道了" keeps its comma), emoji inside or around words ("fr🍀ee" → "free"),
 * homoglyphs (Cyrillic/Greek look-alikes, "amaz0n"), mathematical bold/italic letters, and common
 * pinyin abbreviations (vx/v信/微x→微信, yhk→银行卡, zfb→支付宝, yzm→验证码, sfz→身份证).
 *
 * Single pass over the input, table lookups only; no regex, no per-call allocation beyond the output.
 * Chinese numerals are NOT rewritten in the text (see amount.ts); financial numerals 壹贰叁 fold to 一二三.
 */
import type { NormalizedText } from "../types.js";
import * as tables from "./char-tables.js";

// Hot-loop bindings copied to module-local constants: a transpiler's CommonJS interop can turn every
// access to an imported binding into a getter call (measured: 10× slower under tsx in CJS mode).
const FOLD = tables.FOLD;
const CLASS = tables.CLASS;
const DIGIT_LOOKALIKE = tables.DIGIT_LOOKALIKE;
const ABBREVIATIONS = tables.ABBREVIATIONS;
const CJK_ONLY_ABBREVIATIONS = tables.CJK_ONLY_ABBREVIATIONS;
const toSimplified = tables.toSimplified;
const DROP = 0xffff;
const C_CJK = 1;
const C_LETTER = 2;
const C_DIGIT = 4;
const C_WEAK_SEP = 8;
const C_SPACE = 16;
const C_EMOJI = 32;
const C_CLAUSE = 64;
if (DROP !== tables.DROP || C_CJK !== tables.C_CJK || C_LETTER !== tables.C_LETTER || C_DIGIT !== tables.C_DIGIT) {
  throw new Error("normalize: character class flags out of step with char-tables");
}
if (C_WEAK_SEP !== tables.C_WEAK_SEP || C_SPACE !== tables.C_SPACE || C_EMOJI !== tables.C_EMOJI || C_CLAUSE !== tables.C_CLAUSE) {
  throw new Error("normalize: separator flags out of step");
}

/** Most separators dropped between two CJK characters ("安 - 全" has three). */
const MAX_SEPARATOR_RUN = 3;
/** Longest ASCII run looked up as an abbreviation ("zhifubao"). */
const MAX_ABBREVIATION = 8;

let buffer = new Uint16Array(4096);
/**
 * Output code unit of every CJK ideograph met so far, by input code unit (0: not met, or not CJK): folded
 * and simplified once, then one read per character on the fast path of the loop (most of a Chinese text).
 */
const CJK_SEEN = new Uint16Array(65536);
const decoder = new TextDecoder("utf-16le");

/** Polynomial hash of a string, the same one the hot loop keeps while reading an ASCII run. */
const hashOf = (key: string): number => {
  let h = 0;
  for (let k = 0; k < key.length; k++) h = (Math.imul(h, 31) + key.charCodeAt(k)) | 0;
  return h;
};
/** Hashes of every abbreviation key and of every ASCII prefix of a mixed key ("v" of "v信"). */
const ABBREVIATION_HASHES = new Set<number>();
for (const key of ABBREVIATIONS.keys()) {
  ABBREVIATION_HASHES.add(hashOf(key));
  const ascii = key.replace(/[^a-z]/g, "");
  if (ascii !== key) ABBREVIATION_HASHES.add(hashOf(ascii));
}

/** Folded code unit of `s[i]` without CJK simplification (cheap look-ahead). */
const foldAt = (s: string, i: number): number => FOLD[s.charCodeAt(i)]!;

/** Longest CJK fragment that counts as "one or two characters split off" by a clause mark. */
const MAX_SPLIT_FRAGMENT = 2;
/**
 * A full stop (。, ;) between sentences often leaves a two-character one ("…转给房东了。你好，明天见"): next to
 * one, only a one-character fragment ("安。全。账。户") is an evasion, so the sentence boundary that the
 * warning and description logic reads (structure.ts) survives.
 */
const isStop = (f: number): boolean => f === 0x3002 || f === 0x3b;
const C_SPLIT = C_CLAUSE | C_WEAK_SEP;
/** A mark that splits a chain: clause marks and separators, not emoji (those are dropped on their own). */
const splits = (f: number): boolean => (CLASS[f]! & C_SPLIT) !== 0 && (CLASS[f]! & C_EMOJI) === 0;

/**
 * Whether the CJK fragment next to a clause mark at index i (direction +1: the one starting at `from`,
 * -1: the one ending before `from`) is one or two characters long and split off on its far side too
 * (by another mark or separator, then a CJK character): the chain "安，全，账，户" is an evasion, a
 * single comma between phrases is punctuation.
 */
function splitFragment(s: string, from: number, dir: number, max: number): boolean {
  const n = s.length;
  let j = from;
  let k = 0;
  for (; j >= 0 && j < n; j += dir) {
    const f = FOLD[s.charCodeAt(j)]!;
    if (f === DROP) continue;
    if ((CLASS[f]! & C_CJK) === 0) break;
    if (++k > max) return false;
  }
  if (k === 0 || j < 0 || j >= n) return false;
  const far = FOLD[s.charCodeAt(j)]!;
  if (!splits(far) || (k > 1 && isStop(far))) return false;
  for (j += dir; j >= 0 && j < n; j += dir) {
    const f = FOLD[s.charCodeAt(j)]!;
    if (f !== DROP && !splits(f)) return (CLASS[f]! & C_CJK) !== 0;
  }
  return false;
}

/** Mathematical alphanumeric symbols (U+1D400–U+1D7FF, used to dodge filters) → ASCII, or 0. */
function mathAlnum(cp: number): number {
  if (cp >= 0x1d400 && cp <= 0x1d6a3) {
    const k = (cp - 0x1d400) % 52;
    return 0x61 + (k < 26 ? k : k - 26);
  }
  if (cp >= 0x1d7ce && cp <= 0x1d7ff) return 0x30 + ((cp - 0x1d7ce) % 10);
  return 0;
}

/**
 * End of a run of ASCII letters out[a, b) followed by code unit `next`: expand it in place when it is a known
 * abbreviation (hash: the loop's running hash of the run); returns the new end of the output. A module-level
 * function, not a closure: the hash stays in a register in the loop, and no function object is made per call.
 */
function finishRun(out: Uint16Array, a: number, b: number, next: number, hash: number): number {
  const len = b - a;
  if (len > MAX_ABBREVIATION || !ABBREVIATION_HASHES.has(hash)) return b;
  const key = decoder.decode(out.subarray(a, b));
  const prev = a > 0 ? out[a - 1]! : 0;
  const prevCjk = (CLASS[prev]! & C_CJK) !== 0 || (prev === 0x20 && a > 1 && (CLASS[out[a - 2]!]! & C_CJK) !== 0);
  const nextCjk = (CLASS[next]! & C_CJK) !== 0;
  let rep = ABBREVIATIONS.get(key);
  if (rep !== undefined && CJK_ONLY_ABBREVIATIONS.has(key) && !prevCjk && !nextCjk) rep = undefined;
  if (rep === undefined && nextCjk) {
    const mixed = ABBREVIATIONS.get(key + String.fromCharCode(next));
    if (mixed !== undefined && mixed.length === len + 1) rep = mixed.slice(0, len);
  }
  if (rep === undefined && (CLASS[prev]! & C_CJK) !== 0) {
    const mixed = ABBREVIATIONS.get(String.fromCharCode(prev) + key);
    if (mixed !== undefined && mixed.length === len + 1) rep = mixed.slice(1);
  }
  if (rep === undefined || rep.length > len) return b;
  for (let k = 0; k < rep.length; k++) out[a + k] = rep.charCodeAt(k);
  return a + rep.length;
}

/** Longest first word of a line read as a speaker tag ("a:", "caller:") rather than prose. */
const MAX_TAG = 16;

/**
 * Index of the last code unit of a hard wrap starting at the line break s[i] (\n, \r or \r\n), or -1: a single
 * line break inside running English prose ("a payment of\r\nUSD…" is not one, "a \r\npayment of" is) that the
 * caller folds into a space. The text before it (out[0, o)) ends in a latin letter, digit or comma, perhaps then a
 * space; the next line starts, after spaces or tabs, with a lower-case latin letter, and its first word is not a
 * speaker tag ("a: …", "caller: …"). A blank line (paragraph), CJK text, a sentence end, a heading colon, a
 * signature dash or a capitalised line keep their line break.
 */
function hardWrapEnd(s: string, i: number, out: Uint16Array, o: number): number {
  let p = o - 1;
  if (p >= 0 && out[p] === 0x20) p--;
  if (p < 0) return -1;
  const prev = out[p]!;
  if ((prev < 0x61 || prev > 0x7a) && (prev < 0x30 || prev > 0x39) && prev !== 0x2c) return -1;
  const n = s.length;
  let j = i + 1;
  if (s.charCodeAt(i) === 0x0d && j < n && s.charCodeAt(j) === 0x0a) j++;
  const end = j - 1;
  while (j < n && (s.charCodeAt(j) === 0x20 || s.charCodeAt(j) === 0x09)) j++;
  const first = j < n ? s.charCodeAt(j) : 0;
  if (first < 0x61 || first > 0x7a) return -1;
  for (let k = j + 1, stop = Math.min(n, j + MAX_TAG); k < stop; k++) {
    const c = s.charCodeAt(k);
    if (c === 0x3a || c === 0xff1a) return -1;
    if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x2c || c === 0x2e) break;
  }
  return end;
}

/** Separators between the letters of a spelled-out word: "P a y P a l", "U-S-P-S", "A.m.a.z.o.n", "N*e*t*f*l*i*x". */
const isLetterSep = (c: number): boolean => c === 0x20 || c === 0x2d || c === 0x2e || c === 0x2a || c === 0x5f;
const isLatin = (c: number): boolean => c >= 0x61 && c <= 0x7a;
const isWordy = (c: number): boolean => isLatin(c) || (c >= 0x30 && c <= 0x39) || (CLASS[c]! & C_CJK) !== 0;
/** Fewest letters a spelled-out word needs to be joined: "u s p s", "u p s"; two ("e.g.", "a.m.", "I a") stay. */
const MIN_SPELLED = 3;

/**
 * Whether writing separator `sep` at out[o] completes the start of a spelled-out word: a single latin letter (no
 * letter, digit or CJK character before it), `sep`, a letter, then `sep` again ("p a " of "p a y"). Every run that
 * {@link joinSpacedLetters} joins starts so (it needs three letters with the same separator between them), and
 * what the loop wrote before out[o] is final when it writes a separator, so a text the loop never flags has no
 * run and is not scanned again.
 */
const startsSpelled = (out: Uint16Array, o: number, sep: number): boolean =>
  o >= 3 && out[o - 2] === sep && isLatin(out[o - 1]!) && isLatin(out[o - 3]!) && (o === 3 || !isWordy(out[o - 4]!));

/**
 * Join words spelled out one letter at a time with one separator between the letters ("P a y P a l" → "paypal",
 * "u-s-p-s" → "usps"), in place over out[0, o) and its offset map; returns the new length. A run is single
 * letters only, one kind of separator, at least MIN_SPELLED letters, not touching another letter or a digit, so
 * "e.g.", "I a" and "plan B 2" stay as they are. normalize() calls it only when its loop saw such a run start (startsSpelled).
 */
function joinSpacedLetters(out: Uint16Array, map: Int32Array, o: number): number {
  let w = -1;
  for (let r = 0; r < o; ) {
    const sep = r + 1 < o ? out[r + 1]! : 0;
    let end = r;
    if (isLatin(out[r]!) && (r === 0 || !isWordy(out[r - 1]!)) && isLetterSep(sep)) {
      let k = r;
      while (k + 2 < o && out[k + 1] === sep && isLatin(out[k + 2]!) && !(k + 3 < o && isWordy(out[k + 3]!))) k += 2;
      if ((k - r) / 2 + 1 >= MIN_SPELLED && !(k + 1 < o && isWordy(out[k + 1]!))) end = k;
    }
    if (end === r) {
      if (w >= 0) {
        out[w] = out[r]!;
        map[w] = map[r]!;
        w++;
      }
      r++;
      continue;
    }
    if (w < 0) w = r;
    for (let k = r; k <= end; k += 2) {
      out[w] = out[k]!;
      map[w] = map[k]!;
      w++;
    }
    r = end + 1;
  }
  return w < 0 ? o : w;
}

/**
 * Normalise a text for matching; `toOriginal` maps every normalised position back to the original.
 * @example
 * const n = normalize("請共享屏幕，轉到安 全 帳 戶");
 * n.normalized // "请共享屏幕,转到安全账户"
 * n.original.slice(n.toOriginal[8], n.toOriginal[12]) // "安 全 帳 戶"
 */
export function normalize(original: string): NormalizedText {
  const s = original;
  const n = s.length;
  if (buffer.length < n + 1) buffer = new Uint16Array(Math.max(n + 1, buffer.length * 2));
  const out = buffer;
  const map = new Int32Array(n + 1);
  let o = 0;
  let runStart = -1;

  let runHash = 0;
  // Set when a spelled-out word may start (startsSpelled): only then is the output read again to join one.
  let spelled = false;

  for (let i = 0; i < n; i++) {
    const raw = s.charCodeAt(i);
    const seen = CJK_SEEN[raw]!;
    if (seen !== 0) {
      // Exactly what the general path below does for a CJK character: end a latin run, emit.
      if (runStart >= 0) {
        o = finishRun(out, runStart, o, seen, runHash);
        runStart = -1;
      }
      out[o] = seen;
      map[o] = i;
      o++;
      continue;
    }
    let c = FOLD[raw]!;
    if (c === DROP) continue;
    let consumed = 0;
    if (raw === 0xd835 && i + 1 < n) {
      const cp = s.codePointAt(i)!;
      const m = mathAlnum(cp);
      if (m !== 0) {
        c = m;
        consumed = 1;
      }
    }
    let cls = CLASS[c]!;
    if (cls & C_EMOJI) {
      // An emoji run is never a word: dropped between two letters of one kind ("fr🍀ee", "安🔒全") and at
      // a text or word edge; between different kinds ("转账💰now") it separates like a space.
      let j = i + 1;
      while (j < n) {
        const f = foldAt(s, j);
        if (f === DROP || CLASS[f]! & C_EMOJI) j++;
        else break;
      }
      const before = o > 0 ? CLASS[out[o - 1]!]! : C_SPACE;
      const after = j < n ? CLASS[foldAt(s, j)]! : C_SPACE;
      const wordy = C_CJK | C_LETTER | C_DIGIT;
      if ((before & after & wordy) !== 0 || !(before & wordy) || !(after & wordy)) {
        i = j - 1;
        continue;
      }
      if (runStart >= 0) {
        o = finishRun(out, runStart, o, 0x20, runHash);
        runStart = -1;
      }
      if (!spelled) spelled = startsSpelled(out, o, 0x20);
      out[o] = 0x20;
      map[o] = i;
      o++;
      i = j - 1;
      continue;
    } else if (cls & C_CLAUSE && o > 0 && CLASS[out[o - 1]!]! & C_CJK) {
      // "安，全，账，户": a clause mark inside a chain of one- or two-character CJK fragments is an evasion.
      let j = i + 1;
      while (j < n && CLASS[foldAt(s, j)]! & C_SPACE) j++;
      const max = isStop(c) ? 1 : MAX_SPLIT_FRAGMENT;
      if (j < n && CLASS[foldAt(s, j)]! & C_CJK && (splitFragment(s, j, 1, max) || splitFragment(s, i - 1, -1, max))) {
        i = j - 1;
        continue;
      }
    }
    if (cls & C_CJK) {
      c = toSimplified(c);
      if (consumed === 0) CJK_SEEN[raw] = c;
    } else if (cls & C_WEAK_SEP) {
      if (o > 0 && CLASS[out[o - 1]!]! & C_CJK) {
        // Drop a short run of separators (and zero-width characters) sandwiched between CJK characters.
        let j = i + 1;
        let seps = 1;
        while (j < n) {
          const f = foldAt(s, j);
          if (f === DROP || CLASS[f]! & C_EMOJI) j++;
          else if (CLASS[f]! & C_WEAK_SEP && seps < MAX_SEPARATOR_RUN) {
            j++;
            seps++;
          } else break;
        }
        if (j < n && CLASS[foldAt(s, j)]! & C_CJK) {
          i = j - 1;
          continue;
        }
      }
      if (cls & C_SPACE) {
        if (o > 0 && out[o - 1] === 0x20) continue;
        c = 0x20;
      }
    } else if (cls & C_DIGIT && DIGIT_LOOKALIKE[c] && runStart >= 0) {
      // "amaz0n", "app1e", "b33n": look-alike digits between letters; "paypa1": at the end of a long word.
      const next = i + 1 < n ? CLASS[foldAt(s, i + 1)]! : 0;
      const pair = (next & C_DIGIT) !== 0 && (DIGIT_LOOKALIKE[foldAt(s, i + 1)] ?? 0) > 0 && i + 2 < n && (CLASS[foldAt(s, i + 2)]! & C_LETTER) !== 0;
      if (next & C_LETTER || pair || (o - runStart >= 4 && !(next & (C_DIGIT | C_LETTER)))) {
        c = DIGIT_LOOKALIKE[c]!;
        cls = C_LETTER;
      }
    } else if (c === 0x0a || c === 0x0d) {
      // A hard-wrapped line of English prose reads as one line: the break becomes a space.
      const wrap = hardWrapEnd(s, i, out, o);
      if (wrap >= 0) {
        if (out[o - 1] === 0x20) {
          i = wrap;
          continue;
        }
        c = 0x20;
        consumed = wrap - i;
      }
    }
    if (cls & C_LETTER) {
      if (runStart < 0) {
        runStart = o;
        runHash = 0;
      }
      runHash = (Math.imul(runHash, 31) + c) | 0;
    } else if (runStart >= 0) {
      o = finishRun(out, runStart, o, c, runHash);
      runStart = -1;
      // A dropped word (a spoken filler: "press uh one") leaves the space before it; its own is not written twice.
      if (c === 0x20 && out[o - 1] === 0x20) {
        i += consumed;
        continue;
      }
    }
    if (!spelled && isLetterSep(c)) spelled = startsSpelled(out, o, c);
    out[o] = c;
    map[o] = i;
    o++;
    i += consumed;
  }
  if (runStart >= 0) o = finishRun(out, runStart, o, 0, runHash);
  if (spelled) o = joinSpacedLetters(out, map, o);
  map[o] = n;

  const normalized =
    o < 64 ? String.fromCharCode.apply(null, out.subarray(0, o) as unknown as number[]) : decoder.decode(out.subarray(0, o));
  return { original, normalized, toOriginal: map.subarray(0, o + 1) };
}

/**
 * The original-text span of normalised positions [start, end), trimmed of separators and zero-width
 * characters that normalisation dropped at its edges.
 * @example
 * const n = normalize("安 全 账 户 ");
 * toOriginalSpan(n, 0, 4) // { start: 0, end: 7, text: "安 全 账 户" }
 */
export function toOriginalSpan(text: NormalizedText, start: number, end: number): { start: number; end: number; text: string } {
  const map = text.toOriginal;
  const last = map.length - 1;
  const a = map[Math.min(Math.max(start, 0), last)]!;
  let b = map[Math.min(Math.max(end, start), last)]!;
  const orig = text.original;
  while (b > a) {
    const f = FOLD[orig.charCodeAt(b - 1)]!;
    if (f === DROP || CLASS[f]! & C_SPACE || (CLASS[f]! & (C_WEAK_SEP | C_CLAUSE) && end > start && b - 1 > map[end - 1]!)) b--;
    else break;
  }
  return { start: a, end: b, text: orig.slice(a, b) };
}
