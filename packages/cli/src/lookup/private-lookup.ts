/**
 * `scamguard check --server URL`: the reputation of every identifier in a text, looked up privately. Only
 * the 5-hex-character prefixes of the identifiers' hashes leave this machine (one request per distinct
 * prefix); the match happens here.
 */
import { type RangeLookupResponse, RangeLookupResponseSchema } from "@scamguard/contracts";
import { type ExtractedIdentifier, type PrivateVerdict, privateVerdict, rangeProbes } from "@scamguard/detect";

export interface IdentifierReputation extends PrivateVerdict {
  kind: ExtractedIdentifier["kind"];
  value: string;
  normalized: string;
  /** The prefixes sent for it (what the server saw). */
  prefixes: string[];
}

/** Fails with a message naming the server and what went wrong. */
export async function privateLookup(server: string, identifiers: readonly ExtractedIdentifier[]): Promise<IdentifierReputation[]> {
  const base = server.replace(/\/+$/, "");
  const planned = identifiers.map((identifier) => ({ identifier, probes: rangeProbes(identifier.kind, identifier.normalized) }));
  const prefixes = [...new Set(planned.flatMap((p) => p.probes.map((probe) => probe.prefix)))];
  const answers = new Map<string, RangeLookupResponse>();
  await Promise.all(prefixes.map(async (prefix) => answers.set(prefix, await fetchRange(base, prefix))));
  return planned.map(({ identifier, probes }) => ({
    kind: identifier.kind,
    value: identifier.value,
    normalized: identifier.normalized,
    prefixes: [...new Set(probes.map((probe) => probe.prefix))],
    ...privateVerdict(probes, answers),
  }));
}

async function fetchRange(base: string, prefix: string): Promise<RangeLookupResponse> {
  const url = `${base}/v1/lookup/range/${prefix}`;
  let res: Response;
  try {
    res = await fetch(url, { headers: { accept: "application/json" }, signal: AbortSignal.timeout(10_000) });
  } catch (error) {
    throw new Error(`--server: could not reach ${base} (${(error as Error).message})`);
  }
  if (!res.ok) throw new Error(`--server: ${url} answered HTTP ${res.status}: ${(await res.text()).slice(0, 200)}`);
  const parsed = RangeLookupResponseSchema.safeParse(await res.json().catch(() => null));
  if (!parsed.success) throw new Error(`--server: ${url} did not answer a range lookup`);
  return parsed.data;
}

/** Terminal lines for the reputations. */
export function renderReputations(server: string, reputations: readonly IdentifierReputation[]): string {
  if (reputations.length === 0) return "";
  const lines = ["", `Reputation (private lookup at ${server}: only hash prefixes were sent)`];
  for (const r of reputations) {
    const what = r.via === "domain" ? ` (its domain)` : "";
    const detail =
      r.entry === null
        ? "no reports"
        : r.entry.verdict === "official"
          ? "official contact in the directory"
          : `${r.entry.reporters} distinct reporter${r.entry.reporters === 1 ? "" : "s"}${r.entry.updated ? `, last ${r.entry.updated}` : ""}`;
    lines.push(`  ${r.kind} ${r.normalized}: ${r.verdict}${what} — ${detail}`);
  }
  return `${lines.join("\n")}\n`;
}
