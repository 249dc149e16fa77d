/** Reputation lookups, single and batch: answered from the in-memory index (services/reputation-service.ts). */
import type { BatchLookupRequest, BatchLookupResponse, LookupQuery, LookupResult } from "@scamguard/contracts";
import type { Services } from "../services/index.js";

/** @throws AppError 422 naming `value` when it cannot be normalised */
export function lookupIdentifier(services: Services, query: LookupQuery): Promise<LookupResult> {
  return services.reputation.lookup(query);
}

/** @throws AppError 422 naming `items.<i>.value` for the first item that cannot be normalised */
export async function lookupBatch(services: Services, body: BatchLookupRequest): Promise<BatchLookupResponse> {
  return { items: await services.reputation.lookupMany(body.items) };
}
