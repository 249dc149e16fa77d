/**
 * The kind of identifier a person most likely pasted into the Report form, so that a link or an e-mail
 * pasted under the default "phone number" is filed as what it is instead of being refused. The same
 * guess as the Check page's identifier field (detect's typedIdentifierKind), except that text it cannot place leaves the
 * chosen kind alone (null) instead of becoming a display name.
 */
import type { IdentifierKind } from "@scamguard/contracts";
import { typedIdentifierKind } from "@scamguard/detect/identifiers/typed-kind";

/**
 * @example guessIdentifierKind("https://jd-kefu.top/x") // "url"
 * @example guessIdentifierKind("6217 0038 1002 9483 711") // "bank_account"
 * @example guessIdentifierKind("京东客服") // null
 */
export function guessIdentifierKind(value: string): IdentifierKind | null {
  if (value.trim() === "") return null;
  const kind = typedIdentifierKind(value);
  return kind === "display_name" ? null : kind;
}
