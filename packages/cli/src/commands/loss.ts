/**
 * `scamguard report --loss`: the amount as a person writes it — "20000", "20,000", "2万", "两万", "5000元",
 * "¥5000", "$300", "300 USD", "1.5k" — into a number and, when the writing says so, its currency.
 */

/** Currency marks written before or after the number, lower-cased. */
const CURRENCY_WORDS: ReadonlyArray<readonly [RegExp, string]> = [
  [/^(?:hk\$|hkd|港币|港元)/, "HKD"],
  [/^(?:us\$|\$|usd|dollars?|bucks|美元|美金)/, "USD"],
  [/^(?:[¥￥]|rmb|cny|元|块钱|块|人民币|yuan)/, "CNY"],
  [/^(?:€|eur|euros?|欧元)/, "EUR"],
  [/^(?:£|gbp|pounds?|英镑)/, "GBP"],
];
const MULTIPLIERS: Readonly<Record<string, number>> = { 亿: 1e8, 万: 1e4, w: 1e4, 千: 1e3, k: 1e3, 百: 100 };
const CN_DIGITS: Readonly<Record<string, number>> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

export interface ParsedLoss {
  amount: number;
  /** The currency the writing names ("$300" → USD), or null when it names none. */
  currency: string | null;
}

/**
 * Reads one amount; null when it is not one (the caller names the option in its error).
 * @example parseLoss("2万") // { amount: 20000, currency: null }
 * @example parseLoss("$300") // { amount: 300, currency: "USD" }
 * @example parseLoss("5,000元") // { amount: 5000, currency: "CNY" }
 */
export function parseLoss(input: string): ParsedLoss | null {
  let rest = input.trim().toLowerCase().replace(/[,，\s]/g, "");
  let currency: string | null = null;
  const takeCurrency = (): boolean => {
    for (const [re, code] of CURRENCY_WORDS) {
      const m = re.exec(rest);
      if (!m) continue;
      if (currency !== null && currency !== code) return false;
      currency = code;
      rest = rest.slice(m[0].length);
      return true;
    }
    return true;
  };
  if (!takeCurrency()) return null;
  const number = /^(\d+(?:\.\d+)?|[一二两三四五六七八九十])/.exec(rest);
  if (!number?.[1]) return null;
  const digits = number[1];
  let amount = CN_DIGITS[digits] ?? Number(digits);
  rest = rest.slice(digits.length);
  const unit = /^(亿|万|w|千|k|百)/.exec(rest);
  if (unit?.[1]) {
    amount *= MULTIPLIERS[unit[1]] ?? 1;
    rest = rest.slice(unit[1].length);
  } else if (CN_DIGITS[digits] !== undefined) {
    return null; // "两" alone is not an amount
  }
  if (rest !== "" && !takeCurrency()) return null;
  if (rest !== "") return null;
  if (!Number.isFinite(amount) || amount < 0) return null;
  return { amount: Math.round(amount * 100) / 100, currency };
}
