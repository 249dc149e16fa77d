/**
 * The hash that stands for a person in declared outbound contacts: lower-case hex SHA-256 of
 * `kind:normalised value` (`phone:+8613800000001`, `email:li.lei@example.com`), the value normalised by
 * `normalizeIdentifier`: the one digest of identifiers/hash.ts (`identifierDigest`), whose first 32
 * characters are the range lookup's hash; here all 64. Pure and synchronous, so the CLI, the web app and an
 * institution's systems hash byte for byte alike.
 *
 * A hash of a phone number is a pseudonym, not anonymity (the number space can be enumerated): the server
 * keeps these only while a declaration is live, never logs them, and answers only an exact match.
 */
import { identifierDigest } from "../identifiers/hash.js";
import { normalizeIdentifier } from "../identifiers/normalize.js";

/** Who can be contacted: by phone number or by e-mail address / Apple ID. */
export type ContactKind = "phone" | "email";

/**
 * The hash of an already-normalised phone (E.164 or short number) or e-mail address.
 * @example contactHashOf("phone", "+8613800000001").length // 64
 */
export function contactHashOf(kind: ContactKind, normalized: string): string {
  return identifierDigest(kind, normalized);
}

/**
 * The hash of a person's own number or address as they write it, or null when it is not one.
 * @example contactHash("phone", "+86 138 0000 0001") === contactHash("phone", "13800000001") // true
 * @example contactHash("email", "Li.Lei@Example.com") === contactHashOf("email", "li.lei@example.com") // true
 */
export function contactHash(kind: ContactKind, value: string): string | null {
  const key = normalizeIdentifier(kind, value);
  return key.ok ? contactHashOf(kind, key.normalized) : null;
}
