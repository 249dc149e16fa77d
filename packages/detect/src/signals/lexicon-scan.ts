/**
 * Every lexicon of the engine in ONE scanner: the zh, en and language-neutral playbook lexicons and the
 * warning cues of structure.ts are found in a single pass over the normalised text, and the hits are kept
 * per analysed text, so the detectors and the structure reader share that pass.
 */
import commonLexicon from "../../data/lexicons/common.json" with { type: "json" };
import enLexicon from "../../data/lexicons/en.json" with { type: "json" };
import playbook from "../../data/lexicons/playbook.json" with { type: "json" };
import warningCues from "../../data/lexicons/warning.json" with { type: "json" };
import zhLexicon from "../../data/lexicons/zh.json" with { type: "json" };
import type { NormalizedText } from "../types.js";
import {
  buildLexiconTables,
  type CompiledLexicons,
  compileLexicons,
  decodeLexiconTables,
  encodeLexiconTables,
  type LexiconHit,
  type LexiconSet,
  type LexiconTables,
  lexiconSources,
} from "./lexicon-matcher.js";
import { lexiconTableCache } from "./lexicon-table-cache.js";
import type { LexiconEntry, LexiconFile } from "./lexicon-types.js";

/** Any CJK ideograph: without one no Chinese pattern can match (one native regex pass, no per-character loop). */
const HAS_CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
/**
 * Two Latin words in a row: every English pattern but one is a phrase, so a Chinese text with a stray
 * "APP" or "QQ" (and speaker tags "A:") is not scanned for English; English padding or a script is.
 */
const HAS_LATIN_PHRASE = /[a-z] [a-z]/;
/**
 * `pattern.test` remembered for the last text asked: the gates of one scan ask up to 9 times for the same text, and
 * a text without a hit is read to its end each time.
 */
const testOfLastText = (pattern: RegExp): ((s: string) => boolean) => {
  let lastText = "";
  let lastSeen = false;
  return (s) => {
    if (s !== lastText) {
      lastSeen = pattern.test(s);
      lastText = s;
    }
    return lastSeen;
  };
};
const hasCjk = testOfLastText(HAS_CJK);
const hasLatinPhrase = testOfLastText(HAS_LATIN_PHRASE);

const cueEntries = (patterns: string[], name: string): LexiconEntry[] =>
  patterns.map((p, i) => ({
    id: `cue:${name}-${i}`,
    family: "protective",
    stage: null,
    weight: 0,
    description: "describes a scam",
    patterns: [p],
    negatable: false,
  }));

const fileSet = (file: LexiconFile, options: LexiconSet["options"]): LexiconSet => ({
  entries: file.entries,
  options: { ...(file.negators !== undefined ? { negators: file.negators } : {}), ...options },
});

/** The lexicons, by index into the scanner; `gate` says whether a text can hold a hit worth scanning for. */
const LEXICONS = {
  zh: { set: fileSet(zhLexicon as LexiconFile, { negationWindow: 10 }), gate: hasCjk },
  en: { set: fileSet(enLexicon as LexiconFile, { wordStart: true, negationWindow: 32 }), gate: hasLatinPhrase },
  common: { set: fileSet(commonLexicon as LexiconFile, { wordStart: true, negationWindow: 16 }), gate: () => true },
  /** Sentence-level warning cues: a scammer as the actor, "impersonate", "anyone who… is a scam". */
  sentenceZh: { set: { entries: cueEntries(warningCues.sentence.zh, "sentence-zh") }, gate: () => true },
  sentenceEn: { set: { entries: cueEntries(warningCues.sentence.en, "sentence-en"), options: { wordStart: true } }, gate: () => true },
  /** Clause-level warning cues: advisory words and prohibitions, which only describe their own clause. */
  clauseZh: { set: { entries: cueEntries(warningCues.clause.zh, "clause-zh") }, gate: () => true },
  clauseEn: { set: { entries: cueEntries(warningCues.clause.en, "clause-en"), options: { wordStart: true } }, gate: () => true },
  /** A marketing opt-out ("回T退订"): the sender is a registered advertiser (structure.ts). */
  optOutZh: { set: { entries: cueEntries(playbook.structure.optOut, "opt-out-zh") }, gate: hasCjk },
  /** A chat-form lure (structure.ts `trajectory`): a stranger's opener, rapport, easy money, a first small task. */
  lureZh: { set: { entries: cueEntries(playbook.structure.trajectory.lure.zh, "lure-zh") }, gate: hasCjk },
  moveZh: { set: { entries: cueEntries(playbook.structure.trajectory.moveCues.zh, "move-zh") }, gate: hasCjk },
  moveEn: { set: { entries: cueEntries(playbook.structure.trajectory.moveCues.en, "move-en"), options: { wordStart: true } }, gate: hasLatinPhrase },
  /** A sender's new number or account, a broken or borrowed phone (structure.ts `newAccount`): the cover of an impersonated acquaintance. */
  newAccountZh: { set: { entries: cueEntries(playbook.structure.newAccount.zh, "new-account-zh") }, gate: hasCjk },
  newAccountEn: { set: { entries: cueEntries(playbook.structure.newAccount.en, "new-account-en"), options: { wordStart: true } }, gate: hasLatinPhrase },
  /** A sweetheart far away who has never met the reader (structure.ts `distance`): a romance scam's cover. */
  distanceZh: { set: { entries: cueEntries(playbook.structure.distance.zh, "distance-zh") }, gate: hasCjk },
  distanceEn: { set: { entries: cueEntries(playbook.structure.distance.en, "distance-en"), options: { wordStart: true } }, gate: hasLatinPhrase },
  /** A fee before the reader can withdraw, unfreeze or receive what is theirs (structure.ts `releaseFee`). */
  releaseFeeZh: { set: { entries: cueEntries(playbook.structure.releaseFee.zh, "release-fee-zh") }, gate: hasCjk },
  releaseFeeEn: { set: { entries: cueEntries(playbook.structure.releaseFee.en, "release-fee-en"), options: { wordStart: true } }, gate: hasLatinPhrase },
  gainZh: { set: { entries: cueEntries(playbook.structure.trajectory.gain.zh, "gain-zh") }, gate: hasCjk },
  gainEn: { set: { entries: cueEntries(playbook.structure.trajectory.gain.en, "gain-en"), options: { wordStart: true } }, gate: hasLatinPhrase },
  lureEn: { set: { entries: cueEntries(playbook.structure.trajectory.lure.en, "lure-en"), options: { wordStart: true } }, gate: hasLatinPhrase },
  /**
   * A victim's account (structure.ts): first-person experience, reported speech, and general advice that vetoes it.
   * Read by structure.ts only for texts with warning cues (~15 % of the bench dialogues), but scanning them in the
   * shared pass costs less than a second pass over those texts: A/B +3 % to +14 % dialogues/CPU-s.
   */
  experienceZh: { set: { entries: cueEntries(warningCues.narrative.zh.experience, "experience-zh") }, gate: hasCjk },
  reportedZh: { set: { entries: cueEntries(warningCues.narrative.zh.reported, "reported-zh") }, gate: hasCjk },
  genericZh: { set: { entries: cueEntries(warningCues.narrative.generic.zh, "generic-zh") }, gate: hasCjk },
  /** A case report (structure.ts): a named victim and what the scam cost them. */
  caseVictimZh: { set: { entries: cueEntries(warningCues.narrative.zh.caseVictim, "case-victim-zh") }, gate: hasCjk },
  caseVetoZh: { set: { entries: cueEntries(warningCues.narrative.generic.caseZh, "case-veto-zh") }, gate: hasCjk },
  caseOutcomeZh: { set: { entries: cueEntries(warningCues.narrative.zh.caseOutcome, "case-outcome-zh") }, gate: hasCjk },
  /** The same account in English ("he said he was from my bank… told me to… I wired $9,000"). */
  experienceEn: { set: { entries: cueEntries(warningCues.narrative.en.experience, "experience-en"), options: { wordStart: true } }, gate: hasLatinPhrase },
  reportedEn: { set: { entries: cueEntries(warningCues.narrative.en.reported, "reported-en"), options: { wordStart: true } }, gate: hasLatinPhrase },
  genericEn: { set: { entries: cueEntries(warningCues.narrative.generic.en, "generic-en"), options: { wordStart: true } }, gate: hasLatinPhrase },
};

/** Name of one lexicon of the shared scanner. @example const name: LexiconName = "zh"; */
export type LexiconName = keyof typeof LEXICONS;
const NAMES = Object.keys(LEXICONS) as LexiconName[];
const INDEX = new Map(NAMES.map((name, k) => [name, k]));
const SETS: readonly LexiconSet[] = NAMES.map((name) => LEXICONS[name].set);

/** The tables from the cache when it has them for these sources (and they decode), else read from the sources and offered to it. */
function lexiconTables(): LexiconTables {
  const sources = lexiconSources(SETS);
  const cache = lexiconTableCache();
  const cached = cache?.load(sources);
  if (cached !== undefined) {
    try {
      return decodeLexiconTables(cached);
    } catch {
      // another format or cut short: read them again below
    }
  }
  const tables = buildLexiconTables(SETS);
  cache?.store(sources, encodeLexiconTables(tables));
  return tables;
}

/**
 * The one scanner of every lexicon, compiled at the first scan: a process that never scans never reads the
 * sources, and one with a cache plugged in (lexicon-table-cache.ts) reads them only when it has no current tables.
 */
interface Scanner {
  compiled: CompiledLexicons;
  /**
   * Lexicons read in every shared pass: all but those with an unanchored pattern (a regex over the whole text),
   * which are read only where their gate is open. A gate spares a lexicon's candidates, and a text without its
   * anchors (a CJK lexicon's in an English text) gives it none, while asking a lexicon left out of the pass
   * (structure.ts asks optOutZh of every text) would read the whole text again.
   */
  alwaysScanned: number;
  gated: { bit: number; gate: (s: string) => boolean }[];
}
let scanner: Scanner | undefined;

function theScanner(): Scanner {
  if (scanner !== undefined) return scanner;
  let compiled: CompiledLexicons;
  try {
    compiled = compileLexicons(SETS, lexiconTables());
  } catch {
    compiled = compileLexicons(SETS); // cached tables of other patterns (a hash collision, a broken cache)
  }
  scanner = {
    compiled,
    alwaysScanned: ((1 << NAMES.length) - 1) & ~compiled.unanchoredSets,
    gated: NAMES.flatMap((name, k) => ((compiled.unanchoredSets >> k) & 1 ? [{ bit: 1 << k, gate: LEXICONS[name].gate }] : [])),
  };
  return scanner;
}

/**
 * Entries of one lexicon (hit.entry indexes this list).
 * @example lexiconEntries("zh")[lexiconHits(text, "zh")[0].entry].id // "channel:screen-share"
 */
export function lexiconEntries(name: LexiconName): readonly LexiconEntry[] {
  return LEXICONS[name].set.entries;
}

/**
 * Whether the lexicon can match this normalised text at all (its language's gate).
 * @example lexiconApplies("en", "请共享屏幕") // false
 */
export function lexiconApplies(name: LexiconName, normalized: string): boolean {
  return LEXICONS[name].gate(normalized);
}

const CACHE = new WeakMap<NormalizedText, (LexiconHit[] | null)[]>();

/**
 * Hits of one lexicon in `text` (text order), from the one pass shared by the lexicons (ALWAYS_SCANNED, and
 * the gated ones whose gate is open); a gated lexicon asked for past its gate is scanned on its own.
 * @example lexiconHits(normalize("转到安全账户"), "zh") // [{ entry: 12, start: 2, end: 6 }]
 */
export function lexiconHits(text: NormalizedText, name: LexiconName): LexiconHit[] {
  const k = INDEX.get(name)!;
  const { compiled, alwaysScanned, gated } = scanner ?? theScanner();
  let perSet = CACHE.get(text);
  if (perSet === undefined) {
    let mask = alwaysScanned;
    for (const { bit, gate } of gated) if (gate(text.normalized)) mask |= bit;
    perSet = compiled.scan(text.normalized, mask);
    CACHE.set(text, perSet);
  }
  let hits = perSet[k];
  if (hits === null || hits === undefined) {
    hits = compiled.scan(text.normalized, 1 << k)[k]!;
    perSet[k] = hits;
  }
  return hits;
}
