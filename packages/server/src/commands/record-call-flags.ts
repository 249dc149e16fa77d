/**
 * Stores calling-pattern flags from a CDR run (`scamguard ingest-cdr`, `scamguard stream`) as `raised`
 * events. Idempotent per caller, window and kind. Official directory numbers are refused here too (the
 * detectors never raise them; this keeps the store's promise whoever calls it). Running servers pick the
 * events up through NOTIFY (PostgreSQL) or at their next start (PGlite).
 */
import type { CallFlag } from "@scamguard/contracts";
import { institutionByKey } from "@scamguard/detect";
import type { Db } from "../db/client.js";
import { insertRaisedFlags } from "../services/call-flag-store.js";

/** @returns how many flags were new */
export async function recordCallFlags(db: Db, flags: readonly CallFlag[]): Promise<number> {
  const storable = flags.filter((f) => !institutionByKey("phone", f.caller));
  return storable.length === 0 ? 0 : insertRaisedFlags(db, storable);
}
