/** The signal layer's front door: text in, normalised text, language and merged signals out. */
import type { Lang, Signal } from "@scamguard/contracts";
import { contactDetector, officialContactDetector } from "../contact/index.js";
import { linkDetector } from "../link/index.js";
import { detectLang } from "../text/lang.js";
import { normalize } from "../text/normalize.js";
import { readSpoken } from "../text/spoken.js";
import type { Detector, NormalizedText } from "../types.js";
import { amountDetector } from "./amount-detector.js";
import { commonLexiconDetector, enLexiconDetector, zhLexiconDetector } from "./lexicon-detector.js";
import { runDetectors } from "./run-detectors.js";

/**
 * The detectors every text goes through, in this fixed order. The order decides whose description wins
 * when two emit the same id, so the specific detectors (contact: FaceTime with a claimed institution;
 * link: look-alike URLs) come before the lexicons that see plain mentions.
 * @example defaultDetectors.map((d) => d.id) // ["contact", "contact:official", "link", "lexicon:zh", "lexicon:en", "lexicon:common", "amount"]
 */
export const defaultDetectors: readonly Detector[] = [
  contactDetector,
  officialContactDetector,
  linkDetector,
  zhLexiconDetector,
  enLexiconDetector,
  commonLexiconDetector,
  amountDetector,
];

/** Options of {@link detectSignals}. @example detectSignals(text, { lang: "zh", detectors: [zhLexiconDetector] }) */
export interface DetectSignalsOptions {
  /** Language of the lexicon to use; `auto` (default) detects it from the text. */
  lang?: Lang | "auto";
  /** Detectors to run instead of {@link defaultDetectors}. */
  detectors?: readonly Detector[];
}

/** What {@link detectSignals} returns. @example const { text, lang, signals } = detectSignals("共享屏幕"); // lang "zh" */
export interface DetectedSignals {
  text: NormalizedText;
  lang: Lang;
  signals: Signal[];
}

/**
 * Normalise `text`, pick the language and run the detectors. Evidence spans index the ORIGINAL text.
 * @example
 * const { signals } = detectSignals("您好，我是微粒贷客服，请下载腾讯会议共享屏幕");
 * signals.map((s) => s.id) // ["impersonation:customer-service", "channel:screen-share", "channel:meeting-app", …]
 */
export function detectSignals(text: string, options: DetectSignalsOptions = {}): DetectedSignals {
  const lang: Lang = options.lang && options.lang !== "auto" ? options.lang : detectLang(text);
  // Spoken numbers and domains ("one eight hundred…", "amazon dot com", "四零零八…") read as written ones.
  const normalized = readSpoken(normalize(text));
  const signals = runDetectors({ text: normalized, lang }, options.detectors ?? defaultDetectors);
  return { text: normalized, lang, signals };
}
