/** Advice sentences of the live-call assistant and the kill-chain guard (`data/killchain/advice.json`). */
import type { Advice, Lang } from "@scamguard/contracts";
import raw from "../../data/killchain/advice.json" with { type: "json" };

const TEXTS = new Map<string, { zh: string; en: string }>();
for (const [id, value] of Object.entries(raw)) {
  if (id.startsWith("$")) continue;
  const entry = value as { zh?: unknown; en?: unknown };
  if (typeof entry.zh !== "string" || typeof entry.en !== "string") throw new Error(`advice.json: ${id} needs zh and en`);
  TEXTS.set(id, { zh: entry.zh, en: entry.en });
}

/** Whether an advice id exists (rule and cue files are checked against this in tests). */
export const hasAdvice = (id: string): boolean => TEXTS.has(id);

/**
 * Advice ids → advice in one language, unknown ids dropped, duplicates removed, order kept.
 * @example adviceTexts(["never-read-code"], "en")[0]?.text // "Never read out an SMS code, ..."
 */
export function adviceTexts(ids: readonly string[], lang: Lang): Advice[] {
  const out: Advice[] = [];
  for (const id of new Set(ids)) {
    const text = TEXTS.get(id);
    if (text) out.push({ id, text: text[lang] });
  }
  return out;
}
