/**
 * What to do now: advice rules as data (advice.json), chosen by the furthest stage, the fraud mode, the
 * signals that fired and the impersonated institution, whose official number is named.
 */
import { type Advice, type DirectoryEntry, type FraudMode, type Lang, type RiskLevel, type Signal, type Stage, stageRank } from "@scamguard/contracts";
import { DIRECTORY } from "../directory/data.js";
import data from "./advice.json" with { type: "json" };

/** When a rule applies: any of stages / atLeast / signals / modes / always, and its `needs` and `withAny` if given. */
interface AdviceRule {
  id: string;
  when: {
    stages?: Stage[];
    atLeast?: Stage;
    signals?: string[];
    modes?: FraudMode[];
    always?: boolean;
    needs?: "institution" | "no-institution";
    /** Only when one of these signals also fired: "never enter card details on a link from a text" needs a link (a utility robocall gives none). */
    withAny?: string[];
  };
  zh: string;
  en: string;
}

/** Every advice rule in priority order (most urgent first). @example ADVICE_RULES[0].id // "stop-money-call-110" */
export const ADVICE_RULES: readonly AdviceRule[] = data.rules as AdviceRule[];

/** What {@link adviceFor} looks at. @example { stage: "harvest", mode: "impersonate_police", impersonating: "police", lang: "zh", signals } */
export interface AdviceInput {
  stage: Stage | null;
  mode: FraudMode | null;
  /** Directory id of the impersonated institution (`webank`, `jd`, `police` …) or null. */
  impersonating: string | null;
  lang: Lang;
  signals: readonly Signal[];
  /**
   * The verdict's risk: at medium or above a person always gets advice (at least the rules marked
   * `always`), even when no stage or mode was placed (a lone look-alike link, a reported number).
   */
  risk?: RiskLevel;
}

const fill = (template: string, vars: Record<string, string>): string => template.replace(/\{(\w+)\}/g, (_, k: string) => vars[k] ?? "");

/** Directory entries by id, the first listed for an id (as `DIRECTORY.find` would give). */
const ENTRY_BY_ID = new Map<string, DirectoryEntry>();
for (const entry of DIRECTORY) if (!ENTRY_BY_ID.has(entry.id)) ENTRY_BY_ID.set(entry.id, entry);

/** Every rule's text filled for one language and impersonated institution (index = rule index). */
interface FilledRules {
  number: string | undefined;
  texts: readonly string[];
}
/**
 * The filled texts depend only on the language and the institution (its name and number), so each pair is
 * filled once: 2 languages × the directory's entries (and none) bound it.
 */
const FILLED = new Map<string, FilledRules>();

function filledRules(impersonating: string | null, lang: Lang): FilledRules {
  const key = `${lang}:${impersonating ?? ""}`;
  let filled = FILLED.get(key);
  if (filled === undefined) {
    const entry = impersonating ? ENTRY_BY_ID.get(impersonating) : undefined;
    const number = entry ? officialNumber(entry, lang) : undefined;
    const vars = { name: entry ? entry.name[lang] : "", number: entry && number !== undefined ? numberToSay(entry, number, lang) : "" };
    filled = { number, texts: ADVICE_RULES.map((rule) => fill(rule[lang], vars)) };
    FILLED.set(key, filled);
  }
  return filled;
}

/**
 * Advice for a verdict, most urgent first; empty when the text shows no scam stage and no mode and the
 * risk is low or not given.
 * @example
 * adviceFor({ stage: "channel_switch", mode: "credit_repair", impersonating: "webank", lang: "en", signals })
 *   .map((a) => a.id) // ["stop-screen-share", "credit-record-pboc", "call-official-number", "hotline-96110", …]
 * // "Hang up and call WeBank yourself on its official number 95384; …"
 */
export function adviceFor(input: AdviceInput): Advice[] {
  const { stage, mode, impersonating, lang } = input;
  const worrying = input.risk !== undefined && input.risk !== "low";
  if (stage === null && mode === null && !worrying) return [];
  const fired = new Set(input.signals.filter((s) => s.weight > 0).map((s) => s.id));
  const { number, texts } = filledRules(impersonating, lang);
  const out: Advice[] = [];
  for (let r = 0; r < ADVICE_RULES.length; r++) {
    const rule = ADVICE_RULES[r]!;
    const w = rule.when;
    if (w.needs === "institution" && number === undefined) continue;
    if (w.needs === "no-institution" && number !== undefined) continue;
    if (w.withAny !== undefined && !w.withAny.some((id) => fired.has(id))) continue;
    const hit =
      w.always === true ||
      (stage !== null && w.stages?.includes(stage) === true) ||
      (stage !== null && w.atLeast !== undefined && stageRank(stage) >= stageRank(w.atLeast)) ||
      (mode !== null && w.modes?.includes(mode) === true) ||
      (w.signals?.some((id) => fired.has(id)) ?? false);
    if (hit) out.push({ id: rule.id, text: texts[r]! });
  }
  return out;
}

const CALL_OFFICIAL_NUMBER = "call-official-number";

/**
 * The number to call back in a person's language: an English reader gets the international one where the
 * directory has one (Apple: +1 800-275-2273, not its mainland 400 line), a Chinese reader the first listed.
 * @example officialNumber(DIRECTORY.find((e) => e.id === "apple")!, "en") // "+1 800-275-2273"
 */
export function officialNumber(entry: DirectoryEntry, lang: Lang): string | undefined {
  return (lang === "en" ? entry.numbers.find((n) => n.startsWith("+")) : undefined) ?? entry.numbers[0];
}

/**
 * "Hang up and call {name} yourself on its official number {number}" for the impersonated institution, in
 * `lang`; null when it is unknown or lists no number. The live call names it as the verdict does.
 * @example callOfficialAdvice("amazon", "en")?.text // "Hang up and call Amazon yourself on its official number +1 888-280-4331; …"
 */
export function callOfficialAdvice(impersonating: string | null, lang: Lang): Advice | null {
  const entry = impersonating ? DIRECTORY.find((e) => e.id === impersonating) : undefined;
  const number = entry ? officialNumber(entry, lang) : undefined;
  const rule = ADVICE_RULES.find((r) => r.id === CALL_OFFICIAL_NUMBER);
  if (!entry || number === undefined || !rule) return null;
  return { id: rule.id, text: fill(rule[lang], { name: entry.name[lang], number: numberToSay(entry, number, lang) }) };
}

/**
 * The call-back number as the advice says it: the police's 110 is China's, so an English reader (who may be
 * in the US, where a "fraud department" caller is police-like too) also hears 911, as the other rules say.
 * @example numberToSay(DIRECTORY.find((e) => e.id === "police")!, "110", "en") // "110 in China (911 in the US)"
 */
function numberToSay(entry: DirectoryEntry, number: string, lang: Lang): string {
  return lang === "en" && entry.kind === "police" && number === "110" ? "110 in China (911 in the US)" : number;
}

