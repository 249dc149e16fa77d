/**
 * Numbers the way a speech recogniser writes them, in English and Chinese, for the form transforms
 * (form.ts): cardinals ("twenty four", "两万五千"), digit strings read one by one ("one eight hundred five
 * five five…", "幺三八…"). Pure and deterministic; randomness comes from the caller's seeded generator.
 */

const EN_ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"];
const EN_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

/**
 * An English cardinal for 0 ≤ n < 10^9, without "and" (the way ASR engines write it).
 * @example enCardinal(24) // "twenty four"
 * @example enCardinal(1250) // "one thousand two hundred fifty"
 */
export function enCardinal(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n >= 1e9) return String(n);
  if (n < 20) return EN_ONES[n] as string;
  if (n < 100) return `${EN_TENS[Math.floor(n / 10)]}${n % 10 === 0 ? "" : ` ${EN_ONES[n % 10]}`}`;
  if (n < 1000) return `${EN_ONES[Math.floor(n / 100)]} hundred${n % 100 === 0 ? "" : ` ${enCardinal(n % 100)}`}`;
  if (n < 1e6) return `${enCardinal(Math.floor(n / 1000))} thousand${n % 1000 === 0 ? "" : ` ${enCardinal(n % 1000)}`}`;
  return `${enCardinal(Math.floor(n / 1e6))} million${n % 1e6 === 0 ? "" : ` ${enCardinal(n % 1e6)}`}`;
}

/**
 * A digit string read one digit at a time; `oh` for some zeros, and a toll-free prefix "800" read as
 * "eight hundred" when `random` says so.
 * @example enDigits("18005551234", () => 0.9) // "one eight hundred five five five one two three four"
 */
export function enDigits(digits: string, random: () => number): string {
  const words: string[] = [];
  for (let i = 0; i < digits.length; i++) {
    const d = digits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) continue;
    const rest = digits.slice(i, i + 3);
    if (/^[2-9]00$/.test(rest) && random() < 0.7) {
      words.push(`${EN_ONES[d]} hundred`);
      i += 2;
      continue;
    }
    words.push(d === 0 && random() < 0.3 ? "oh" : (EN_ONES[d] as string));
  }
  return words.join(" ");
}

const ZH_DIGITS = "零一二三四五六七八九";

/**
 * A Chinese cardinal for 0 ≤ n < 10^12 as people say it: 两 before 千/万/亿, 十五 not 一十五, 零 for gaps.
 * @example zhCardinal(20000) // "两万"
 * @example zhCardinal(1050) // "一千零五十"
 */
export function zhCardinal(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n >= 1e12) return String(n);
  if (n === 0) return "零";
  const section = (v: number, lead: boolean): string => {
    // v < 10000
    const units = ["千", "百", "十", ""];
    const ds = [Math.floor(v / 1000), Math.floor(v / 100) % 10, Math.floor(v / 10) % 10, v % 10];
    let out = "";
    let zero = false;
    let started = false;
    for (let k = 0; k < 4; k++) {
      const d = ds[k] as number;
      if (d === 0) {
        if (started) zero = true;
        continue;
      }
      if (zero) out += "零";
      zero = false;
      const digit = d === 2 && (k === 0 || (k === 1 && !started)) ? "两" : ZH_DIGITS[d];
      // 十五, not 一十五, at the head of a number.
      out += k === 2 && d === 1 && !started && lead ? "十" : `${digit}${units[k]}`;
      started = true;
    }
    return out;
  };
  const yi = Math.floor(n / 1e8);
  const wan = Math.floor(n / 1e4) % 1e4;
  const rest = n % 1e4;
  let out = "";
  if (yi > 0) out += `${yi === 2 ? "两" : section(yi, true)}亿`;
  if (wan > 0) {
    if (yi > 0 && wan < 1000) out += "零";
    out += `${wan === 2 ? "两" : section(wan, out === "")}万`;
  }
  if (rest > 0) {
    if (out !== "" && rest < 1000) out += "零";
    out += section(rest, out === "");
  }
  return out;
}

/**
 * A digit string read one digit at a time in Chinese; 1 as 幺 (the telephone reading) when `yao` is true.
 * @example zhDigits("13800138000", true) // "幺三八零零幺三八零零零"
 */
export function zhDigits(digits: string, yao: boolean): string {
  let out = "";
  for (const ch of digits) {
    const d = ch.charCodeAt(0) - 48;
    if (d < 0 || d > 9) continue;
    out += d === 1 && yao ? "幺" : ZH_DIGITS[d];
  }
  return out;
}
