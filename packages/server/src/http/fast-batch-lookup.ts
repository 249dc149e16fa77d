/**
 * The fast check of `POST /v1/lookup`'s body (http/validation.ts `withFastCheck`): a strict zod walk of
 * 1,000 identifiers cost more than looking them up. Accepts exactly what the strict BatchLookupRequestSchema
 * accepts (only `items`; 1 to MAX_LOOKUP_BATCH items of only `kind` from the taxonomy and a string `value`,
 * 1 to MAX_IDENTIFIER_CHARS characters once trimmed) and answers the same value (values trimmed); anything
 * else answers undefined and goes to zod, which names the field in its 400.
 */
import { type BatchLookupRequest, IdentifierKindSchema, MAX_IDENTIFIER_CHARS, MAX_LOOKUP_BATCH } from "@scamguard/contracts";

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
    const item: unknown = items[i];
    if (!isRecord(item) || !onlyKeys(item, "kind", "value")) return undefined;
    const { kind, value } = item;
    if (typeof kind !== "string" || !KINDS.has(kind) || typeof value !== "string") return undefined;
    const trimmed = value.trim();
    if (trimmed.length < 1 || trimmed.length > MAX_IDENTIFIER_CHARS) return undefined;
    out[i] = { kind: kind as BatchLookupRequest["items"][number]["kind"], value: trimmed };
  }
  return { items: out };
}
