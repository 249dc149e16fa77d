/**
 * The range lookup's view of the reputation index: every key with evidence plus the official directory's
 * numbers, domains and apps (official even when nobody reported them), each key's row as the plain lookup
 * would answer it now, and the keys changed since last asked.
 */
import type { IdentifierKind } from "@scamguard/contracts";
import { listInstitutions, normalizedHash, normalizeIdentifier, officialDomains, officialNumbers } from "@scamguard/detect";
import type { LookupIndex } from "./lookup-index.js";
import type { RangeSource } from "./range-index.js";

/** Official contacts as [kind, normalized]: computed once (the directory is a data file). */
let officialKeys: Array<readonly [IdentifierKind, string]> | null = null;

function officialKeyList(): Array<readonly [IdentifierKind, string]> {
  if (officialKeys !== null) return officialKeys;
  const keys: Array<readonly [IdentifierKind, string]> = [];
  for (const number of officialNumbers().keys()) keys.push(["phone", number]);
  for (const domain of officialDomains().keys()) keys.push(["domain", domain]);
  for (const institution of listInstitutions()) {
    for (const app of institution.apps) {
      const key = normalizeIdentifier("app", app);
      if (key.ok) keys.push(["app", key.normalized]);
    }
  }
  officialKeys = keys;
  return keys;
}

export function rangeSourceOf(index: LookupIndex): RangeSource {
  index.trackChanges();
  return {
    forEachKey(visit) {
      index.forEachKey(visit);
      for (const [kind, normalized] of officialKeyList()) visit(kind, normalized);
    },
    rowOf(kind, normalized, nowMs) {
      const answer = index.answer(kind as IdentifierKind, "", normalized, nowMs);
      if (answer.verdict === "unknown") return null;
      return { verdict: answer.verdict, reporters: answer.distinctReporters, lastMs: answer.lastSeen === null ? null : Date.parse(answer.lastSeen) };
    },
    drainChanged: () => index.drainChanged(),
    hashOf: (kind, normalized) => normalizedHash(kind as IdentifierKind, normalized),
  };
}
