/** Text: normalisation with offsets back to the original, language detection, amounts. */
export { normalize, toOriginalSpan } from "./normalize.js";
export { detectLang } from "./lang.js";
export { parseChineseAmount, findAmounts, type AmountMention } from "./amount.js";
