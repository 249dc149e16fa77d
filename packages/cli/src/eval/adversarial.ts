/**
 * The adversarial suite: cheap tricks a scammer uses to slip a script past a filter, each applied to
 * every scam text, and the recall each one costs. A trick must not change what a person reads (the
 * script still works on its victim), only what a naive matcher sees. Deterministic: every random
 * choice is seeded from the text itself.
 */
import { Converter } from "opencc-js/cn2t";
import { isHan, pick, randomFor } from "./seeded.js";

/** One evasion trick. */
export interface Trick {
  id: string;
  /** What it does, for the report. */
  what: string;
  apply: (text: string, random: () => number) => string;
}

const isLatin = (ch: string): boolean => /[A-Za-z]/.test(ch);

/** Invisible characters seen in the wild: zero-width, bidi controls, soft hyphen, word joiner, BOM. */
const INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u200e", "\u202a", "\u202c", "\u2066", "\u2069"];
/** Separators slipped between Chinese characters: spaces, ASCII and CJK punctuation, symbols. */
const CJK_SEPARATORS = [" ", "  ", "*", "-", ".", "·", "/", "|", "、", "，", "_", "~", "丨"];
/** Emoji, including modifier and ZWJ sequences. */
const EMOJI = ["😀", "🔥", "💰", "👍🏻", "🎉", "❤️", "👨‍👩‍👧", "✅", "🌹", "🙏", "⭐", "🧧"];
/** Cyrillic and Greek letters that look like Latin ones. */
const HOMOGLYPHS: Record<string, string> = { a: "а", c: "с", e: "е", o: "о", p: "р", x: "х", y: "у", i: "і", s: "ѕ", A: "А", B: "В", C: "С", E: "Е", H: "Н", K: "К", M: "М", O: "О", P: "Р", T: "Т", X: "Х" };
/** Pinyin initials and mixed spellings Chinese scam texts use for the words filters look for. */
const PINYIN: [RegExp, readonly string[]][] = [
  [/微信/g, ["V信", "vx", "薇信", "威信", "wx"]],
  [/银行卡/g, ["yhk", "银行k"]],
  [/支付宝/g, ["zfb", "支付bao"]],
  [/验证码/g, ["yzm", "验证ma"]],
  [/身份证/g, ["sfz"]],
  [/贷款/g, ["dk", "代款"]],
  [/征信/g, ["zhengxin", "征xin"]],
  [/转账/g, ["zhuan账", "转zhang"]],
];
/** Unrelated text to pad a script with, in the other language (news, weather, recipes, sports). */
const PAD_EN =
  "The weather this weekend looks mild with light winds from the west and a chance of showers on Sunday afternoon. " +
  "Our book club meets on Thursday to discuss the second half of the novel, and everyone is welcome to bring snacks. " +
  "The home team won the match in extra time after a late goal from the young midfielder. " +
  "To make the soup, simmer the onions slowly, add the stock and season with pepper before serving warm.";
const PAD_ZH =
  "今天天气晴朗，适合出去散步。周末的读书会讨论小说的后半部分，欢迎大家带点心来。" +
  "昨晚的球赛主队在加时赛中取胜，年轻中场球员打进了关键一球。做这道汤要先把洋葱慢慢炒香，再加入高汤，出锅前撒点胡椒。" +
  "公园里的花开了，很多人带着孩子来拍照。下周图书馆延长开放时间，晚上九点闭馆。";

/** Insert `filler()` after each character (by code point) with probability `p`. */
function sprinkle(text: string, random: () => number, p: number, filler: (prev: string, next: string) => string | null): string {
  const chars = Array.from(text);
  let out = "";
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] as string;
    out += ch;
    const next = chars[i + 1];
    if (next !== undefined && random() < p) out += filler(ch, next) ?? "";
  }
  return out;
}

const toTraditional = Converter({ from: "cn", to: "tw" });

/** Random Latin "words" (letters only), `letters` letters in all. */
function latinNoise(random: () => number, letters: number): string {
  const words: string[] = [];
  let n = 0;
  while (n < letters) {
    const len = 3 + Math.floor(random() * 7);
    let w = "";
    for (let k = 0; k < len; k++) w += String.fromCharCode(0x61 + Math.floor(random() * 26));
    words.push(w);
    n += len;
  }
  return words.join(" ");
}

/**
 * The tricks, in report order.
 * @example TRICKS.map((t) => t.id) // ["zero-width", "full-width", "homoglyph", …]
 */
export const TRICKS: readonly Trick[] = [
  {
    id: "zero-width",
    what: "invisible characters (zero-width, bidi controls, soft hyphen) between characters",
    apply: (t, r) => sprinkle(t, r, 0.5, () => pick(r, INVISIBLE)),
  },
  {
    id: "full-width",
    what: "ASCII letters, digits and punctuation in full width",
    apply: (t) => t.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)),
  },
  {
    id: "homoglyph",
    what: "Latin letters swapped for Cyrillic/Greek look-alikes",
    apply: (t, r) => t.replace(/[A-Za-z]/g, (c) => (HOMOGLYPHS[c] && r() < 0.6 ? (HOMOGLYPHS[c] as string) : c)),
  },
  {
    id: "cjk-separators",
    what: "spaces, punctuation or symbols between Chinese characters",
    apply: (t, r) => sprinkle(t, r, 0.6, (a, b) => (isHan(a) && isHan(b) ? pick(r, CJK_SEPARATORS) : null)),
  },
  {
    id: "emoji",
    what: "emoji sprinkled between characters and padded around the text",
    apply: (t, r) => `${pick(r, EMOJI)}${pick(r, EMOJI)} ${sprinkle(t, r, 0.15, () => pick(r, EMOJI))} ${pick(r, EMOJI)}${pick(r, EMOJI)}${pick(r, EMOJI)}`,
  },
  {
    id: "pad-latin",
    what: "the text followed by 400 random Latin letters",
    apply: (t, r) => `${t}\n${latinNoise(r, 400)}`,
  },
  {
    id: "pad-other-language",
    what: "unrelated prose in the other language before and after the text",
    apply: (t) => {
      const zh = Array.from(t).filter(isHan).length > Array.from(t).filter(isLatin).length / 4;
      const pad = zh ? PAD_EN : PAD_ZH;
      return `${pad}\n${t}\n${pad}`;
    },
  },
  {
    id: "traditional",
    what: "Chinese in traditional characters (Taiwan forms)",
    apply: (t) => toTraditional(t),
  },
  {
    id: "pinyin",
    what: "pinyin and abbreviations for key words (V信, yhk, zfb, yzm, dk …)",
    apply: (t, r) => PINYIN.reduce((s, [re, subs]) => s.replace(re, () => pick(r, subs)), t),
  },
];

/** A trick's effect on recall. */
export interface TrickResult {
  trick: string;
  what: string;
  /** Scam texts the trick actually changed. */
  changed: number;
  recall: number;
  /** Baseline recall minus recall under the trick (positive = the trick hid scams). */
  drop: number;
}

/** What the suite measured over a list of scam texts. */
export interface AdversarialReport {
  n: number;
  baseline: number;
  tricks: TrickResult[];
  /** The largest drop of any trick. */
  worstDrop: number;
}

/**
 * Apply every trick to every text and score both through `isFlagged`.
 * @example runAdversarial(scamTexts, (t) => analyze(t).label === 1).worstDrop <= 0.02
 */
export function runAdversarial(texts: readonly string[], isFlagged: (text: string) => boolean, tricks: readonly Trick[] = TRICKS): AdversarialReport {
  const n = texts.length;
  const base = texts.map((t) => isFlagged(t));
  const baseline = base.filter(Boolean).length / Math.max(1, n);
  const results = tricks.map((trick): TrickResult => {
    let flagged = 0;
    let changed = 0;
    for (const text of texts) {
      const tricked = trick.apply(text, randomFor(text, trick.id));
      if (tricked !== text) changed++;
      if (isFlagged(tricked)) flagged++;
    }
    const recall = flagged / Math.max(1, n);
    return { trick: trick.id, what: trick.what, changed, recall, drop: baseline - recall };
  });
  return { n, baseline, tricks: results, worstDrop: Math.max(0, ...results.map((r) => r.drop)) };
}

/** A plain-text table of the suite's result. */
export function formatAdversarial(report: AdversarialReport, goal = 0.02): string {
  const lines = [`${report.n} scam texts, recall untouched ${report.baseline.toFixed(3)}; goal: drop ≤ ${goal}`, "trick                 changed  recall   drop    "];
  for (const r of report.tricks) {
    const flag = r.drop > goal ? "  ✗" : "";
    lines.push(`${r.trick.padEnd(22)}${String(r.changed).padStart(7)}  ${r.recall.toFixed(3)}  ${(r.drop >= 0 ? "+" : "") + r.drop.toFixed(3)}${flag}   ${r.what}`);
  }
  return lines.join("\n");
}
