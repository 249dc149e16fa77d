/** Text: normalisation with offsets back to the original, language detection, amounts. */

export {
  type AmountMention,
  findAmounts,
  parseChineseAmount,
} from "./amount.js";
export { detectLang } from "./lang.js";
export { normalize, toOriginalSpan } from "./normalize.js";
