/**
 * Identifiers of one analysed text, extracted once and shared by every detector that needs them
 * (link and contact both read the original text's identifiers).
 */
import type { NormalizedText } from "../types.js";
import { toOriginalSpan } from "../text/normalize.js";
import { type ExtractedIdentifier, extractIdentifiers } from "./extract.js";

const CACHE = new WeakMap<NormalizedText, readonly ExtractedIdentifier[]>();

/**
 * `extractIdentifiers(text.original)`, computed once per NormalizedText object.
 * @example identifiersOf(normalize("call 95588")) // [{ kind: "phone", value: "95588", ... }]
 */
export function identifiersOf(text: NormalizedText): readonly ExtractedIdentifier[] {
  let ids = CACHE.get(text);
  if (!ids) {
    ids = extractIdentifiers(text.original);
    if (text.spoken === true) ids = withSpokenPhones(text, ids);
    CACHE.set(text, ids);
  }
  return ids;
}

/**
 * The phone numbers a call transcript says in words ("call one eight hundred…", "拨打一零零八六"), which
 * readSpoken wrote as digits in the normalised text, added to the original's identifiers with spans on the
 * spoken words: the official directory knows "一零零八六" as 10086, and a spoken callback number is looked up.
 */
function withSpokenPhones(text: NormalizedText, ids: readonly ExtractedIdentifier[]): readonly ExtractedIdentifier[] {
  const out = ids.slice();
  for (const id of extractIdentifiers(text.normalized)) {
    if (id.kind !== "phone") continue;
    const span = toOriginalSpan(text, id.start, id.end);
    if (out.some((o) => o.start < span.end && span.start < o.end)) continue;
    out.push({ ...id, value: span.text, start: span.start, end: span.end });
  }
  return out.length === ids.length ? ids : out.sort((a, b) => a.start - b.start);
}
