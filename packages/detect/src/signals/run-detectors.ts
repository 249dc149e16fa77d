/** Runs detectors in a fixed order and merges what they see, deterministically. */
import type { Evidence, Signal } from "@scamguard/contracts";
import type { DetectContext, Detector } from "../types.js";

/** Called with the detector and error when a detector throws (it is then skipped). @example runDetectors(ctx, detectors, (d, e) => log.warn({ detector: d.id, e })) */
export type DetectorErrorHandler = (detector: Detector, error: unknown) => void;

/**
 * Run `detectors` in order; a detector that throws (in `applies` or `detect`) is skipped and never
 * stops the others. Signals with the same id merge: the first one's family, stage and description are
 * kept, the weight is the largest seen, evidence is the union ordered by position.
 * @example runDetectors({ text: normalize("共享屏幕"), lang: "zh" }, defaultDetectors).map((s) => s.id) // ["channel:screen-share"]
 */
export function runDetectors(ctx: DetectContext, detectors: readonly Detector[], onError?: DetectorErrorHandler): Signal[] {
  const merged = new Map<string, Signal>();
  for (const detector of detectors) {
    let signals: Signal[];
    try {
      if (!detector.applies(ctx)) continue;
      signals = detector.detect(ctx);
    } catch (error) {
      onError?.(detector, error);
      continue;
    }
    for (const signal of signals) {
      const seen = merged.get(signal.id);
      if (seen === undefined) {
        merged.set(signal.id, { ...signal, evidence: [...signal.evidence] });
        continue;
      }
      if (Math.abs(signal.weight) > Math.abs(seen.weight)) seen.weight = signal.weight;
      seen.evidence = mergeEvidence(seen.evidence, signal.evidence);
    }
  }
  return [...merged.values()];
}

function mergeEvidence(a: readonly Evidence[], b: readonly Evidence[]): Evidence[] {
  const byKey = new Map<string, Evidence>();
  for (const e of [...a, ...b]) byKey.set(`${e.start}:${e.end}`, e);
  return [...byKey.values()].sort((x, y) => x.start - y.start || x.end - y.end);
}
