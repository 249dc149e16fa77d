/**
 * The engine's front door: text in, verdict out. This composes normalisation, signal detectors, the
 * trained model, playbook stage/mode inference and advice. (First cut: shape only; the engine parts
 * are wired in as they land.)
 */
import type { Lang, Verdict } from "@scamguard/contracts";

/** Longest text analysed; beyond this the verdict says it was truncated. */
export const MAX_ANALYZED_CHARS = 65_536;

export interface AnalyzeOptions {
  lang?: Lang | "auto";
}

/**
 * @example analyze("您好，我是微粒贷客服，需要您共享屏幕注销账户").risk // "high"
 */
export function analyze(text: string, options: AnalyzeOptions = {}): Verdict {
  const truncated = text.length > MAX_ANALYZED_CHARS;
  const body = truncated ? text.slice(0, MAX_ANALYZED_CHARS) : text;
  const lang: Lang = options.lang && options.lang !== "auto" ? options.lang : /[\u4e00-\u9fff]/.test(body) ? "zh" : "en";
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
    reasons: body.trim() === "" ? ["empty text"] : [],
    truncated,
    analyzedChars: body.length,
    modelVersion: "none",
  };
}
