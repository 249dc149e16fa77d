/**
 * The kind of identifier a person most likely pasted into the Report form, so that a link or an e-mail
 * pasted under the default "phone number" is filed as what it is instead of being refused.
 */
import type { IdentifierKind } from "@scamguard/contracts";

/**
 * @example guessIdentifierKind("https://jd-kefu.top/x") // "url"
 * @example guessIdentifierKind("6217 0038 1002 9483 711") // "bank_account"
 * @example guessIdentifierKind("+86 139 1234 5678") // "phone"
 */
export function guessIdentifierKind(value: string): IdentifierKind | null {
  const v = value.trim();
  if (v === "") return null;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(v) || /^www\./i.test(v)) return "url";
  if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v)) return "email";
  const digits = v.replace(/[\s()+.-]/g, "");
  if (/^\d+$/.test(digits)) {
    // Chinese bank cards have 16-19 digits; a phone number with its country code has at most 15 (E.164).
    if (digits.length >= 16 && digits.length <= 19 && !v.startsWith("+")) return "bank_account";
    return "phone";
  }
  if (/^[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}(\/\S*)?$/i.test(v)) return v.includes("/") ? "url" : "domain";
  return null;
}
