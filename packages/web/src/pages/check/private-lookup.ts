/**
 * The private (k-anonymity) reputation lookup of one identifier: hashed on this device
 * (`kind:normalised value`, detect's identifierHash), only the first 5 hex characters are sent
 * (`GET /v1/lookup/range/{prefix}`), and the answer's entries are matched here. The server never learns
 * which number or address was checked. Loaded lazily with the identifier normaliser.
 */
import type { IdentifierKind, RangeEntry, RangeLookupResponse } from "@scamguard/contracts";
import { findInRange, identifierHash, rangePrefix } from "@scamguard/detect/identifiers/hash";
import { contactHash } from "@scamguard/detect/contacts/contact-hash";
import { api } from "../../api/client.js";

/** The entry for this identifier (null: nothing known), or undefined when it cannot be normalised. */
export async function privateLookup(kind: IdentifierKind, value: string, signal?: AbortSignal): Promise<RangeEntry | null | undefined> {
  const hash = identifierHash(kind, value);
  if (hash === null) return undefined;
  const answer = await api<RangeLookupResponse>(`/v1/lookup/range/${rangePrefix(hash)}`, { signal });
  return findInRange(answer, hash);
}

/** The hash of the person's own number or e-mail for "is it really them?"; null when it is neither. */
export function ownContactHash(value: string): string | null {
  const v = value.trim();
  return v.includes("@") ? contactHash("email", v) : contactHash("phone", v);
}
