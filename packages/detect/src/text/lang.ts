/** Language detection between the two languages scamguard speaks. */
import type { Lang } from "@scamguard/contracts";

/** 1 for a CJK ideograph (U+3400–4DBF, U+4E00–9FFF), 2 for a Latin letter (ASCII or full-width U+FF21–FF5A), else 0. */
const SCRIPT = new Uint8Array(65536);
SCRIPT.fill(1, 0x4e00, 0xa000);
SCRIPT.fill(1, 0x3400, 0x4dc0);
SCRIPT.fill(2, 0x61, 0x7b);
SCRIPT.fill(2, 0x41, 0x5b);
SCRIPT.fill(2, 0xff21, 0xff5b);

/**
 * `zh` when CJK ideographs carry a real share of the text (one ideograph weighs about as much as a
 * four-letter English word), else `en`. Empty text is `en`.
 * @example detectLang("您好，这里是京东客服") // "zh"
 * @example detectLang("Hi, this is Amazon support, call 张三") // "en"
 */
export function detectLang(text: string): Lang {
  let cjk = 0;
  let latin = 0;
  const n = Math.min(text.length, 4096);
  // Branch-free counting: mixed zh/en text made the two range tests mispredict on most characters.
  for (let i = 0; i < n; i++) {
    const k = SCRIPT[text.charCodeAt(i)]!;
    cjk += k & 1;
    latin += k >> 1;
  }
  return cjk > 0 && cjk * 4 >= latin * 0.4 ? "zh" : "en";
}
