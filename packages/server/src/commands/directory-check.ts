/** The official directory: search, and "is this contact really the institution it claims to be?". */
import type { DirectorySearchQuery, DirectorySearchResponse, VerifyRequest, VerifyResponse } from "@scamguard/contracts";
import { searchDirectory, verifyClaim } from "@scamguard/detect";
import { normalizedOrThrow } from "../services/identifier-keys.js";

/** Best match first; no `q` lists every institution. */
export function searchInstitutions(query: DirectorySearchQuery): DirectorySearchResponse {
  return { items: searchDirectory(query.q ?? "") };
}

/**
 * @throws AppError 422 naming `contact.value` when the contact is not a valid identifier of its kind
 *   (a typo must not come back as "mismatch", which would wrongly accuse a real number)
 */
export function verifyContact(input: VerifyRequest): VerifyResponse {
  normalizedOrThrow(input.contact.kind, input.contact.value, "contact");
  // The reasons are read by a person: in the language asked for, else the claim's ("京东客服" → Chinese).
  const lang = input.lang === "zh" || input.lang === "en" ? input.lang : /[\u3400-\u9fff]/.test(input.claimed) ? "zh" : "en";
  return verifyClaim({ claimed: input.claimed, contact: input.contact, ...(input.channel ? { channel: input.channel } : {}), lang });
}
