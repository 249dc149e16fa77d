/**
 * The streaming conversation analyser: utterance by utterance, which playbook stages the call has
 * reached, the risk so far, and an alert the moment either rises (or a dangerous ask is first heard).
 * State is plain JSON so a server can persist it; each call costs one utterance, not the transcript.
 */
import {
  type Advice,
  type ConversationAlert,
  type ConversationEvidence,
  type Lang,
  PLAYBOOK_STAGES,
  RISK_LEVELS,
  type RiskLevel,
  type Signal,
  type Speaker,
  type Stage,
  stageRank,
} from "@scamguard/contracts";
import { callOfficialAdvice } from "../advice/advice.js";
import { type Assessment, assess } from "../analyze.js";
import { adviceTexts } from "./advice-texts.js";
import { CUE_FILE, CUES, type CueHit, matchCues } from "./cues.js";

/** Where a conversation stands. Serialisable with JSON.stringify and back. */
export interface ConversationState {
  v: 1;
  /** Language of titles and advice; null until the first utterance decides it. */
  lang: Lang | null;
  utterances: number;
  /** Alerts raised so far (the next alert's seq is alerts + 1). */
  alerts: number;
  /** Cue id → index of the utterance where it was first heard. */
  cues: Record<string, number>;
  /** Stages reached, in playbook order. */
  stages: Stage[];
  stage: Stage | null;
  risk: RiskLevel;
}

/** Most characters of the call read whole after each utterance (a robocall, a scam call's opening minutes). */
export const TRANSCRIPT_WINDOW = 8_000;

/** Extra detectors run on each utterance (default: the text engine's signals, as `analyze` gives them). */
export interface ConversationOptions {
  signals?: ((text: string, lang: Lang) => Signal[]) | null;
  /**
   * The call's earlier text (the previous result's `transcript`), kept in memory by the caller and never in the
   * state (a persisted state holds no utterance text): read whole with this utterance, so the live risk is never
   * below what `analyze` says of the same text. Without it only this utterance is read whole.
   */
  transcript?: string;
}

/** What one utterance changed. `heard` lists every cue in it (new or not), for the kill-chain guard. */
export interface UtteranceResult {
  state: ConversationState;
  /** The call's text so far, its last TRANSCRIPT_WINDOW characters (pass it back as `options.transcript`). */
  transcript: string;
  alerts: ConversationAlert[];
  heard: CueHit[];
}

const riskRank = (risk: RiskLevel): number => RISK_LEVELS.ids.indexOf(risk);

/** The engine's decision on a text (the verdict without its words), or null when it fails. */
function engineOn(text: string, lang: Lang): Assessment | null {
  try {
    return assess(text, { lang });
  } catch {
    return null;
  }
}

/** The higher of two risks. */
const maxRisk = (a: RiskLevel, b: RiskLevel): RiskLevel => (riskRank(a) >= riskRank(b) ? a : b);

/**
 * The engine's reading of the whole transcript (null when the engine is not in use or fails): the cue ladder
 * reads one utterance at a time and misses what only the whole call shows (the model score, the structure gate,
 * the institution the caller claims to be).
 */
function transcriptAssessment(transcript: string, lang: Lang, options: ConversationOptions, line: Assessment | null | undefined): Assessment | null {
  if (options.signals !== undefined) return null; // a caller's own detectors (or none): the engine is not in use
  return line !== undefined ? line : engineOn(transcript, lang);
}

/**
 * A fresh conversation.
 * @example createConversation("zh").risk // "low"
 */
export function createConversation(lang?: Lang): ConversationState {
  return { v: 1, lang: lang ?? null, utterances: 0, alerts: 0, cues: {}, stages: [], stage: null, risk: "low" };
}

/** `line`: the engine's assessment of `text`, when the caller already has it. */
function externalHits(text: string, lang: Lang, options: ConversationOptions, line: Assessment | null | undefined): CueHit[] {
  let signals: Signal[];
  if (options.signals === undefined) {
    signals = (line !== undefined ? line : engineOn(text, lang))?.signals ?? []; // a failing engine never stops the cues
  } else {
    if (!options.signals) return [];
    try {
      signals = options.signals(text, lang);
    } catch {
      return []; // one failing detector never stops the others
    }
  }
  return signals
    .filter((s) => s.family !== "protective" && s.weight > 0 && s.stage !== null && s.stage !== "contact" && s.evidence.length > 0)
    .map((s) => {
      const ev = s.evidence[0]!;
      const cue = CUES.get(s.id);
      return { id: s.id, stage: s.stage, start: ev.start, end: ev.end, text: ev.text, alert: cue?.alert === true, title: s.description };
    });
}

/** The risk ladder of cues.json: first rule whose cue and stage sets hold. */
export function riskOf(cues: ReadonlySet<string>, stages: ReadonlySet<Stage>): RiskLevel {
  const holds = (set: { all?: string[]; any?: string[] } | undefined, has: (id: string) => boolean) =>
    !set || ((set.all ?? []).every(has) && (!set.any || set.any.some(has)));
  for (const rule of CUE_FILE.risk) {
    if (holds(rule.cues, (id) => cues.has(id)) && holds(rule.stages, (id) => stages.has(id as Stage))) return rule.level;
  }
  return "low";
}

/**
 * Analyse one more utterance. Pure: `state` is not modified.
 * @example
 * let c = createConversation("en");
 * const r = addUtterance(c, { speaker: "remote", text: "Please share your screen so I can guide you" });
 * r.alerts[0]?.title // "They asked you to share your screen"
 * r.alerts[0]?.advice[0]?.id // "stop-screen-share"
 */
export function addUtterance(
  state: ConversationState,
  utterance: { speaker: Speaker; text: string },
  options: ConversationOptions = {},
): UtteranceResult {
  const index = state.utterances;
  const lang: Lang = state.lang ?? (/[\u3400-\u9fff]/.test(utterance.text) ? "zh" : "en");
  const joined = options.transcript ? `${options.transcript}\n${utterance.text}` : utterance.text;
  const transcript = joined.length > TRANSCRIPT_WINDOW ? joined.slice(joined.length - TRANSCRIPT_WINDOW) : joined;
  // The engine reads the line for its signals and the transcript for its risk: when they are one text (a
  // call's first line, or a caller that keeps no transcript), it reads it once.
  const line = options.signals === undefined && transcript === utterance.text ? engineOn(transcript, lang) : undefined;
  const heard = mergeHits(matchCues(utterance.text, utterance.speaker), externalHits(utterance.text, lang, options, line));

  const cues = { ...state.cues };
  const fresh: CueHit[] = [];
  for (const hit of heard) {
    if (cues[hit.id] !== undefined) continue;
    cues[hit.id] = index;
    fresh.push(hit);
  }
  const stageSet = new Set<Stage>(state.stages);
  for (const hit of fresh) if (hit.stage) stageSet.add(hit.stage);
  const stages = PLAYBOOK_STAGES.ids.filter((s) => stageSet.has(s));
  const stage = stages.length > 0 ? stages[stages.length - 1]! : null;
  // Never below the risk already reached, the cue ladder, or the whole text read as `scamguard check` reads it.
  const whole = transcriptAssessment(transcript, lang, options, line);
  const risk = maxRisk(maxRisk(state.risk, riskOf(new Set(Object.keys(cues)), stageSet)), whole?.risk ?? "low");

  const next: ConversationState = { v: 1, lang, utterances: index + 1, alerts: state.alerts, cues, stages, stage, risk };
  const stageRose = stage !== null && (state.stage === null || stageRank(stage) > stageRank(state.stage));
  const riskRose = riskRank(risk) > riskRank(state.risk);
  const alertCue = fresh.some((h) => h.alert);
  if (!stageRose && !riskRose && !alertCue) return { state: next, alerts: [], heard, transcript };

  next.alerts += 1;
  const kind: ConversationAlert["kind"] = stageRose ? "stage" : riskRose ? "risk" : "cue";
  const lead = leadHit(fresh);
  const cue = lead ? CUES.get(lead.id) : undefined;
  const title = cue ? cue.title[lang] : (lead?.title ?? (stage ? PLAYBOOK_STAGES.names[stage][lang] : ""));
  // The lead cue's advice first, then "call 110" when money or codes are at stake, then the rest.
  const [first, ...rest] = byDanger(fresh).map(adviceIdsOf);
  const adviceIds = [...(first ?? []), ...(risk === "critical" ? ["call-110"] : []), ...rest.flat()];
  if (riskRank(risk) >= riskRank("high")) adviceIds.push("hang-up-call-official");
  // The lead cue, whose title the alert carries, comes first: a page quotes the first evidence under the title,
  // and "对方要求转到“安全/指定账户”" above “涉嫌” (the crime pretext heard in the same line) reads as nonsense.
  const shown = fresh.length > 0 ? [...(lead ? [lead] : []), ...fresh.filter((h) => h !== lead)] : heard;
  const evidence: ConversationEvidence[] = shown.map((h) => ({ utterance: index, speaker: utterance.speaker, start: h.start, end: h.end, text: h.text }));
  const alert: ConversationAlert = {
    seq: next.alerts,
    utterance: index,
    kind,
    stage,
    risk,
    cues: shown.map((h) => h.id),
    title,
    advice: namedCallBack(adviceTexts(adviceIds, lang), whole?.impersonating ?? null, lang).slice(0, 4),
    evidence,
  };
  return { state: next, alerts: [alert], heard, transcript };
}

/**
 * "Call the official number yourself" names the institution the caller claims to be and its number in the
 * person's language (Amazon: +1 888-280-4331), as the verdict does, instead of the generic sentence.
 */
function namedCallBack(advice: Advice[], impersonating: string | null, lang: Lang): Advice[] {
  const named = callOfficialAdvice(impersonating, lang);
  return named ? advice.map((a) => (a.id === "hang-up-call-official" ? named : a)) : advice;
}

/**
 * What to advise for a stage when the hit has no advice of its own (a signal of the text engine that the cue
 * file does not list, e.g. "read me the code we texted you"): the stage's one action, as the cue file gives it
 * for its own cues of that stage.
 */
const STAGE_ADVICE: Partial<Record<Stage, string[]>> = {
  channel_switch: ["never-install-for-caller"],
  harvest: ["never-read-code"],
  money: ["never-transfer-for-caller"],
};

/** A hit's advice ids: its cue's, else its stage's. */
function adviceIdsOf(hit: CueHit): string[] {
  return CUES.get(hit.id)?.advice ?? (hit.stage ? (STAGE_ADVICE[hit.stage] ?? []) : []);
}

/** Cue-file hits win over an external signal with the same id; order: cue file, then the rest. */
function mergeHits(own: CueHit[], external: CueHit[]): CueHit[] {
  const ids = new Set(own.map((h) => h.id));
  const merged = [...own];
  for (const hit of external) {
    if (ids.has(hit.id)) continue;
    ids.add(hit.id);
    merged.push(hit);
  }
  return merged;
}

/** Most dangerous first: alerting cues, then later stages. */
function byDanger(hits: CueHit[]): CueHit[] {
  const score = (h: CueHit) => (h.alert ? 100 : 0) + (h.stage ? stageRank(h.stage) : -1);
  return [...hits].sort((a, b) => score(b) - score(a));
}

function leadHit(fresh: CueHit[]): CueHit | undefined {
  return byDanger(fresh)[0];
}
