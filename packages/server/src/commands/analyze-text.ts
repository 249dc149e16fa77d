/**
 * Analyze one text: the engine's verdict. (The reports area extends the answer with the identifiers
 * found in the text and their reputation; it adds that here, not in the route.)
 */
import type { AnalyzeRequest, AnalyzeResponse } from "@scamguard/contracts";
import { analyze } from "@scamguard/detect";
import type { Principal } from "../auth/principal.js";
import type { Services } from "../services/index.js";

export async function analyzeText(_services: Services, input: AnalyzeRequest, _caller: Principal | null): Promise<AnalyzeResponse> {
  const verdict = analyze(input.text, input.lang === undefined ? {} : { lang: input.lang });
  return { verdict };
}
