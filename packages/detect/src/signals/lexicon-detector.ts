/** Detectors built from the lexicon data files: one per language plus a language-neutral one. */
import type { Signal } from "@scamguard/contracts";
import type { DetectContext, Detector, NormalizedText } from "../types.js";
import { wholeEvidence } from "./evidence.js";
import { signalLabel } from "./labels.js";
import { type CompileOptions, compileLexicon, type LexiconHit } from "./lexicon-matcher.js";
import { type LexiconName, lexiconApplies, lexiconEntries, lexiconHits } from "./lexicon-scan.js";
import type { LexiconEntry, LexiconFile } from "./lexicon-types.js";

/** Most evidence spans kept per signal (the rest add nothing a person reads). @example signal.evidence.length <= MAX_EVIDENCE_PER_SIGNAL // always */
export const MAX_EVIDENCE_PER_SIGNAL = 8;

/**
 * Build a detector from a lexicon file; `applies` decides by language.
 * @example const d = lexiconDetector(zh, { id: "lexicon:zh", applies: () => true });
 */
export function lexiconDetector(
  file: LexiconFile,
  spec: {
    id: string;
    applies: (ctx: DetectContext) => boolean;
    options?: CompileOptions;
  },
): Detector {
  const compiled = compileLexicon(file.entries, {
    ...(file.negators !== undefined ? { negators: file.negators } : {}),
    ...spec.options,
  });
  return hitsDetector(spec.id, spec.applies, file.entries, (text) => compiled.scan(text.normalized));
}

/** A detector that turns lexicon hits into signals, one per entry, evidence in the original text. */
function hitsDetector(
  id: string,
  applies: (ctx: DetectContext) => boolean,
  entries: readonly LexiconEntry[],
  hitsOf: (text: NormalizedText) => LexiconHit[],
): Detector {
  return {
    id,
    applies,
    detect(ctx: DetectContext): Signal[] {
      const hits = hitsOf(ctx.text);
      const byEntry = new Map<number, Signal>();
      const lastEnd = new Map<number, number>();
      for (const hit of hits) {
        if ((lastEnd.get(hit.entry) ?? -1) > hit.start) continue; // overlapping hit of the same signal
        lastEnd.set(hit.entry, hit.end);
        let signal = byEntry.get(hit.entry);
        if (signal === undefined) {
          const e = entries[hit.entry]!;
          signal = {
            id: e.id,
            family: e.family,
            stage: e.stage,
            weight: e.weight,
            description: signalLabel(e.id, ctx.lang, e.description),
            evidence: [],
          };
          byEntry.set(hit.entry, signal);
        }
        if (signal.evidence.length < MAX_EVIDENCE_PER_SIGNAL) {
          // A pattern may stop inside an amount or a link ("pay \\$ ?[0-9]", "https?[: /]"): quote all of it.
          const span = wholeEvidence(ctx.text, hit.start, hit.end);
          const prev = signal.evidence[signal.evidence.length - 1];
          if (prev !== undefined && prev.end > span.start) continue; // inside the previous span's whole link
          signal.evidence.push(span);
        }
      }
      // Entry order (the data file's order) keeps the output deterministic and readable.
      return [...byEntry.entries()].sort((a, b) => a[0] - b[0]).map(([, s]) => s);
    },
  };
}

/** One of the engine's own lexicons, read from the pass shared with the other lexicons (lexicon-scan.ts). */
const sharedDetector = (id: string, name: LexiconName): Detector =>
  hitsDetector(id, (ctx) => lexiconApplies(name, ctx.text.normalized), lexiconEntries(name), (text) => lexiconHits(text, name));

/**
 * Chinese playbook lexicon (data/lexicons/zh.json), run on every text: a Chinese script inside an English
 * message (or padded with English) is still a Chinese script. The text's language only picks the reply
 * language; a text without a CJK character is skipped.
 * @example zhLexiconDetector.detect({ text: normalize("请共享屏幕"), lang: "zh" })[0].id // "channel:screen-share"
 */
export const zhLexiconDetector: Detector = sharedDetector("lexicon:zh", "zh");

/**
 * English playbook lexicon (data/lexicons/en.json), run on every text with two Latin words in a row (any
 * English script, also inside Chinese text): matches start at word starts.
 * @example enLexiconDetector.detect({ text: normalize("share your screen"), lang: "en" })[0].id // "channel:screen-share"
 */
export const enLexiconDetector: Detector = sharedDetector("lexicon:en", "en");

/**
 * Language-neutral names (FaceTime, Zoom, AnyDesk, USDT …), run on every text.
 * @example commonLexiconDetector.detect({ text: normalize("下载anydesk"), lang: "zh" })[0].id // "channel:remote-app"
 */
export const commonLexiconDetector: Detector = sharedDetector("lexicon:common", "common");
