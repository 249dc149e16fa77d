/**
 * A declared-contact verification folded into a live call: when the caller claims an institution that
 * declares its contacts and declared none to this person (`not_verified`), the call is an impersonation
 * at once — cue `contact:not-declared`, whose risk rule in cues.json holds the call at high or above from
 * then on. Pure: the server verifies, this only records the result.
 */
import { type ConversationAlert, PLAYBOOK_STAGES, RISK_LEVELS, type Stage } from "@scamguard/contracts";
import type { ContactFact } from "../session/state.js";
import { adviceTexts } from "./advice-texts.js";
import { type ConversationState, riskOf } from "./analyser.js";
import { CUES } from "./cues.js";

export const CONTACT_NOT_DECLARED = "contact:not-declared";

/**
 * Records a verification result; an alert only for a first `not_verified`. Pure: `state` is not modified.
 * @example addContactFact(createConversation("en"), { result: "not_verified", institution: { zh: "京东", en: "JD.com" } }).state.risk // "high"
 */
export function addContactFact(state: ConversationState, fact: ContactFact): { state: ConversationState; alerts: ConversationAlert[] } {
  if (fact.result !== "not_verified" || state.cues[CONTACT_NOT_DECLARED] !== undefined) return { state, alerts: [] };
  const utterance = Math.max(0, state.utterances - 1);
  const lang = state.lang ?? "zh";
  const cues = { ...state.cues, [CONTACT_NOT_DECLARED]: utterance };
  const stageSet = new Set<Stage>([...state.stages, "impersonation"]);
  const stages = PLAYBOOK_STAGES.ids.filter((s) => stageSet.has(s));
  const ladder = riskOf(new Set(Object.keys(cues)), new Set(stages));
  const risk = RISK_LEVELS.ids.indexOf(ladder) >= RISK_LEVELS.ids.indexOf(state.risk) ? ladder : state.risk; // never lowers
  const cue = CUES.get(CONTACT_NOT_DECLARED);
  const name = fact.institution ? `${fact.institution[lang]}: ` : "";
  const next: ConversationState = { ...state, lang, cues, risk, alerts: state.alerts + 1, stage: stages[stages.length - 1] ?? null, stages };
  const alert: ConversationAlert = {
    seq: next.alerts,
    utterance,
    kind: "risk",
    stage: next.stage,
    risk,
    cues: [CONTACT_NOT_DECLARED],
    title: `${name}${cue?.title[lang] ?? CONTACT_NOT_DECLARED}`,
    advice: adviceTexts(cue?.advice ?? ["hang-up-call-official"], lang),
    evidence: [],
  };
  return { state: next, alerts: [alert] };
}
