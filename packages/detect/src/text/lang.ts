/** Language detection between the two languages scamguard speaks. */
import type { Lang } from "@scamguard/contracts";

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
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf)) cjk++;
    else if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0xff21 && c <= 0xff5a)) latin++;
  }
  return cjk > 0 && cjk * 4 >= latin * 0.4 ? "zh" : "en";
}
