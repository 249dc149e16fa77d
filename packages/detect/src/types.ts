/** Interfaces shared by every part of the detection engine. Pure: no I/O anywhere in this package. */
import type { Evidence, Lang, Signal } from "@scamguard/contracts";

/**
 * A text after normalisation, with a map back to the original so evidence spans point at what the
 * person actually wrote. `toOriginal[i]` is the UTF-16 offset in `original` of normalised char i;
 * `toOriginal[normalized.length]` is `original.length`.
 */
export interface NormalizedText {
  original: string;
  normalized: string;
  toOriginal: Int32Array;
  /** Spoken numbers were written as digits (text/spoken.ts): phone numbers are also read from `normalized`. */
  spoken?: true;
}

/** What every detector sees. */
export interface DetectContext {
  text: NormalizedText;
  lang: Lang;
}

/**
 * A detector: "does this apply?" and "what signals do I see?". Detectors run in a fixed order and one
 * that throws never stops the others (see runDetectors).
 */
export interface Detector {
  /** Namespaced, stable, e.g. `lexicon` or `contact:facetime`. */
  readonly id: string;
  applies(ctx: DetectContext): boolean;
  detect(ctx: DetectContext): Signal[];
}

export type { Evidence, Lang, Signal };
