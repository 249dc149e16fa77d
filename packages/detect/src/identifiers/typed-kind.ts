/**
 * What kind of identifier a person typed on its own into a field or on the command line: the one guess the
 * Check page's identifier field, the Report form, the directory check and `scamguard lookup` share. A value
 * typed alone has no words around it, so a card or account number (16-19 digits, "the safe account the caller
 * read out") is told by its length, which extractIdentifiers leaves to context in running text.
 */
import type { IdentifierKind } from "@scamguard/contracts";

/**
 * @example typedIdentifierKind("jd-kefu@icloud.com") // "email"
 * @example typedIdentifierKind("6222 0212 3456 7890 123") // "bank_account"
 * @example typedIdentifierKind("京东客服") // "display_name"
 */
export function typedIdentifierKind(value: string): IdentifierKind {
  const v = value.trim();
  if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v)) return "email";
  if (/^(https?:\/\/|www\.)/i.test(v) || (/\//.test(v) && /\.[a-z]{2,}/i.test(v))) return "url";
  if (/^[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}$/i.test(v)) return "domain";
  const digits = v.replace(/[\s\-()]/g, "");
  if (/^\d{16,19}$/.test(digits)) return "bank_account";
  if (/^\+?\d{3,15}$/.test(digits)) return "phone";
  return "display_name";
}
