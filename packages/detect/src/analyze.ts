/**
 * The engine's front door: text in, verdict out. Normalise → playbook signals → calibrated model score →
 * mode, furthest stage and impersonated institution → risk → advice for that stage.
 */
import { type Lang, RISK_LEVELS, type RiskLevel, type Signal, type Stage, type Verdict, stageRank } from "@scamguard/contracts";
import { adviceFor } from "./advice/index.js";
import { defaultModel, MODEL_VERSION, type Model, type ScoreInput } from "./model/index.js";
import {
  detectSignals,
  furthestTacticStage,
  gateScore,
  inferMode,
  inferPlaybook,
  institution,
  type PlaybookStructure,
  readStructure,
  scoredSignals,
} from "./signals/index.js";

import { readableSignals } from "./signals/evidence.js";
import { detectLang } from "./text/index.js";

/** Longest text analysed (UTF-16 units); beyond this the verdict says it was truncated. */
export const MAX_ANALYZED_CHARS = 65_536;

export interface AnalyzeOptions {
  lang?: Lang | "auto";
  /** The text is a person's account of a scam that happened to them (a report), not a message they received. */
  account?: boolean;
}

/**
 * Below the threshold, a text is still worth a second look (`medium`) when it is close to the line, or
 * when a playbook stage is visible and it is at least half-way there.
 */
const MEDIUM_NEAR = 0.8;
const MEDIUM_WITH_STAGE = 0.5;
/** Most reasons given in words; the signals list carries the rest. */
const MAX_REASONS = 4;

/**
 * @example
 * const v = analyze("您好，我是微粒贷客服，您的利率过高需要注销，否则影响征信。请下载会议软件共享屏幕");
 * v.risk // "high"; v.mode // "credit_repair"; v.stage // "channel_switch"; v.advice[0].text // "立即停止共享屏幕…"
 */
export function analyze(text: string, options: AnalyzeOptions = {}): Verdict {
  const a = assess(text, options);
  if (a.signals === null) return emptyVerdict(a.lang, a.body.length, a.truncated);
  const { score, label, risk, mode, stage, impersonating, lang, truncated } = a;
  // Quotes a person reads end at a bare link's end (after scoring: the decision is assess()'s).
  const signals = readableSignals(a.body, a.signals);
  const reasons = reasonsOf(risk, signals, impersonating, lang);
  if (truncated) reasons.push(truncationNote(lang));
  return {
    score,
    label,
    risk,
    mode: label === 1 || risk !== "low" ? mode : null,
    stage,
    impersonating,
    signals,
    advice: risk === "low" ? [] : adviceFor({ stage, mode, impersonating, lang, signals, risk }),
    lang,
    reasons,
    truncated,
    analyzedChars: a.body.length,
    modelVersion: MODEL_VERSION,
  };
}

/**
 * What {@link analyze} decides, before the verdict is put in words (reasons, advice); `signals` is null for
 * an empty text. The live call reads a transcript's risk and a line's signals after every line, and never
 * shows the rest.
 * @example assess("请共享屏幕").risk === analyze("请共享屏幕").risk // true
 */
export interface Assessment {
  body: string;
  truncated: boolean;
  lang: Lang;
  score: number;
  label: 0 | 1;
  risk: RiskLevel;
  mode: Verdict["mode"];
  stage: Stage | null;
  impersonating: string | null;
  signals: Signal[] | null;
}

/** {@link analyze} up to its decision: same score, risk, stage and signals, without reasons or advice. @example assess("").signals // null */
export function assess(text: string, options: AnalyzeOptions = {}): Assessment {
  const truncated = text.length > MAX_ANALYZED_CHARS;
  const body = truncated ? cutAtCharBoundary(text, MAX_ANALYZED_CHARS) : text;
  const requested = options.lang && options.lang !== "auto" ? options.lang : undefined;
  if (body.trim() === "") {
    const lang = requested ?? detectLang(body);
    return { body, truncated, lang, score: 0, label: 0, risk: "low", mode: null, stage: null, impersonating: null, signals: null };
  }
  const { text: normalized, lang, signals: found } = detectSignals(body, { lang: requested ?? "auto" });
  const { score, threshold, signals, structure } = productScore({ text: normalized, lang, signals: found }, defaultModel, options.account === true);
  const playbookState = inferPlaybook(normalized, signals, structure);
  const label = score >= threshold ? 1 : 0;
  // A scam by the model and the structure names its mode and stage even when the stage rules alone
  // (two strong families) were not met, e.g. a short SMS with one claim and one link.
  const stage = playbookState.stage ?? (label === 1 ? furthestTacticStage(signals) : null);
  const mode = playbookState.mode ?? (label === 1 ? inferMode(signals) : null);
  const risk = riskOf(score, threshold, stage);
  // ... and names whom it speaks for, so the advice gives that institution's official number.
  const impersonating = playbookState.impersonating ?? (label === 1 && stage !== null ? (playbookState.speaksFor ?? null) : null);
  return { body, truncated, lang, score, label, risk, mode, stage, impersonating, signals };
}

/** What {@link productScore} returns: the gated score and what it was computed from. */
export interface ProductScore {
  score: number;
  threshold: number;
  /** The signals the model scored (quotable warnings dropped from a direct claim and ask). */
  signals: Signal[];
  structure: PlaybookStructure;
}

/**
 * The product's score of detected signals under `model`: the playbook's shape bounds the model (a claim
 * needs an ask, a warning describes rather than asks, a robocall is lifted). `analyze()` calls it with the
 * shipped model; leave-one-source-out evaluation with a model fitted without the held-out set.
 * @example productScore(detectSignals("请共享屏幕"), defaultModel).score
 */
export function productScore(input: ScoreInput, model: Model, account = false): ProductScore {
  const structure = readStructure(input.text, input.signals, { account });
  const signals = scoredSignals([...input.signals], structure);
  // topK 0: the verdict does not carry the model's top contributions, so they are not ranked.
  const { score: modelScore, threshold } = model.score({ text: input.text, lang: input.lang, signals }, { topK: 0 });
  return { score: gateScore(modelScore, threshold, structure), threshold, signals, structure };
}

/**
 * The calibrated score decides whether it is a scam; the playbook stage decides how urgent:
 * once codes or money are being asked for, a scam is `critical`.
 */
function riskOf(score: number, threshold: number, stage: Stage | null): RiskLevel {
  const late = stage !== null && stageRank(stage) >= stageRank("harvest");
  if (score >= threshold) return late ? "critical" : "high";
  if (score >= threshold * MEDIUM_NEAR) return "medium";
  if (stage !== null && score >= threshold * MEDIUM_WITH_STAGE) return "medium";
  return "low";
}

function reasonsOf(risk: RiskLevel, signals: readonly Signal[], impersonating: string | null, lang: Lang): string[] {
  const level = RISK_LEVELS.names[risk][lang];
  const tactics = signals.filter((s) => s.family !== "protective" && s.weight > 0).sort((a, b) => b.weight - a.weight);
  const protective = signals.filter((s) => s.family === "protective");
  const reasons: string[] = [];
  if (tactics.length === 0) {
    reasons.push(lang === "zh" ? `${level}：未发现诈骗话术。` : `${level}: no scam tactics found.`);
  } else {
    const entry = impersonating ? institution(impersonating) : undefined;
    if (entry) reasons.push(lang === "zh" ? `自称代表${entry.name.zh}。` : `Claims to speak for ${entry.name.en}.`);
    for (const s of tactics.slice(0, MAX_REASONS)) reasons.push(quoted(s, lang));
  }
  for (const s of protective.slice(0, 2)) reasons.push(quoted(s, lang));
  return reasons;
}

/**
 * "label: “evidence”" in the verdict's punctuation (the description is already in its language); the label
 * alone when the evidence is in the other language, so a reason is one language, never a mix (the evidence
 * stays in `signals` and is highlighted in the text).
 */
function quoted(s: Signal, lang: Lang): string {
  const quote = s.evidence[0]?.text ?? "";
  if (!inLanguage(quote, lang)) return lang === "zh" ? `${s.description}。` : `${s.description}.`;
  return `${s.description}${lang === "zh" ? "：" : ": "}“${quote}”`;
}

/**
 * Whether a quote reads as `lang`: Chinese characters in an English reason, or an English phrase (two Latin
 * words or more, no Chinese character) in a Chinese one, do not. A lone name, number or link ("AnyDesk",
 * "95588") reads in both.
 */
function inLanguage(quote: string, lang: Lang): boolean {
  const cjk = /[\u3400-\u9fff]/.test(quote);
  return lang === "en" ? !cjk : cjk || !/[A-Za-z]{2,}[^A-Za-z\u3400-\u9fff]+[A-Za-z]{2,}/.test(quote);
}

function emptyVerdict(lang: Lang, analyzedChars: number, truncated: boolean): Verdict {
  return {
    score: 0,
    label: 0,
    risk: "low",
    mode: null,
    stage: null,
    impersonating: null,
    signals: [],
    advice: [],
    lang,
    reasons: [lang === "zh" ? "文本为空，无可分析内容。" : "The text is empty: nothing to analyse."],
    truncated,
    analyzedChars,
    modelVersion: MODEL_VERSION,
  };
}

function truncationNote(lang: Lang): string {
  return lang === "zh"
    ? `文本过长，只分析了前 ${MAX_ANALYZED_CHARS} 个字符。`
    : `The text is long: only the first ${MAX_ANALYZED_CHARS} characters were analysed.`;
}

/** Never cut a surrogate pair in half. */
function cutAtCharBoundary(text: string, max: number): string {
  const code = text.charCodeAt(max - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}
