/**
 * The form suite: what real sources do to a text's FORM (not tricks): a US robocall through a speech
 * recogniser (lowercase, no punctuation, numbers spelled out, run-on, cut-off start, fillers), a Chinese
 * call transcript (no punctuation, no speaker tags, 汉字 numbers, 幺 for 1, 两万块), and the shape of real
 * SMS (【signature】, 回T退订, short links, masked numbers). Each form is applied to every scam AND every
 * benign text of its language, and the suite reports the recall lost and the false alarms gained: a
 * detector that reads the tactic, not the typography, loses neither. Deterministic: every random choice
 * is seeded from the text and the form's id.
 */
import { isHan, pick, randomFor } from "./seeded.js";
import { enCardinal, enDigits, zhCardinal, zhDigits } from "./spoken.js";

/** One form transform. `lang` limits it to texts of that language (others pass unchanged). */
export interface Form {
  id: string;
  what: string;
  lang: "en" | "zh" | "any";
  apply: (text: string, lang: "en" | "zh", random: () => number) => string;
}

/** A text with its label and language, as the suite reads it. */
export interface FormText {
  text: string;
  label: 0 | 1;
  lang: "en" | "zh";
}

const URL_TOKEN = "<url>";
const SPEAKER_TAG = /^[ \t]*[AB][:：][ \t]?/gm;
const hasSpeakerTags = (t: string): boolean => /^[ \t]*[AB][:：]/m.test(t);

/** Apply `f` to the stretches between `<url>` tokens (what a cleaned link became), keeping the tokens. */
const aroundUrls = (text: string, f: (part: string) => string): string => text.split(URL_TOKEN).map(f).join(` ${URL_TOKEN} `);

const numberValue = (s: string): number => Number(s.replace(/,/g, ""));

/** Marks digits that the generic number pass must leave as digits (a half-spoken phone number). */
const KEEP = "\ue000";

/** English numbers as an ASR engine writes them. */
function spellEnglishNumbers(t: string, r: () => number): string {
  return (
    t
      // e-mail addresses and domains: "support at amazon dot com", "amazon dot com slash help"
      .replace(/\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b/g, (m) => m.replace("@", " at ").replace(/\./g, " dot "))
      .replace(/\b(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,6}\b(?:\/[\w/-]*)?/gi, (m) =>
        m.replace(/\./g, " dot ").replace(/\//g, " slash "),
      )
      // phone numbers: read digit by digit, the toll-free prefix often as "eight hundred"; sometimes only the
      // area code is spoken and the rest stays in digits ("eight hundred 555 1234")
      .replace(/(?:\+?\d{1,2}[\s.-]?)?\(?\b\d{3,4}\)?[\s.-]?\d{3,4}[\s.-]?\d{4}\b/g, (m) => {
        const digits = m.replace(/\D/g, "");
        if (r() < 0.2) {
          // KEEP marks digits the later passes leave alone
          const area = digits.length === 11 ? digits.slice(0, 4) : digits.slice(0, 3);
          return `${enDigits(area, r)} ${KEEP}${digits.slice(area.length, area.length + 3)} ${KEEP}${digits.slice(area.length + 3)}`;
        }
        return enDigits(digits, r);
      })
      // money: "$1,299.99" → "one thousand two hundred ninety nine dollars and ninety nine cents"
      .replace(/\$\s?(\d[\d,]*)(?:\.(\d{2}))?/g, (_m, whole: string, cents?: string) => {
        const c = cents ? Number(cents) : 0;
        return `${enCardinal(numberValue(whole))} dollars${c > 0 ? ` and ${enCardinal(c)} cents` : ""}`;
      })
      .replace(/(\d+(?:\.\d+)?)\s?%/g, "$1 percent")
      .replace(/\b(\d{1,2}):(\d{2})\b/g, (_m, h: string, min: string) => `${enCardinal(Number(h))}${min === "00" ? "" : ` ${Number(min) < 10 ? "oh " : ""}${enCardinal(Number(min))}`}`)
      .replace(/\b(\d+)(st|nd|rd|th)\b/g, "$1")
      // any other number: long digit strings one by one, the rest as cardinals ("twenty four hours", "press one")
      .replace(/\ue000?\d[\d,]*(?:\.\d+)?/g, (m) => {
        if (m.startsWith(KEEP)) return m.slice(1);
        const [whole = "", frac] = m.split(".");
        const plain = whole.replace(/,/g, "");
        const head = plain.length >= 5 && !whole.includes(",") ? enDigits(plain, r) : enCardinal(Number(plain));
        // A number glued to letters ("24hrs", "89AF92nu") is said as words of its own.
        return ` ${frac ? `${head} point ${enDigits(frac, r)}` : head} `;
      })
  );
}

/** English ASR form: lowercase, no punctuation, run-on, numbers spelled, a clipped start, fillers. */
function enAsr(text: string, r: () => number): string {
  const spoken = aroundUrls(text.replace(SPEAKER_TAG, ""), (part) =>
    spellEnglishNumbers(part, r)
      .toLowerCase()
      .replace(/[^\p{L}\p{N}'\s]+/gu, " ")
      .replace(/(^|\s)'+|'+(?=\s|$)/g, "$1"),
  );
  const words = spoken.split(/\s+/).filter((w) => w !== "");
  // The recording starts late: the first word or two are lost (only when enough is left to read).
  const clipped = words.length > 12 ? words.slice(Math.floor(r() * 3)) : words;
  const out: string[] = [];
  for (const w of clipped) {
    out.push(w);
    if (r() < 0.05) out.push(pick(r, ["uh", "um", "uh", "er"]));
  }
  return out.join(" ");
}

/** Chinese numbers as a Chinese ASR engine writes them. */
function spellChineseNumbers(t: string, r: () => number): string {
  return (
    t
      // money: "¥5000" / "5000元" / "2万元" / "1.5万" → 五千块 / 两万元 / 一万五千
      .replace(/[¥￥]\s?(\d[\d,]*(?:\.\d+)?)(万)?|(\d[\d,]*(?:\.\d+)?)\s?(万|千)?\s?(元|块钱|块|万)/g, (m, a?: string, aUnit?: string, b?: string, bUnit?: string, cur?: string) => {
        const unit = (aUnit ?? bUnit ?? (cur === "万" ? "万" : "")) === "万" ? 1e4 : bUnit === "千" ? 1e3 : 1;
        const value = numberValue((a ?? b) as string) * unit;
        if (!Number.isInteger(value)) return m;
        const tail = cur === undefined || cur === "万" ? (a !== undefined ? pick(r, ["元", "块"]) : "") : cur === "元" && r() < 0.5 ? "块" : cur;
        return `${zhCardinal(value)}${tail}`;
      })
      // long digit strings (phones, cards, codes, years): one by one, 1 read as 幺 in phone numbers
      .replace(/\d{4,}/g, (m) => zhDigits(m, m.length >= 7 && r() < 0.7))
      .replace(/(\d+)\.(\d+)/g, (_m, w: string, f: string) => `${zhCardinal(Number(w))}点${zhDigits(f, false)}`)
      .replace(/\d+/g, (m) => zhCardinal(Number(m)))
  );
}

/** A link or domain as written: a voice call reads none out, so the transcript keeps it as it stands. */
const LINK = /(?:https?:\/\/)?(?:[a-z0-9-]+\.)+[a-z]{2,6}(?:\/[\w./?=&%-]*)?/gi;

/** Chinese ASR form: no speaker tags, no punctuation (sentences run together), 汉字 numbers, lowercase Latin. */
function zhAsr(text: string, r: () => number): string {
  const links: string[] = [];
  const protectedText = text.replace(SPEAKER_TAG, "").replace(LINK, (m) => {
    links.push(m);
    return `\ue001${links.length - 1}\ue002`;
  });
  const spoken = aroundUrls(protectedText, (part) =>
    part
      .split(/(\ue001\d+\ue002)/)
      .map((piece) =>
        piece.startsWith("\ue001")
          ? ` ${links[Number(piece.slice(1, -1))]} `
          : spellChineseNumbers(piece, r)
              .toLowerCase()
              .replace(/[\p{P}\p{S}\s]+/gu, " "),
      )
      .join(""),
  );
  // No pause is written between two Chinese characters; a space stays next to Latin words and digits.
  const chars = Array.from(spoken.trim());
  let out = "";
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] as string;
    if (c === " " && isHan(out.slice(-1)) && isHan(chars[i + 1] ?? "")) continue;
    out += c;
  }
  return out.replace(/\s+/g, " ").trim();
}

const ZH_SIGNATURES = ["【京东】", "【顺丰速运】", "【中国移动】", "【中国联通】", "【通知】", "【温馨提示】", "【客服中心】", "【菜鸟驿站】", "【12306】", "【美团】"];
const ZH_OPT_OUT = ["回T退订", "拒收请回复R", "退订回N", "回TD退订"];
const EN_PREFIXES = ["Notice: ", "Alert: ", "FreeMsg: ", "Info: ", "Reminder: "];
const EN_OPT_OUT = ["Reply STOP to opt out", "Txt STOP to end", "Msg&data rates may apply. Reply STOP to cancel"];

/**
 * The forms, in report order.
 * @example FORMS.map((f) => f.id) // ["en-asr", "zh-asr", "sms-signature", "sms-opt-out", "sms-short-link", "sms-masked"]
 */
export const FORMS: readonly Form[] = [
  {
    id: "en-asr",
    what: "English robocall through ASR: lowercase, no punctuation, numbers/phones/money spelled, clipped start, fillers",
    lang: "en",
    apply: (t, _lang, r) => enAsr(t, r),
  },
  {
    id: "zh-asr",
    what: "Chinese call transcript: no speaker tags or punctuation, 汉字 digits (幺), money as 两万块",
    lang: "zh",
    apply: (t, _lang, r) => zhAsr(t, r),
  },
  {
    id: "sms-signature",
    what: "SMS (non-dialogue) with a 【signature】 at the start or end (zh), a \"Notice:\" prefix (en)",
    lang: "any",
    apply: (t, lang, r) => {
      if (hasSpeakerTags(t)) return t;
      if (lang === "zh") {
        const sig = pick(r, ZH_SIGNATURES);
        return r() < 0.6 ? `${sig}${t}` : `${t}${sig}`;
      }
      return `${pick(r, EN_PREFIXES)}${t}`;
    },
  },
  {
    id: "sms-opt-out",
    what: "SMS (non-dialogue) with a marketing opt-out tail (回T退订 / Reply STOP): real in ~45 % of FBS ads, ~4 % of its frauds",
    lang: "any",
    apply: (t, lang, r) => {
      if (hasSpeakerTags(t)) return t;
      return lang === "zh" ? `${t}${pick(r, ZH_OPT_OUT)}` : `${t} ${pick(r, EN_OPT_OUT)}`;
    },
  },
  {
    id: "sms-short-link",
    what: "SMS (non-dialogue) links as short links (t.cn/…, bit.ly/…), glued to Chinese text",
    lang: "any",
    apply: (t, lang, r) => {
      if (hasSpeakerTags(t) || !t.includes(URL_TOKEN)) return t;
      const hosts = lang === "zh" ? ["t.cn/", "dwz.cn/", "url.cn/", "suo.im/"] : ["bit.ly/", "tinyurl.com/", "ow.ly/", "is.gd/"];
      const code = () => Array.from({ length: 6 }, () => pick(r, "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789".split(""))).join("");
      const out = t.replace(/<url>/g, () => `${r() < 0.4 ? "https://" : ""}${pick(r, hosts)}${code()}`);
      return lang === "zh" ? out.replace(/ ?((?:https:\/\/)?[a-z.]+\/[A-Za-z0-9]{6}) ?/g, "$1") : out;
    },
  },
  {
    id: "sms-masked",
    what: "SMS (non-dialogue) long numbers masked (尾号****1234, 138****5678)",
    lang: "any",
    apply: (t, lang, r) => {
      if (hasSpeakerTags(t)) return t;
      return t.replace(/\d{7,}/g, (m) => {
        const keep = m.length >= 11 ? 3 : 0;
        const masked = `${m.slice(0, keep)}${"*".repeat(m.length - keep - 4)}${m.slice(-4)}`;
        return lang === "zh" && keep === 0 && r() < 0.5 ? `尾号${m.slice(-4)}` : masked;
      });
    },
  },
];

/** One form's effect: recall lost on scams, false alarms gained on benign texts. */
export interface FormResult {
  form: string;
  what: string;
  /** Scam texts of the form's language, and how many the form changed. */
  scams: number;
  scamsChanged: number;
  recallBefore: number;
  recall: number;
  /** Benign texts of the form's language, and how many the form changed. */
  benign: number;
  benignChanged: number;
  fprBefore: number;
  fpr: number;
}

/** What the form suite measured. */
export interface FormReport {
  forms: FormResult[];
}

/**
 * The text a form makes of `text`, seeded by the text and the form's id (the same on every run).
 * @example applyForm(FORMS[0], "Press 1 now.", "en") // "press one now"
 */
export function applyForm(form: Form, text: string, lang: "en" | "zh"): string {
  if (form.lang !== "any" && form.lang !== lang) return text;
  return form.apply(text, lang, randomFor(text, form.id));
}

/**
 * Apply every form to every text of its language and score before and after through `isFlagged`.
 * @example runForms(rows, (t) => analyze(t).label === 1).forms[0].recall
 */
export function runForms(texts: readonly FormText[], isFlagged: (text: string) => boolean, forms: readonly Form[] = FORMS): FormReport {
  const before = texts.map((t) => isFlagged(t.text));
  const results = forms.map((form): FormResult => {
    const r = { form: form.id, what: form.what, scams: 0, scamsChanged: 0, recallBefore: 0, recall: 0, benign: 0, benignChanged: 0, fprBefore: 0, fpr: 0 };
    let tpBefore = 0;
    let tp = 0;
    let fpBefore = 0;
    let fp = 0;
    texts.forEach((t, i) => {
      if (form.lang !== "any" && form.lang !== t.lang) return;
      const changed = applyForm(form, t.text, t.lang);
      const flagged = changed === t.text ? (before[i] as boolean) : isFlagged(changed);
      if (t.label === 1) {
        r.scams++;
        if (changed !== t.text) r.scamsChanged++;
        if (before[i]) tpBefore++;
        if (flagged) tp++;
      } else {
        r.benign++;
        if (changed !== t.text) r.benignChanged++;
        if (before[i]) fpBefore++;
        if (flagged) fp++;
      }
    });
    r.recallBefore = tpBefore / Math.max(1, r.scams);
    r.recall = tp / Math.max(1, r.scams);
    r.fprBefore = fpBefore / Math.max(1, r.benign);
    r.fpr = fp / Math.max(1, r.benign);
    return r;
  });
  return { forms: results };
}

/** A plain-text table of the suite's result; ✗ marks a recall drop or a false-alarm rise above `goal`. */
export function formatForms(report: FormReport, goal = 0.02): string {
  const lines = ["form             scams  changed  recall before→after   drop    benign  changed  FPR before→after   rise"];
  for (const r of report.forms) {
    const drop = r.recallBefore - r.recall;
    const rise = r.fpr - r.fprBefore;
    const flag = drop > goal || rise > goal ? "  ✗" : "";
    lines.push(
      `${r.form.padEnd(17)}${String(r.scams).padStart(5)}  ${String(r.scamsChanged).padStart(7)}  ${r.recallBefore.toFixed(3)} → ${r.recall.toFixed(3)}  ${(drop >= 0 ? "+" : "") + drop.toFixed(3)}  ${String(r.benign).padStart(6)}  ${String(r.benignChanged).padStart(7)}  ${r.fprBefore.toFixed(3)} → ${r.fpr.toFixed(3)}  ${(rise >= 0 ? "+" : "") + rise.toFixed(3)}${flag}   ${r.what}`,
    );
  }
  return lines.join("\n");
}
