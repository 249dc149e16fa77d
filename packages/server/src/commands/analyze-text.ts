/**
 * Analyze one text: the engine's verdict, plus every identifier found in the analysed part of the text
 * with its reputation (answered from the in-memory index, like `GET /v1/lookup`). That reputation counts
 * in the verdict: a number confirmed by the centre or reported by several people raises the risk, with
 * the reason in the verdict's language (withReputation).
 */
import type { AnalyzeRequest, AnalyzeResponse, FoundIdentifier } from "@scamguard/contracts";
import { analyze, extractIdentifiers, MAX_ANALYZED_CHARS, withReputation } from "@scamguard/detect";
import type { Principal } from "../auth/principal.js";
import type { Services } from "../services/index.js";
import { reputationReasons } from "../services/reputation-reasons.js";

/** Most identifiers looked up for one text (a pasted contact list must not make the answer unbounded). */
export const MAX_ANALYZED_IDENTIFIERS = 200;

export async function analyzeText(services: Services, input: AnalyzeRequest, _caller: Principal | null): Promise<AnalyzeResponse> {
  const verdict = analyze(input.text, input.lang === undefined ? {} : { lang: input.lang });
  const found = extractIdentifiers(input.text.slice(0, MAX_ANALYZED_CHARS)).slice(0, MAX_ANALYZED_IDENTIFIERS);
  const identifiers: FoundIdentifier[] = [];
  for (const item of found) {
    const answer = await services.reputation.answer(item.kind, item.value, item.normalized);
    // Inside a Chinese verdict the lookup's reasons are Chinese too (the index writes them in English).
    const lookup = verdict.lang === "en" ? answer : { ...answer, reasons: reputationReasons(answer, verdict.lang) };
    identifiers.push({ kind: item.kind, value: item.value, normalized: item.normalized, start: item.start, end: item.end, lookup });
  }
  const standings = identifiers.map((i) => ({ kind: i.kind, value: i.value, verdict: i.lookup.verdict, distinctReporters: i.lookup.distinctReporters }));
  return { verdict: withReputation(verdict, standings), identifiers };
}
