/**
 * The private range lookup: `GET /v1/lookup/range/{prefix}` (k-anonymity, as the "Have I Been Pwned"
 * range API). The client hashes `kind:normalised value` itself (detect's `identifierHash`) and sends only
 * the first RANGE_PREFIX_CHARS hex characters; the answer lists every known identifier whose hash starts
 * with them, padded with decoys to a fixed count, and the client finds its own suffix among them.
 */
import { z } from "zod";

/** Hex characters of the hash that the client sends (20 bits: 1,048,576 possible prefixes). */
export const RANGE_PREFIX_CHARS = 5;
/** Hex characters of SHA-256 that identify an identifier (128 bits; prefix + suffix). */
export const RANGE_HASH_HEX_CHARS = 32;

/**
 * Path of `GET /v1/lookup/range/{prefix}`: exactly five hex characters, either case.
 * @example RangeParamsSchema.parse({ prefix: "f13a0" })
 */
export const RangeParamsSchema = z.object({
  prefix: z
    .string()
    .regex(/^[0-9a-fA-F]{5}$/, "prefix: must be the first 5 hex characters of the identifier's SHA-256 hash")
    .transform((p) => p.toLowerCase()),
});
export type RangeParams = z.infer<typeof RangeParamsSchema>;

/**
 * One identifier (or decoy) in a range answer. Every entry has the same shape: decoys are made to look
 * like real entries and never match a real identifier's hash.
 * - `suffix`: hash characters 6 to 32 (27 hex characters);
 * - `verdict`: `official` (directory contact), `suspicious` (reports or imported lists), `scam` (confirmed);
 * - `reporters`: distinct reporters behind it (capped at 65,535);
 * - `updated`: day of the last report or listing (UTC), null for official contacts.
 * @example { suffix: "8f80f3354cb33b2cde6aa8e4544", verdict: "suspicious", reporters: 3, updated: "2026-12-02" }
 */
export const RangeEntrySchema = z.object({
  suffix: z.string().regex(/^[0-9a-f]{27}$/),
  verdict: z.enum(["official", "suspicious", "scam"]),
  reporters: z.number().int().nonnegative(),
  updated: z.string().nullable(),
});
export type RangeEntry = z.infer<typeof RangeEntrySchema>;

/**
 * Answer of `GET /v1/lookup/range/{prefix}`: entries sorted by suffix; how many are real is not said.
 * @example { prefix: "f13a0", entries: [{ suffix: "8f80f3354cb33b2cde6aa8e4544", verdict: "suspicious", reporters: 3, updated: "2026-12-02" }, ...] }
 */
export const RangeLookupResponseSchema = z.object({
  prefix: z.string(),
  entries: z.array(RangeEntrySchema),
});
export type RangeLookupResponse = z.infer<typeof RangeLookupResponseSchema>;

/** A 304 answer: the ETag sent in If-None-Match is still current; no body. */
export const NotModifiedSchema = z.null().describe("not modified: the ETag sent in If-None-Match is current");
