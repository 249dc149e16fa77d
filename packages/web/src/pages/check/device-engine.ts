/**
 * The detection engine on this device, for when the server cannot be reached. Imported lazily by
 * run-check.ts, so its dictionaries (Traditional→Simplified, phone metadata, public suffixes) are only
 * downloaded when needed. Only pure modules of @scamguard/detect: no network, no storage.
 */
import type { IdentifierKind, Lang, Verdict } from "@scamguard/contracts";
import { analyze } from "@scamguard/detect/analyze";
import { officialContactOwner } from "@scamguard/detect/directory/index";
import { extractIdentifiers } from "@scamguard/detect/identifiers/index";
import { withReputation } from "@scamguard/detect/reputation/in-verdict";
import type { CheckedIdentifier } from "./run-check.js";

/** `lang`: the page's language, which the verdict's reasons and advice are written in. */
export function analyzeOnDevice(text: string, lang: Lang): Verdict {
  return analyze(text, { lang });
}

/**
 * A number, account or link typed alone that people reported (or the centre confirmed): its words read here
 * and its reputation counted, as `/v1/analyze` and `scamguard check --server` count it, so the page answers
 * with a risk and what to do instead of a reputation line alone.
 */
export function reportedOnDevice(typed: string, lang: Lang, own: Pick<CheckedIdentifier, "kind" | "verdict" | "reporters">): Verdict {
  const verdict = own.verdict ?? "unknown";
  return withReputation(analyze(typed, { lang }), [{ kind: own.kind, value: typed, verdict, distinctReporters: own.reporters }]);
}

export function identifiersOnDevice(text: string): CheckedIdentifier[] {
  return extractIdentifiers(text).map((found) => identifierOnDevice(found.kind, found.value));
}

export function identifierOnDevice(kind: IdentifierKind, value: string): CheckedIdentifier {
  const institution = officialContactOwner(kind, value)?.id ?? null;
  return { kind, value, verdict: institution ? "official" : null, reporters: 0, institution, private: false };
}
