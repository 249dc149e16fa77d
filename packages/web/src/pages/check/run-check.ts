/**
 * One check: the server's verdict for the text (`POST /v1/analyze`, which also looks up every identifier
 * in it) and the reputation of the identifier typed in its own field, looked up privately (only a hash
 * prefix leaves the device: private-lookup.ts). When the server
 * cannot be reached, the same engine runs on this device (lazy-loaded: it is the biggest part of the
 * app) and the result says so; reputations then cannot be known.
 */
import type { AnalyzeResponse, FoundIdentifier, IdentifierKind, Lang, LookupVerdict, Verdict } from "@scamguard/contracts";
import { typedIdentifierKind } from "@scamguard/detect/identifiers/typed-kind";
import { ApiError, api } from "../../api/client.js";

export interface CheckedIdentifier {
  kind: IdentifierKind;
  value: string;
  /** The server's reputation; null when it was checked on the device (no reputation available). */
  verdict: LookupVerdict | null;
  /** Distinct reporters behind a suspicious/scam verdict (0 when none or unknown). */
  reporters: number;
  /** Directory id when the identifier is an official contact (known on the device too). */
  institution: string | null;
  /** Looked up by hash prefix only: the server did not see the value. */
  private: boolean;
}

export interface CheckResult {
  text: string;
  /** The identifier field as it was checked. */
  identifier: string;
  verdict: Verdict | null;
  /** What the verdict was made from: the text, or (no text) a link or address typed in its own field, on this device. */
  verdictOf: "text" | "identifier";
  identifiers: CheckedIdentifier[];
  /** Set when the server could not be reached and the device answered: why. */
  offlineReason: string | null;
}

/** `lang`: the page's language; the verdict is written in it (a Chinese text on the English page gets English advice). */
export async function runCheck(text: string, identifier: string, lang: Lang, signal?: AbortSignal): Promise<CheckResult> {
  try {
    return await checkOnServer(text, identifier, lang, signal);
  } catch (error) {
    if (error instanceof ApiError && error.unreachable) return checkOnDevice(text, identifier, lang, error.message);
    throw error;
  }
}

async function checkOnServer(text: string, identifier: string, lang: Lang, signal?: AbortSignal): Promise<CheckResult> {
  const typed = identifier.trim();
  const [analysis, own] = await Promise.all([
    text.trim() === "" ? null : api<AnalyzeResponse>("/v1/analyze", { body: { text, lang }, signal }),
    typed === "" ? null : lookUpPrivately(typed, signal),
  ]);
  const found = (analysis?.identifiers ?? []).map(fromFound);
  const identifiers = own ? [own, ...found.filter((f) => f.value !== own.value)] : found;
  if (analysis === null && typed !== "") {
    // A reported number or account typed alone: the reports make the verdict (as /v1/analyze counts them in a text).
    const reported = own !== null && (own.verdict === "suspicious" || own.verdict === "scam");
    const fromIdentifier = reported ? (await import("./device-engine.js")).reportedOnDevice(typed, lang, own) : await verdictOfIdentifier(typed, lang);
    if (fromIdentifier) return { text, identifier, verdict: fromIdentifier, verdictOf: "identifier", identifiers, offlineReason: null };
  }
  return { text, identifier, verdict: analysis?.verdict ?? null, verdictOf: "text", identifiers, offlineReason: null };
}

/**
 * A link or address typed alone has no text to analyse, yet its words can give it away ("icbc-zs.com borrows
 * the brand icbc"): the engine reads it ON THIS DEVICE, so the server still learns only a hash prefix. Only a
 * verdict that found something is shown; a plain link keeps the reputation line alone.
 */
async function verdictOfIdentifier(typed: string, lang: Lang): Promise<Verdict | null> {
  const kind = typedIdentifierKind(typed);
  if (kind !== "url" && kind !== "domain" && kind !== "email") return null;
  const engine = await import("./device-engine.js");
  const verdict = engine.analyzeOnDevice(typed, lang);
  return verdict.signals.some((s) => s.family !== "protective") ? verdict : null;
}

async function checkOnDevice(text: string, identifier: string, lang: Lang, reason: string): Promise<CheckResult> {
  const engine = await import("./device-engine.js");
  const typed = identifier.trim();
  const fromIdentifier = text.trim() === "" && typed !== "" ? await verdictOfIdentifier(typed, lang) : null;
  const verdict = text.trim() === "" ? fromIdentifier : engine.analyzeOnDevice(text, lang);
  const fromText = text.trim() === "" ? [] : engine.identifiersOnDevice(text);
  const typedOne = typed === "" ? [] : [engine.identifierOnDevice(typedIdentifierKind(typed), typed)];
  const verdictOf = fromIdentifier ? "identifier" : "text";
  return { text, identifier, verdict, verdictOf, identifiers: [...typedOne, ...fromText], offlineReason: reason };
}

/** The typed identifier by hash prefix; one that cannot be normalised (not a number, say) is a display name. */
async function lookUpPrivately(value: string, signal?: AbortSignal): Promise<CheckedIdentifier> {
  const { privateLookup } = await import("./private-lookup.js");
  const kind = typedIdentifierKind(value);
  const entry = kind === "display_name" ? undefined : await privateLookup(kind, value, signal);
  return {
    kind,
    value,
    verdict: entry === undefined ? null : (entry?.verdict ?? "unknown"),
    reporters: entry?.reporters ?? 0,
    // A display name naming an institution ("京东客服"): the list gives that institution's own number to call back,
    // resolved as `scamguard lookup` and the directory check resolve a claimed name.
    institution: kind === "display_name" ? ((await import("@scamguard/detect/directory/mentions")).resolveClaim(value)?.id ?? null) : null,
    private: entry !== undefined,
  };
}

const fromFound = (found: FoundIdentifier): CheckedIdentifier => ({
  kind: found.kind,
  value: found.value,
  verdict: found.lookup.verdict,
  reporters: found.lookup.distinctReporters,
  institution: found.lookup.institution,
  private: false,
});
