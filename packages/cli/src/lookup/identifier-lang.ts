/**
 * The language to answer in when the input is only a number, address or link (no words to tell by):
 * Chinese for a value with Chinese in it, a +86 number, a Chinese service number (95xxx) or a Chinese
 * locale; English otherwise.
 */
import type { ExtractedIdentifier } from "@scamguard/detect";

/** @example guessLang("17012345678", extractIdentifiers("17012345678")) // "zh" */
export function guessLang(value: string, identifiers: readonly Pick<ExtractedIdentifier, "kind" | "normalized">[]): "zh" | "en" {
  if (/[\u4e00-\u9fff]/.test(value)) return "zh";
  if (identifiers.some((i) => i.kind === "phone" && (i.normalized.startsWith("+86") || /^9\d{4,5}$/.test(i.normalized)))) return "zh";
  const locale = process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || "";
  return locale.toLowerCase().startsWith("zh") ? "zh" : "en";
}

/**
 * Whether a text is nothing but its identifiers (and separators): then its words cannot pick the language.
 * @example onlyIdentifiers("+86 170 1234 5678", extractIdentifiers("+86 170 1234 5678")) // true
 */
export function onlyIdentifiers(text: string, identifiers: readonly Pick<ExtractedIdentifier, "start" | "end">[]): boolean {
  let rest = "";
  let cursor = 0;
  for (const { start, end } of [...identifiers].sort((a, b) => a.start - b.start)) {
    rest += text.slice(cursor, Math.max(cursor, start));
    cursor = Math.max(cursor, end);
  }
  rest += text.slice(cursor);
  return identifiers.length > 0 && !/[\p{L}]/u.test(rest);
}
