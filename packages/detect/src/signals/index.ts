/** Signals: lexicon detectors, the detector runner, playbook inference (mode, stage, impersonated institution). */

export { amountDetector, LARGE_AMOUNT } from "./amount-detector.js";
export {
  type DetectedSignals,
  type DetectSignalsOptions,
  defaultDetectors,
  detectSignals,
} from "./detect-signals.js";
export {
  commonLexiconDetector,
  enLexiconDetector,
  lexiconDetector,
  MAX_EVIDENCE_PER_SIGNAL,
  zhLexiconDetector,
} from "./lexicon-detector.js";
export {
  type CompiledLexicon,
  compileLexicon,
  type LexiconHit,
  leadingLiterals,
} from "./lexicon-matcher.js";
export type { LexiconEntry, LexiconFile } from "./lexicon-types.js";
export { type LexiconTableCache, useLexiconTableCache } from "./lexicon-table-cache.js";
export {
  furthestStage,
  furthestTacticStage,
  inferImpersonating,
  inferMode,
  inferPlaybook,
  institution,
  type PlaybookState,
} from "./playbook.js";
export { featureSignals, gateScore, isShortMessage, type PlaybookStructure, readStructure, scoredSignals } from "./structure.js";
export { type DetectorErrorHandler, runDetectors } from "./run-detectors.js";
