/**
 * Reputation lookups, single and batch: answered from the in-memory index (services/reputation-service.ts).
 * The HTTP forms return the answer as JSON text (LookupResult / BatchLookupResponse), serialised from
 * cached parts: at a million identifiers a second, JSON.stringify of every answer would be the bottleneck.
 */
import type { BatchLookupQuery, BatchLookupRequest, LookupQuery } from "@scamguard/contracts";
import type { Services } from "../services/index.js";

/** JSON of a LookupResult. @throws AppError 422 naming `value` when it cannot be normalised */
export function lookupIdentifierJson(services: Services, query: LookupQuery): Promise<string> {
  return services.reputation.lookupJson(query);
}

/**
 * JSON of a BatchLookupResponse, or of a CompactBatchLookupResponse with `format=compact`.
 * @throws AppError 422 naming `items.<i>.value` for the first item that cannot be normalised
 */
export function lookupBatchJson(services: Services, body: BatchLookupRequest, query: BatchLookupQuery = {}): Promise<string> {
  return query.format === "compact" ? services.reputation.lookupManyCompactJson(body.items) : services.reputation.lookupManyJson(body.items);
}
