/**
 * The private (k-anonymity) range lookup, client side: how an identifier is hashed, which prefix is sent,
 * and how the answer is matched. Pure and synchronous (SHA-256 from @noble/hashes, no Web Crypto promise,
 * no Node API), so the CLI, the web app, the server and third parties hash byte for byte alike.
 *
 *   hash input  = `${kind}:${normalizeIdentifier(kind, value).normalized}` encoded as UTF-8
 *   hash        = the first RANGE_HASH_HEX_CHARS hex characters (128 bits) of SHA-256(hash input), lower case
 *   prefix      = its first RANGE_PREFIX_CHARS hex characters: the only thing the server receives
 *   suffix      = the rest: matched by the client against the answer's entries
 */
import type { IdentifierKind, RangeEntry, RangeLookupResponse } from "@scamguard/contracts";
import { RANGE_HASH_HEX_CHARS, RANGE_PREFIX_CHARS } from "@scamguard/contracts";
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";
import { normalizeIdentifier } from "./normalize.js";

/**
 * The exact text that is hashed for an identifier, or null when the value cannot be normalised.
 * @example identifierHashInput("phone", "+86 170 1234 5678") // "phone:+8617012345678"
 * @example identifierHashInput("domain", "https://www.JD-kefu.com/x") // "domain:jd-kefu.com"
 */
export function identifierHashInput(kind: IdentifierKind, value: string): string | null {
  const key = normalizeIdentifier(kind, value);
  return key.ok ? hashInputOf(kind, key.normalized) : null;
}

/**
 * The hash input of an already-normalised key (what the server indexes).
 * @example hashInputOf("phone", "95588") // "phone:95588"
 */
export function hashInputOf(kind: IdentifierKind, normalized: string): string {
  return `${kind}:${normalized}`;
}

/**
 * The whole SHA-256 of an already-normalised key, 64 lower-case hex characters: the one digest behind the
 * range lookup (its first 32 characters) and declared contacts (`contactHashOf`, all 64).
 * @example identifierDigest("phone", "+8617012345678").slice(0, 8) // "f13a08f8"
 */
export function identifierDigest(kind: IdentifierKind, normalized: string): string {
  return bytesToHex(sha256(utf8ToBytes(hashInputOf(kind, normalized))));
}

/**
 * The range-lookup hash of an already-normalised key: 32 lower-case hex characters.
 * @example normalizedHash("phone", "+8617012345678") // "f13a08f80f3354cb33b2cde6aa8e4544"
 */
export function normalizedHash(kind: IdentifierKind, normalized: string): string {
  return identifierDigest(kind, normalized).slice(0, RANGE_HASH_HEX_CHARS);
}

/**
 * The range-lookup hash of a raw identifier (normalised first), or null when it cannot be normalised.
 * @example identifierHash("phone", "+8617012345678") // "f13a08f80f3354cb33b2cde6aa8e4544"
 */
export function identifierHash(kind: IdentifierKind, value: string): string | null {
  const key = normalizeIdentifier(kind, value);
  return key.ok ? normalizedHash(kind, key.normalized) : null;
}

/**
 * What goes in the URL: `GET /v1/lookup/range/{prefix}`.
 * @example rangePrefix("f13a08f80f3354cb33b2cde6aa8e4544") // "f13a0"
 */
export function rangePrefix(hash: string): string {
  return hash.slice(0, RANGE_PREFIX_CHARS);
}

/**
 * The entry of a range answer that is this hash, or null (nothing known: `unknown`).
 * @example findInRange(await (await fetch(`${server}/v1/lookup/range/${rangePrefix(h)}`)).json(), h)
 */
export function findInRange(answer: Pick<RangeLookupResponse, "prefix" | "entries">, hash: string): RangeEntry | null {
  if (answer.prefix !== rangePrefix(hash)) return null;
  const suffix = hash.slice(RANGE_PREFIX_CHARS);
  return answer.entries.find((entry) => entry.suffix === suffix) ?? null;
}
