/**
 * `GET /v1/flags/{caller}` and `POST /v1/flags/{caller}/clear`: a caller's calling-pattern flag with its
 * evidence, window and trail; an analyst clears it with a reason (a new audited event, never an edit).
 */
import type { CallFlagRecord } from "@scamguard/contracts";
import type { Principal } from "../auth/principal.js";
import { normalizeIdentifier } from "@scamguard/detect";
import { conflict, notFound, unprocessable } from "../errors.js";
import type { Services } from "../services/index.js";

/** The lookup key of the caller in the path; 422 when it is not a phone number. */
export function callerKey(caller: string): string {
  const key = normalizeIdentifier("phone", caller);
  if (!key.ok) throw unprocessable("invalid_identifier", "caller: not a phone number", [{ path: "caller", message: "not a phone number" }]);
  return key.normalized;
}

/** @throws AppError 404 `flag_not_found` when the number was never flagged */
export async function getCallFlag(services: Services, caller: string): Promise<CallFlagRecord> {
  const record = await services.callFlags.trail(callerKey(caller));
  if (record === null) throw notFound("flag_not_found", `caller: no calling-pattern flag for this number`);
  return record;
}

/**
 * @throws AppError 404 `flag_not_found` when never flagged, 409 `flag_not_active` when already cleared
 */
export async function clearCallFlag(services: Services, caller: string, reason: string, principal: Principal): Promise<CallFlagRecord> {
  const key = callerKey(caller);
  const record = await services.callFlags.trail(key);
  if (record === null) throw notFound("flag_not_found", `caller: no calling-pattern flag for this number`);
  if (record.status !== "active") throw conflict("flag_not_active", "caller: the flag is already cleared");
  await services.callFlags.appendClear(key, principal.keyId, reason);
  return (await services.callFlags.trail(key)) as CallFlagRecord;
}
