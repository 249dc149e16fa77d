/**
 * Spoken forms written back as written ones, on normalised text, keeping the map to the original: a call
 * transcript from speech recognition says the number to call back, the amount and the website in words
 * ("one eight hundred five five five one two three four", "two hundred dollars", "amazon dot com slash
 * refund", "四零零八幺二三四五六"), and the detectors of phones, amounts and links read digits and dots.
 * Only forms that are unambiguous are rewritten: a run of spoken digits long enough to be a phone or card
 * number (7 digits or more; digit groups may be mixed in: "eight hundred 555 1234"), number words directly
 * before "dollars"/"bucks", a word followed by "dot" and a top-level domain, and five or more Chinese digit
 * characters with no unit between them (一九八 in 一九八十 is no number to rewrite, 十 breaks the run).
 */
import type { NormalizedText } from "../types.js";

const DIGIT_WORDS: Readonly<Record<string, string>> = {
  zero: "0",
  oh: "0",
  one: "1",
  two: "2",
  three: "3",
  four: "4",
  five: "5",
  six: "6",
  seven: "7",
  eight: "8",
  nine: "9",
};
/** A digit word that can start a spoken run ("oh" only continues one). */
const D = Object.keys(DIGIT_WORDS).filter((w) => w !== "oh").join("|");
/** Number words of a cardinal below a hundred, and its scales (the gate, the amount pattern and `cardinal` read the same words). */
const SMALL: Readonly<Record<string, number>> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, thirteen: 13,
  fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60,
  seventy: 70, eighty: 80, ninety: 90,
};
const SCALE_WORDS = ["hundred", "thousand", "million"];
/** Hesitations a recogniser writes inside a number ("five one er four four"); normalize() already drops uh and um. */
const FILLER = "er|ah|eh|uhm|hmm";
const FILLERS = new Set(FILLER.split("|"));
/** Kinds of the words the gate looks for, by the polynomial hash of the word (see hashOf). */
const K_DIGIT = 1;
const K_NUMBER = 2;
const K_DOT = 3;
const K_CURRENCY = 4;
const K_FILLER = 5;
const hashOf = (w: string): number => {
  let h = 0;
  for (let k = 0; k < w.length; k++) h = (Math.imul(h, 31) + w.charCodeAt(k)) | 0;
  return h;
};
const WORD_KIND = new Map<number, number>();
for (const w of Object.keys(DIGIT_WORDS)) WORD_KIND.set(hashOf(w), K_DIGIT);
for (const w of [...Object.keys(SMALL), ...SCALE_WORDS]) if (DIGIT_WORDS[w] === undefined) WORD_KIND.set(hashOf(w), K_NUMBER);
WORD_KIND.set(hashOf("dot"), K_DOT);
for (const w of ["dollar", "dollars", "bucks"]) WORD_KIND.set(hashOf(w), K_CURRENCY);
for (const w of FILLERS) WORD_KIND.set(hashOf(w), K_FILLER);
/** Chinese digit characters (幺 is 1 on the phone). */
const ZH_DIGIT = new Uint8Array(65536);
for (const ch of "零〇一二三四五六七八九幺") ZH_DIGIT[ch.charCodeAt(0)] = 1;
/** Tokens of a spoken run before it can make 7 digits ("eight hundred 555 1234" has four). */
const MIN_RUN_TOKENS = 3;

/**
 * Whether the text may hold a spoken form: one pass over the code units with a hash per latin word, no
 * regex and no allocation (most texts hold none, and this runs on every text analysed). A hash collision
 * only makes the exact patterns below run for nothing.
 */
function maySpeak(s: string): boolean {
  const n = s.length;
  let zh = 0;
  let run = 0;
  let spoken = false;
  let prevNumber = false;
  let i = 0;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (c >= 0x80) {
      // Any other non-ASCII character ends both kinds of run.
      if (ZH_DIGIT[c] === 1) {
        if (++zh >= 5) return true;
      } else {
        zh = 0;
        run = 0;
        spoken = false;
        prevNumber = false;
      }
      i++;
      continue;
    }
    zh = 0;
    if (c >= 0x61 && c <= 0x7a) {
      let h = 0;
      let j = i;
      for (; j < n; j++) {
        const d = s.charCodeAt(j);
        if (d < 0x61 || d > 0x7a) break;
        h = (Math.imul(h, 31) + d) | 0;
      }
      const kind = j - i >= 2 && j - i <= 8 ? (WORD_KIND.get(h) ?? 0) : 0;
      if (kind === K_DIGIT || kind === K_NUMBER) {
        run++;
        if (kind === K_DIGIT) spoken = true;
        if (spoken && run >= MIN_RUN_TOKENS) return true;
        prevNumber = true;
      } else if (kind === K_DOT) {
        if (i > 1 && s.charCodeAt(i - 1) === 0x20 && j + 1 < n && s.charCodeAt(j) === 0x20) return true;
        run = 0;
        spoken = false;
        prevNumber = false;
      } else if (kind === K_CURRENCY) {
        if (prevNumber) return true;
        run = 0;
        spoken = false;
      } else if (kind !== K_FILLER) {
        run = 0;
        spoken = false;
        prevNumber = false;
      }
      i = j;
      continue;
    }
    if (c >= 0x30 && c <= 0x39) {
      let j = i + 1;
      while (j < n && s.charCodeAt(j) >= 0x30 && s.charCodeAt(j) <= 0x39) j++;
      run++;
      if (spoken && run >= MIN_RUN_TOKENS) return true;
      prevNumber = false;
      i = j;
      continue;
    }
    if (c !== 0x20 && c !== 0x2d) {
      run = 0;
      spoken = false;
      prevNumber = false;
    }
    i++;
  }
  return false;
}

/** A run of spoken digits, digit groups and "X hundred" (a toll-free 800), space or hyphen separated. */
const DIGIT_RUN = new RegExp(`\\b(?:${D}|\\d+)(?:[ -](?:(?:${FILLER}) )?(?:${D}|oh|hundred|\\d+)\\b)+`, "g");
/** Fewest digits a spoken run must make to be rewritten: a phone number without its area code. */
const MIN_RUN_DIGITS = 7;

const CARDINAL_WORD = [...Object.keys(SMALL), ...SCALE_WORDS].join("|");
/** Number words right before a currency word ("two hundred dollars", "fifty bucks"). */
const SPOKEN_AMOUNT = new RegExp(`\\b(?:${CARDINAL_WORD})(?:[ -](?:${CARDINAL_WORD}))*(?= (?:dollars?|bucks)\\b)`, "g");

const TLD = "com|net|org|gov|edu|info|biz|co|us|uk|io|me|ly|top|xyz|online|site|app|shop|live|vip|cc|cn|in|club|link|support";
/**
 * "amazon dot com", "www dot irs dot gov slash refund", "paypal dash secure dot com"; of "ptsb review dot com"
 * only the word before "dot" (nothing says where a spoken name starts).
 */
const SPOKEN_DOMAIN = new RegExp(`\\b[a-z0-9][a-z0-9-]*(?: (?:dash|hyphen) [a-z0-9-]+)*(?: dot [a-z0-9-]+)* dot (?:${TLD})\\b(?: slash [a-z0-9-]+)*`, "g");

/** Five or more Chinese digit characters in a row (幺 is 1 on the phone). */
const ZH_DIGIT_RUN = /[零〇一二三四五六七八九幺]{5,}/g;
const ZH_DIGITS: Readonly<Record<string, string>> = { 零: "0", 〇: "0", 幺: "1", 一: "1", 二: "2", 三: "3", 四: "4", 五: "5", 六: "6", 七: "7", 八: "8", 九: "9" };

/** A replacement of normalised [start, end) by `text`. */
interface Edit {
  start: number;
  end: number;
  text: string;
}

/** Digits of a spoken run, or null when it is not long enough to be a number to call. */
function runDigits(run: string): string | null {
  let out = "";
  let spoken = false;
  let prevSingle = false;
  for (const token of run.split(/[ -]/)) {
    if (FILLERS.has(token)) continue;
    if (token === "hundred") {
      // "eight hundred": the toll-free prefix; "one hundred" after a group is not a digit reading.
      if (!prevSingle) return null;
      out += "00";
      prevSingle = false;
      continue;
    }
    const d = DIGIT_WORDS[token];
    if (d !== undefined) {
      out += d;
      spoken = true;
      prevSingle = d !== "0" && d !== "1";
    } else {
      out += token;
      prevSingle = false;
    }
  }
  return spoken && out.length >= MIN_RUN_DIGITS ? out : null;
}

/** Value of English number words ("one thousand four hundred ninety nine" → 1499), or null. */
function cardinal(words: string): number | null {
  let total = 0;
  let current = 0;
  let any = false;
  for (const w of words.split(/[ -]/)) {
    const small = SMALL[w];
    if (small !== undefined) {
      current += small;
      any = true;
    } else if (w === "hundred") {
      current = (current === 0 ? 1 : current) * 100;
    } else if (w === "thousand" || w === "million") {
      total += (current === 0 ? 1 : current) * (w === "thousand" ? 1e3 : 1e6);
      current = 0;
    } else return null;
  }
  return any ? total + current : null;
}

/**
 * The text with spoken numbers, amounts and domains written out; the same object when there are none.
 * @example readSpoken(normalize("call one eight hundred five five five one two three four")).normalized // "call 18005551234"
 * @example readSpoken(normalize("visit amazon dot com slash refund")).normalized // "visit amazon.com/refund"
 * @example readSpoken(normalize("客服电话四零零八幺二三四五六")).normalized // "客服电话4008123456"
 */
export function readSpoken(text: NormalizedText): NormalizedText {
  const s = text.normalized;
  if (!maySpeak(s)) return text;
  const edits: Edit[] = [];
  for (const m of s.matchAll(DIGIT_RUN)) {
    const digits = runDigits(m[0]);
    if (digits !== null) edits.push({ start: m.index, end: m.index + m[0].length, text: digits });
  }
  for (const m of s.matchAll(SPOKEN_AMOUNT)) {
    const value = cardinal(m[0]);
    if (value !== null && value > 0) edits.push({ start: m.index, end: m.index + m[0].length, text: String(value) });
  }
  for (const m of s.matchAll(SPOKEN_DOMAIN)) {
    edits.push({ start: m.index, end: m.index + m[0].length, text: m[0].replace(/ dot /g, ".").replace(/ slash /g, "/").replace(/ (?:dash|hyphen) /g, "-") });
  }
  for (const m of s.matchAll(ZH_DIGIT_RUN)) {
    let digits = "";
    for (const ch of m[0]) digits += ZH_DIGITS[ch] ?? "";
    edits.push({ start: m.index, end: m.index + m[0].length, text: digits });
  }
  if (edits.length === 0) return text;
  edits.sort((a, b) => a.start - b.start || b.end - a.end);
  // Overlapping edits: the earlier (longer) one wins.
  const kept: Edit[] = [];
  let length = s.length;
  for (const e of edits) {
    if (kept.length > 0 && e.start < kept[kept.length - 1]!.end) continue;
    kept.push(e);
    length += e.text.length - (e.end - e.start);
  }
  const map = text.toOriginal;
  const outMap = new Int32Array(length + 1);
  let out = "";
  let at = 0;
  let o = 0;
  for (const e of kept) {
    for (let i = at; i < e.start; i++) outMap[o++] = map[i]!;
    out += s.slice(at, e.start);
    // Every written character points into the original of the spoken span, spread over it in order.
    const span = e.end - e.start;
    for (let k = 0; k < e.text.length; k++) outMap[o++] = map[e.start + Math.floor((k * span) / e.text.length)]!;
    out += e.text;
    at = e.end;
  }
  for (let i = at; i <= s.length; i++) outMap[o++] = map[i]!;
  out += s.slice(at);
  return { original: text.original, normalized: out, toOriginal: outMap, spoken: true };
}
