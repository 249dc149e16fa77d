/**
 * Identifier normalisation as the API needs it: detect's `normalizeIdentifier` (the one definition shared
 * with extraction), memoised, with failures turned into 422s naming the request field.
 *
 * Why a memo: libphonenumber takes ~12 µs per number, which alone would cap batch lookups near 80k/s.
 * Institutions look up the same callers again and again, so a bounded memo (cleared wholesale when
 * full: no LRU bookkeeping on the hot path) keeps repeated lookups at Map speed.
 */
import type { IdentifierKind } from "@scamguard/contracts";
import { type NormalizeResult, normalizeIdentifier } from "@scamguard/detect";
import { unprocessable } from "../errors.js";

/** Most memoised normalisations kept before the memo is cleared. */
export const NORMALIZE_MEMO_SIZE = 200_000;

type Memo = Map<string, string | { error: string }>;
const memos: Partial<Record<IdentifierKind, Memo>> = {};

/**
 * The normalised key of an identifier, or a 422 whose message names `field` (e.g. `identifiers.0`; "" for
 * a top-level `value`).
 * @example normalizedOrThrow("phone", "138 0013 8000", "identifiers.0") // "+8613800138000"
 * @throws AppError 422 `invalid_identifier`: "identifiers.0.value: not a phone number ("abc")"
 */
export function normalizedOrThrow(kind: IdentifierKind, value: string, field: string): string {
  let memo = memos[kind];
  if (memo === undefined) {
    memo = new Map();
    memos[kind] = memo;
  }
  const known = memo.get(value) ?? remember(memo, value, normalizeIdentifier(kind, value));
  if (typeof known === "string") return known;
  const prefix = field === "" ? "" : `${field}.`;
  throw unprocessable("invalid_identifier", `${prefix}${known.error}`, [{ path: `${prefix}value`, message: known.error.replace(/^value: /, "") }]);
}

function remember(memo: Memo, value: string, result: NormalizeResult): string | { error: string } {
  const known = result.ok ? result.normalized : { error: result.error };
  if (memo.size >= NORMALIZE_MEMO_SIZE) memo.clear();
  memo.set(value, known);
  return known;
}
