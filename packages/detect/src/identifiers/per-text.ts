/**
 * Identifiers of one analysed text, extracted once and shared by every detector that needs them
 * (link and contact both read the original text's identifiers).
 */
import type { NormalizedText } from "../types.js";
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
    CACHE.set(text, ids);
  }
  return ids;
}
