/**
 * The fast checks of `POST /v1/lookup`'s body and `GET /v1/lookup`'s query (http/validation.ts `withFastCheck`):
 * a strict zod walk of 1,000 identifiers cost more than looking them up. Accepts exactly what the strict BatchLookupRequestSchema
 * accepts (only `items`; 1 to MAX_LOOKUP_BATCH items of only `kind` from the taxonomy and a string `value`,
 * 1 to MAX_IDENTIFIER_CHARS characters once trimmed) and answers the same value (values trimmed); anything
 * else answers undefined and goes to zod, which names the field in its 400.
 */
import { type BatchLookupRequest, IdentifierKindSchema, type LookupQuery, MAX_IDENTIFIER_CHARS, MAX_LOOKUP_BATCH } from "@scamguard/contracts";

const KINDS: ReadonlySet<string> = new Set(IdentifierKindSchema.options);

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

function onlyKeys(record: Record<string, unknown>, a: string, b?: string): boolean {
  let n = 0;
  for (const key in record) {
    if (!Object.hasOwn(record, key)) continue;
    if (key !== a && key !== b) return false;
    n++;
  }
  return n === (b === undefined ? 1 : 2);
}

export function fastBatchLookupBody(data: unknown): BatchLookupRequest | undefined {
  if (!isRecord(data) || !onlyKeys(data, "items")) return undefined;
  const items = data.items;
  if (!Array.isArray(items) || items.length < 1 || items.length > MAX_LOOKUP_BATCH) return undefined;
  const out: BatchLookupRequest["items"] = new Array(items.length);
  for (let i = 0; i < items.length; i++) {
    const item = fastLookupQuery(items[i]);
    if (item === undefined) return undefined;
    out[i] = item;
  }
  return { items: out };
}

/**
 * The fast check of one identifier: an item of the batch, or `GET /v1/lookup`'s query string (whose zod walk
 * was a tenth of a single lookup's cost): only `kind` from the taxonomy and a string `value`, 1 to
 * MAX_IDENTIFIER_CHARS characters once trimmed; the same value as zod's (value trimmed), else undefined.
 */
export function fastLookupQuery(data: unknown): LookupQuery | undefined {
  if (!isRecord(data) || !onlyKeys(data, "kind", "value")) return undefined;
  const { kind, value } = data;
  if (typeof kind !== "string" || !KINDS.has(kind) || typeof value !== "string") return undefined;
  const trimmed = value.trim();
  if (trimmed.length < 1 || trimmed.length > MAX_IDENTIFIER_CHARS) return undefined;
  return { kind: kind as LookupQuery["kind"], value: trimmed };
}
