/**
 * Live-call cues as data (`data/killchain/cues.json`), validated and compiled once at load. Matching is
 * per utterance, so the cost of one call is bounded by that utterance's length, never the transcript's.
 */
import { type ConversationCue, ConversationCueFileSchema, type Speaker, type Stage } from "@scamguard/contracts";
import raw from "../../data/killchain/cues.json" with { type: "json" };

/** The cue file, validated: a bad edit fails at start-up rather than answering wrongly. */
export const CUE_FILE = ConversationCueFileSchema.parse(raw);

/** Cue by id. @example CUES.get("channel:screen-share")?.stage // "channel_switch" */
export const CUES: ReadonlyMap<string, ConversationCue> = new Map(CUE_FILE.cues.map((cue) => [cue.id, cue]));

const COMPILED = CUE_FILE.cues.map((cue) => ({
  cue,
  patterns: [...cue.zh, ...cue.en].map((source) => new RegExp(source, "giu")),
}));

/**
 * One cue heard in one utterance; `start`/`end` are UTF-16 offsets into the utterance as given.
 * `title` is set for signals coming from outside the cue file (the text engine's detectors).
 */
export interface CueHit {
  id: string;
  stage: Stage | null;
  start: number;
  end: number;
  text: string;
  alert: boolean;
  title?: string;
}

/**
 * NFKC + lower case, code point by code point, with a map back to the original offsets
 * (full-width "ＳＭＳ" matches "sms"; evidence still points at what was said).
 */
export function foldForCues(text: string): { folded: string; toOriginal: number[] } {
  let folded = "";
  const toOriginal: number[] = [];
  let offset = 0;
  for (const ch of text) {
    const out = ch.normalize("NFKC").toLowerCase();
    for (let k = 0; k < out.length; k++) toOriginal.push(offset);
    folded += out;
    offset += ch.length;
  }
  toOriginal.push(text.length);
  return { folded, toOriginal };
}

/**
 * Every cue of the file heard in `text`, first match per cue, in file order; a protective cue in the same
 * utterance suppresses the cues that name it (a bank reading "we never ask for your code" is not asking).
 * @example matchCues("请您下载Zoom共享屏幕", "remote").map((h) => h.id) // ["channel:screen-share", "channel:install-app"]
 */
export function matchCues(text: string, speaker: Speaker): CueHit[] {
  const { folded, toOriginal } = foldForCues(text);
  const hits: CueHit[] = [];
  for (const { cue, patterns } of COMPILED) {
    if (cue.speaker && cue.speaker !== speaker) continue;
    for (const pattern of patterns) {
      pattern.lastIndex = 0;
      const m = pattern.exec(folded);
      if (!m) continue;
      const start = toOriginal[m.index] ?? 0;
      const end = toOriginal[m.index + m[0].length] ?? text.length;
      hits.push({ id: cue.id, stage: cue.stage, start, end, text: text.slice(start, end), alert: cue.alert === true });
      break;
    }
  }
  const present = new Set(hits.map((h) => h.id));
  return hits.filter((hit) => !(CUES.get(hit.id)?.suppressedBy ?? []).some((id) => present.has(id)));
}
