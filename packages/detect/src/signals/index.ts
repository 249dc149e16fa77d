/** Signals: lexicon detectors, the detector runner, playbook inference (mode, stage, impersonated institution). */
export { detectSignals, defaultDetectors, type DetectSignalsOptions, type DetectedSignals } from "./detect-signals.js";
export { runDetectors, type DetectorErrorHandler } from "./run-detectors.js";
export {
  lexiconDetector,
  zhLexiconDetector,
  enLexiconDetector,
  commonLexiconDetector,
  MAX_EVIDENCE_PER_SIGNAL,
} from "./lexicon-detector.js";
export { compileLexicon, leadingLiterals, type CompiledLexicon, type LexiconHit } from "./lexicon-matcher.js";
export type { LexiconEntry, LexiconFile } from "./lexicon-types.js";
export { amountDetector, LARGE_AMOUNT } from "./amount-detector.js";
export { inferPlaybook, inferMode, furthestStage, inferImpersonating, institution, type PlaybookState } from "./playbook.js";
