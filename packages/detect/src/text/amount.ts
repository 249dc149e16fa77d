/**
 * Amounts written the way people and scripts write them: 20000, 20,000, 2万, 1.63万, 一万二, 壹万,
 * 三千五, 一百六十三万, ¥5000, $1,000. Parsing never throws; anything unparseable is null.
 */

const DIGITS: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  壹: 1,
  二: 2,
  两: 2,
  贰: 2,
  三: 3,
  叁: 3,
  四: 4,
  肆: 4,
  五: 5,
  伍: 5,
  六: 6,
  陆: 6,
  七: 7,
  柒: 7,
  八: 8,
  捌: 8,
  九: 9,
  玖: 9,
};
const SMALL_UNITS: Readonly<Record<string, number>> = {
  十: 10,
  拾: 10,
  百: 100,
  佰: 100,
  千: 1000,
  仟: 1000,
};
const BIG_UNITS: Readonly<Record<string, number>> = {
  万: 1e4,
  萬: 1e4,
  亿: 1e8,
  億: 1e8,
};
const NUMBER_PREFIX = /^[0-9]+(?:\.[0-9]+)?/;
const CURRENCY_EDGES = /^(?:人民币|rmb|¥|￥|\$|usd)\s*|\s*(?:元整?|块钱?|圆|rmb|yuan|dollars?|usd|人民币)$/gi;

/**
 * Parse an amount in Arabic or Chinese numerals (with 十百千万亿 units and colloquial tails).
 * @example parseChineseAmount("一万二") // 12000
 * @example parseChineseAmount("1.63万") // 16300
 * @example parseChineseAmount("壹万元") // 10000
 * @example parseChineseAmount("二〇二三") // 2023 (a digit string without units)
 */
export function parseChineseAmount(input: string): number | null {
  const s = input
    .trim()
    .replace(CURRENCY_EDGES, "")
    .replace(/[,，\s]/g, "");
  if (s === "") return null;
  if (/^[0-9]+(?:\.[0-9]+)?$/.test(s)) return Number(s);
  let result = 0;
  let section = 0;
  let num: number | null = null;
  let lastUnit = 1;
  let afterZero = false;
  let sawUnit = false;
  const digitsOnly: number[] = [];
  let i = 0;
  while (i < s.length) {
    const ch = s[i]!;
    const arabic = NUMBER_PREFIX.exec(s.slice(i));
    if (arabic) {
      num = Number(arabic[0]);
      i += arabic[0].length;
      continue;
    }
    if (ch in DIGITS) {
      const d = DIGITS[ch]!;
      if (d === 0) afterZero = true;
      else num = d;
      digitsOnly.push(d);
      i++;
      continue;
    }
    const small = SMALL_UNITS[ch];
    if (small !== undefined) {
      section += (num ?? (small === 10 ? 1 : 0)) * small;
      num = null;
      lastUnit = small;
      afterZero = false;
      sawUnit = true;
      i++;
      continue;
    }
    const big = BIG_UNITS[ch];
    if (big !== undefined) {
      const value = section + (num ?? 0);
      if (big === 1e8) result = (result + value) * big;
      else result += (value === 0 ? 1 : value) * big;
      section = 0;
      num = null;
      lastUnit = big;
      afterZero = false;
      sawUnit = true;
      i++;
      continue;
    }
    if (ch === "多" || ch === "余" || ch === "几") {
      i++;
      continue;
    }
    return null;
  }
  if (!sawUnit) return digitsOnly.length > 0 ? Number(digitsOnly.join("")) : null;
  // A bare digit after a unit is colloquial: 一万二 = 12000, 三千五 = 3500 (not after 零: 一万零二 = 10002).
  if (num !== null) section += afterZero || lastUnit < 10 ? num : num * (lastUnit / 10);
  return Math.round((result + section) * 100) / 100;
}

/** An amount found in a normalised text, with its span in that text. @example { start: 2, end: 8, value: 16300 } // "1.63万元" */
export interface AmountMention {
  start: number;
  end: number;
  value: number;
}

const AMOUNT_RE =
  /(?:[¥￥$]\s?)?(?:(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?\s?[十百千万亿]*|[零〇一二两三四五六七八九十][零〇一二两三四五六七八九十百千万亿]+)多?\s?(?:万元|元|块钱?|人民币|rmb|yuan|dollars?|bucks)|[¥￥$]\s?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?[万亿]|[一二两三四五六七八九十][零一二两三四五六七八九十百千]*[万亿]/y;
/** 1 where an amount can start (digits, currency signs, CJK numerals); a typed table for the hot loop. */
const AMOUNT_START = new Uint8Array(65536);
for (const ch of "0123456789¥￥$零〇一二两三四五六七八九十百千万亿") AMOUNT_START[ch.charCodeAt(0)] = 1;

const EN_SCALES: Readonly<Record<string, number>> = {
  million: 1e6,
  thousand: 1e3,
  billion: 1e9,
};
const EN_SCALE_RE = /[$¥￥]?\s?([0-9][0-9,]*(?:\.[0-9]+)?)\s?(million|thousand|billion)\b(?:\s?(?:yuan|dollars?|rmb|usd|元))?/g;

/**
 * Every money amount in a (normalised) text: needs a currency sign, a currency word or a 万/亿 unit, so
 * "一下" or an order number is never an amount.
 * @example findAmounts("转账1.63万元到安全账户")[0].value // 16300
 */
export function findAmounts(text: string): AmountMention[] {
  const found: AmountMention[] = [];
  EN_SCALE_RE.lastIndex = 0;
  const scaled = text.includes("illion") || text.includes("thousand");
  for (let m = scaled ? EN_SCALE_RE.exec(text) : null; m !== null; m = EN_SCALE_RE.exec(text)) {
    const value = Number(m[1]!.replace(/,/g, "")) * (EN_SCALES[m[2]!] ?? 1);
    if (value > 0)
      found.push({
        start: m.index,
        end: m.index + m[0].length,
        value: Math.round(value * 100) / 100,
      });
  }
  // Try the (sticky) amount pattern only where an amount can start: a digit, a currency sign or a numeral.
  let prevStart = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const start = AMOUNT_START[c] === 1;
    // Only the first character of a run of digits/numerals can start an amount; a lone CJK numeral
    // ("一下", "十分") never does.
    if (!start || prevStart) {
      prevStart = start;
      continue;
    }
    prevStart = true;
    if (c > 0x7f && c !== 0xa5 && c !== 0xffe5 && AMOUNT_START[text.charCodeAt(i + 1)] !== 1) continue;
    AMOUNT_RE.lastIndex = i;
    const m = AMOUNT_RE.exec(text);
    if (m === null) continue;
    i = m.index + m[0].length - 1;
    prevStart = false;
    const raw = m[0].replace(/^[¥￥$]\s?/, "");
    const value = parseChineseAmount(raw.replace(/(?:万元)$/, "万").replace(/多/g, ""));
    if (value !== null && value > 0 && !overlapsAny(found, m.index, m.index + m[0].length)) {
      found.push({ start: m.index, end: m.index + m[0].length, value });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/**
 * Whether [start, end) overlaps a mention already found. A helper rather than `found.some((f) => …m…)`:
 * a closure over the loop's `m` made V8 allocate a context for the loop body on every character (~3× slower scan).
 */
function overlapsAny(found: readonly AmountMention[], start: number, end: number): boolean {
  for (const f of found) if (f.start < end && start < f.end) return true;
  return false;
}
