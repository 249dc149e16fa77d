/**
 * Compiles lexicon entries once into an anchored scanner: the literals every match of a pattern starts with
 * (its anchors) and the literals every match contains (its required atoms) go into one Aho–Corasick
 * automaton, so one pass over the text finds where each pattern can start; a pattern's (sticky) regular
 * expression then runs only there, only when the unit after the anchor can follow it in a match (followSets),
 * and only when each of its atoms occurs within its longest match.
 * Several lexicons (each with its own options) compile into ONE scanner, so a text is read once for all of them.
 */
import { anchorsOf, followSets, maxMatchLength, requiredLiterals } from "./lexicon-literals.js";

export { anchorLiterals, anchorsOf, followSets, leadingLiterals, maxMatchLength, requiredLiterals } from "./lexicon-literals.js";
import type { LexiconEntry } from "./lexicon-types.js";

/** A match in normalised coordinates. @example { entry: 0, start: 3, end: 7 } // entries[0] matched normalized.slice(3, 7) */
export interface LexiconHit {
  entry: number;
  start: number;
  end: number;
}

/** A pattern as {@link buildLexiconTables} reads it. */
interface PatternPlan {
  source: string;
  /**
   * Atoms of literals every match contains beyond its anchor (see requiredLiterals), as ids into the
   * scanner's atom table (an atom shared by several patterns is stored once).
   */
  required: number[];
  /** Most code units one match spans (maxMatchLength): the window the required atoms must occur in. */
  maxLength: number;
}

/** Options of {@link compileLexicon}. @example compileLexicon(entries, { wordStart: true, negators: "\\b(never|don't)\\b", negationWindow: 32 }) */
export interface CompileOptions {
  /** Require matches to start at a word start (ASCII letters/digits), for English. */
  wordStart?: boolean;
  /** Regex source of negators; see LexiconEntry.negatable. */
  negators?: string;
  /** How many characters before a match are searched for a negator. */
  negationWindow?: number;
}

/** A compiled lexicon: `scan(text)` returns every (entry, span) hit in text order. @example compileLexicon(zh.entries).scan(normalize("转到安全账户").normalized) */
export interface CompiledLexicon {
  entries: readonly LexiconEntry[];
  scan(text: string): LexiconHit[];
}

/** One lexicon of a {@link compileLexicons} scanner. @example { entries: zh.entries, options: { negators: zh.negators } } */
export interface LexiconSet {
  entries: readonly LexiconEntry[];
  options?: CompileOptions;
}

/**
 * Several lexicons compiled into one scanner: `scan(text, enabled)` reads the text once and returns the
 * hits of each set (entry indexes into that set), or null for a set not enabled.
 * @example compileLexicons([{ entries: zh.entries }, { entries: en.entries, options: { wordStart: true } }]).scan(text, 0b11)
 */
export interface CompiledLexicons {
  sets: readonly LexiconSet[];
  /**
   * Bit k set = set k has a pattern without an anchor, run as a regex over the whole text. Enabling any other
   * set costs only its candidates, where its anchors occur in the text: none in a text without them.
   */
  unanchoredSets: number;
  /** `enabled`: bit k set = scan set k (default: all). */
  scan(text: string, enabled?: number): (LexiconHit[] | null)[];
}

const isWordUnit = (c: number): boolean => (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39);
/** A clause end (。 ! ? ; newline ,): a negator before the last one in the look-back does not reach the match. */
const isClauseEndUnit = (c: number): boolean => c === 0x3002 || c === 0x21 || c === 0x3f || c === 0x3b || c === 0x0a || c === 0x2c;
/** How far (characters) a negator may reach into a match that starts inside it ("无需" → "需缴"; "不需要" → "需要交"). */
const NEGATOR_OVERLAP = 3;

/** Most lexicons one scanner holds (one bit each in the enabled mask). */
const MAX_SETS = 30;
/** Atoms with more alternatives than this are not checked (the check would cost more than the regex). */
const MAX_REQUIRED_ALTERNATIVES = 48;

/**
 * Compile entries once; the result is reused for every text.
 * @example compileLexicon([{ id: "money:safe-account", family: "money", stage: "money", weight: 1, description: "", patterns: ["安全账户"] }]).scan("转到安全账户")
 */
export function compileLexicon(entries: readonly LexiconEntry[], options: CompileOptions = {}): CompiledLexicon {
  const compiled = compileLexicons([{ entries, options }]);
  return { entries, scan: (text) => compiled.scan(text, 1)[0]! };
}

/**
 * What {@link compileLexicons} reads from the sets' regex sources (anchors, required atoms, follow sets, the
 * automaton): plain numbers, strings and typed arrays, so a process can keep them (encodeLexiconTables) and the
 * next one start from them instead of reading every source again (about a second of CPU at start-up). Pattern p
 * is the p-th pattern of the sets' entries in order (`sources[p]`); what the sets say of it (entry, set, options,
 * negatable) is read from the sets by compileLexicons, never from here.
 */
export interface LexiconTables {
  sources: string[];
  /** Most code units one match spans (maxMatchLength, capped): the window the required atoms must occur in. */
  patternMaxLength: Int32Array;
  /**
   * Atoms of literals every match of pattern p contains beyond its anchor (see requiredLiterals), as atom ids:
   * patternAtoms[patternAtomFrom[p] .. patternAtomFrom[p + 1]) (an atom shared by several patterns is one id).
   */
  patternAtomFrom: Int32Array;
  patternAtoms: Int32Array;
  /** Patterns without an anchor, run as a regex over the whole text. */
  unanchored: Int32Array;
  atomCount: number;
  literalLength: Int32Array;
  /** Anchored patterns of literal l: anchorPatterns[anchorFrom[l] .. anchorFrom[l + 1]). */
  anchorFrom: Int32Array;
  anchorPatterns: Int32Array;
  /**
   * What may follow the anchor of candidate k (anchorPatterns[k]): followUnit[followFrom[k] .. followFrom[k + 1]),
   * an empty range when anything may.
   */
  followFrom: Int32Array;
  followUnit: Uint16Array;
  /** Atoms each literal is an alternative of (literalRecord[4l + 2] .. literalRecord[4l + 3] index this). */
  literalAtoms: Int32Array;
  /**
   * What the pass reads of literal l when it ends, in one record (one cache line, where it read three tables):
   * literalRecord[4l .. 4l + 3] = [its length, 1 when it anchors patterns, its first and end index in literalAtoms].
   */
  literalRecord: Int32Array;
  /** The Aho–Corasick automaton of every literal (see {@link Automaton}). */
  rootNext: Uint32Array;
  nodes: Int32Array;
  outputList: Int32Array;
  slots: Int32Array;
  slotMask: number;
  slotShift: number;
}

/** Whether a negator before a match of the entry cancels it (see LexiconEntry.negatable). */
const isNegatable = (entry: LexiconEntry): boolean =>
  entry.negatable ?? (entry.family === "channel" || entry.family === "credential" || entry.family === "money");

/**
 * The regex sources of the sets' patterns, in pattern order: all that {@link buildLexiconTables} reads of the sets.
 * @example lexiconSources([{ entries: [{ ...entry, patterns: ["安全账户", "验证码"] }] }]) // ["安全账户", "验证码"]
 */
export const lexiconSources = (sets: readonly LexiconSet[]): string[] => sets.flatMap(({ entries }) => entries.flatMap((entry) => entry.patterns));

/**
 * Read every pattern of the sets once: its anchors, required atoms, follow sets and longest match, and the
 * automaton of all their literals (the costly part of {@link compileLexicons}). Reads only the sets' sources.
 * @example compileLexicons(sets, buildLexiconTables(sets)) // the same scanner as compileLexicons(sets)
 */
export function buildLexiconTables(sets: readonly LexiconSet[]): LexiconTables {
  if (sets.length > MAX_SETS) throw new Error(`compileLexicons: at most ${MAX_SETS} sets`);
  const patterns: PatternPlan[] = [];
  const unanchored: number[] = [];
  // Every literal the automaton finds: anchors (a pattern is tried where one starts) and the alternatives
  // of required atoms (a pattern is tried only when each of its atoms occurs inside its longest match).
  const literalIds = new Map<string, number>();
  const literals: string[] = [];
  const anchored: number[][] = [];
  // The code units that may follow literal l in a match of anchored[l][k] (see followUnits); null: any.
  const anchoredFollow: (string[] | null)[][] = [];
  const literalId = (literal: string): number => {
    let id = literalIds.get(literal);
    if (id === undefined) {
      id = literals.push(literal) - 1;
      anchored.push([]);
      anchoredFollow.push([]);
      literalIds.set(literal, id);
    }
    return id;
  };
  const atoms: number[][] = [];
  const atomIds = new Map<string, number>();
  const atomId = (alternatives: string[]): number => {
    const key = alternatives.join("\u0000");
    let id = atomIds.get(key);
    if (id === undefined) {
      id = atoms.push([...new Set(alternatives)].map(literalId)) - 1;
      atomIds.set(key, id);
    }
    return id;
  };
  for (const source of lexiconSources(sets)) {
    const p = patterns.length;
    const anchors = anchorsOf(source);
    const lits = anchors === null ? null : anchors.map((a) => a.literal);
    // An atom one of whose alternatives begins every anchor is in every match tried (usually the first);
    // one with a one-unit alternative (" ", ",", "e", "的", "您") occurs so often that tracking it costs more
    // than the regex tests it saves.
    const required = requiredLiterals(source).filter(
      (atom) =>
        atom.length <= MAX_REQUIRED_ALTERNATIVES &&
        atom.every((a) => a.length > 1) &&
        !(lits !== null && lits.every((l) => atom.some((a) => l.startsWith(a)))),
    );
    patterns.push({ source, required: required.map(atomId), maxLength: maxMatchLength(source) });
    if (lits === null || lits.some((l) => l === "")) {
      unanchored.push(p);
      continue;
    }
    // An anchor that extends another anchor of the same pattern starts only where that one starts: it is
    // dropped, so no two anchors of one pattern start at one position and each start is tried once.
    const distinct = [...new Set(lits)];
    const kept = distinct.filter((l) => !distinct.some((o) => o !== l && l.startsWith(o)));
    const follow = followSets(anchors!, kept);
    kept.forEach((literal, k) => {
      const l = literalId(literal);
      anchored[l]!.push(p);
      anchoredFollow[l]!.push(follow[k]!);
    });
  }
  const automaton = buildAutomaton(literals);
  const literalLength = Int32Array.from(literals, (l) => l.length);
  const anchorFrom = new Int32Array(literals.length + 1);
  for (let l = 0; l < literals.length; l++) anchorFrom[l + 1] = anchorFrom[l]! + anchored[l]!.length;
  const anchorPatterns = Int32Array.from(anchored.flat());
  const follows = anchoredFollow.flat();
  const followFrom = new Int32Array(follows.length + 1);
  for (let k = 0; k < follows.length; k++) followFrom[k + 1] = followFrom[k]! + (follows[k]?.length ?? 0);
  const followUnit = Uint16Array.from(follows.flatMap((units) => (units ?? []).map((u) => u.charCodeAt(0))));
  const atomsOf: number[][] = literals.map(() => []);
  atoms.forEach((alternatives, atom) => {
    for (const l of alternatives) atomsOf[l]!.push(atom);
  });
  const literalAtomFrom = new Int32Array(literals.length + 1);
  for (let l = 0; l < literals.length; l++) literalAtomFrom[l + 1] = literalAtomFrom[l]! + atomsOf[l]!.length;
  const literalAtoms = Int32Array.from(atomsOf.flat());
  const literalRecord = new Int32Array(4 * literals.length);
  for (let l = 0; l < literals.length; l++) {
    literalRecord[4 * l] = literalLength[l]!;
    literalRecord[4 * l + 1] = anchorFrom[l + 1]! > anchorFrom[l]! ? 1 : 0;
    literalRecord[4 * l + 2] = literalAtomFrom[l]!;
    literalRecord[4 * l + 3] = literalAtomFrom[l + 1]!;
  }
  const patternAtomFrom = new Int32Array(patterns.length + 1);
  for (let i = 0; i < patterns.length; i++) patternAtomFrom[i + 1] = patternAtomFrom[i]! + patterns[i]!.required.length;
  return {
    sources: patterns.map((p) => p.source),
    // (An unbounded pattern's Infinity is capped: no text is that long.)
    patternMaxLength: Int32Array.from(patterns, (p) => Math.min(p.maxLength, 0x3fffffff)),
    patternAtomFrom,
    patternAtoms: Int32Array.from(patterns.flatMap((p) => p.required)),
    unanchored: Int32Array.from(unanchored),
    atomCount: atoms.length,
    literalLength,
    anchorFrom,
    anchorPatterns,
    followFrom,
    followUnit,
    literalAtoms,
    literalRecord,
    ...automaton,
  };
}

/** The typed arrays of {@link LexiconTables}, in the order {@link encodeLexiconTables} writes them. */
const TABLE_ARRAYS = {
  patternMaxLength: Int32Array,
  patternAtomFrom: Int32Array,
  patternAtoms: Int32Array,
  unanchored: Int32Array,
  literalLength: Int32Array,
  anchorFrom: Int32Array,
  anchorPatterns: Int32Array,
  followFrom: Int32Array,
  followUnit: Uint16Array,
  literalAtoms: Int32Array,
  literalRecord: Int32Array,
  rootNext: Uint32Array,
  nodes: Int32Array,
  outputList: Int32Array,
  slots: Int32Array,
} as const;
type TableArrayName = keyof typeof TABLE_ARRAYS;
const TABLE_ARRAY_NAMES = Object.keys(TABLE_ARRAYS) as TableArrayName[];
const TABLES_FORMAT = "scamguard-lexicon-tables/1";

/**
 * {@link LexiconTables} as bytes: a 4-byte length, a JSON header (format, sources, counts, each array's length),
 * then each typed array's bytes at a 4-byte boundary (in this machine's byte order: the bytes are a cache on the
 * machine that wrote them, never shipped).
 * @example decodeLexiconTables(encodeLexiconTables(buildLexiconTables(sets)))
 */
export function encodeLexiconTables(tables: LexiconTables): Uint8Array {
  const header = new TextEncoder().encode(
    JSON.stringify({
      format: TABLES_FORMAT,
      sources: tables.sources,
      atomCount: tables.atomCount,
      slotMask: tables.slotMask,
      slotShift: tables.slotShift,
      lengths: TABLE_ARRAY_NAMES.map((name) => tables[name].length),
    }),
  );
  const align = (n: number) => (n + 3) & ~3;
  let size = align(4 + header.length);
  for (const name of TABLE_ARRAY_NAMES) size = align(size + tables[name].byteLength);
  const bytes = new Uint8Array(size);
  new DataView(bytes.buffer).setUint32(0, header.length, true);
  bytes.set(header, 4);
  let at = align(4 + header.length);
  for (const name of TABLE_ARRAY_NAMES) {
    const array = tables[name];
    bytes.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), at);
    at = align(at + array.byteLength);
  }
  return bytes;
}

/**
 * The tables {@link encodeLexiconTables} wrote (views over one copy of `bytes`); throws on bytes of another
 * format or cut short.
 * @example decodeLexiconTables(encodeLexiconTables(t)).sources // t.sources
 */
export function decodeLexiconTables(bytes: Uint8Array): LexiconTables {
  const buffer = new Uint8Array(bytes).buffer; // a copy at offset 0 (a Node Buffer may sit in a shared pool)
  if (buffer.byteLength < 4) throw new Error("lexicon tables: cut short");
  const headerLength = new DataView(buffer).getUint32(0, true);
  if (4 + headerLength > buffer.byteLength) throw new Error("lexicon tables: cut short");
  const header = JSON.parse(new TextDecoder().decode(new Uint8Array(buffer, 4, headerLength))) as {
    format: string;
    sources: string[];
    atomCount: number;
    slotMask: number;
    slotShift: number;
    lengths: number[];
  };
  if (header.format !== TABLES_FORMAT || header.lengths.length !== TABLE_ARRAY_NAMES.length) throw new Error("lexicon tables: another format");
  const align = (n: number) => (n + 3) & ~3;
  let at = align(4 + headerLength);
  const arrays = {} as { [K in TableArrayName]: InstanceType<(typeof TABLE_ARRAYS)[K]> };
  TABLE_ARRAY_NAMES.forEach((name, k) => {
    const Type = TABLE_ARRAYS[name];
    const length = header.lengths[k]!;
    if (at + length * Type.BYTES_PER_ELEMENT > buffer.byteLength) throw new Error("lexicon tables: cut short");
    (arrays as Record<TableArrayName, unknown>)[name] = new Type(buffer, at, length);
    at = align(at + length * Type.BYTES_PER_ELEMENT);
  });
  return { sources: header.sources, atomCount: header.atomCount, slotMask: header.slotMask, slotShift: header.slotShift, ...arrays };
}

/**
 * Compile several lexicons into one scanner (see {@link CompiledLexicons}); each keeps its own options.
 * `tables`: what {@link buildLexiconTables} read from these sets before (kept by the caller); they must be of these
 * sets' patterns, else this throws.
 * @example compileLexicons([{ entries: zh.entries }, { entries: en.entries, options: { wordStart: true } }])
 */
export function compileLexicons(sets: readonly LexiconSet[], tables: LexiconTables = buildLexiconTables(sets)): CompiledLexicons {
  if (sets.length > MAX_SETS) throw new Error(`compileLexicons: at most ${MAX_SETS} sets`);
  const sources = lexiconSources(sets);
  if (sources.length !== tables.sources.length || sources.some((source, p) => source !== tables.sources[p])) {
    throw new Error("compileLexicons: the tables are of other patterns");
  }
  const {
    patternMaxLength,
    patternAtomFrom,
    patternAtoms,
    literalLength,
    anchorFrom,
    anchorPatterns,
    followFrom,
    followUnit,
    literalAtoms,
    literalRecord,
  } = tables;
  const patterns = sets.flatMap(({ entries, options = {} }, set) =>
    entries.flatMap((entry, e) =>
      entry.patterns.map((source) => ({ entry: e, set, re: new RegExp(source, "y"), wordStart: options.wordStart ?? false, negatable: isNegatable(entry) })),
    ),
  );
  const patternWordStart = Uint8Array.from(patterns, (p) => (p.wordStart ? 1 : 0));
  const unanchored = [...tables.unanchored];
  // Occurrences of atoms in the text being scanned: first in order of their end (atom, start, end) in
  // `pending`, then grouped by atom (still in order of end) into occurrenceStart/occurrenceEnd, atom a's
  // from atomFrom[a] to atomFrom[a] + atomCount[a]; `touched` lists the atoms with any.
  let pending = new Int32Array(3 * 1024);
  let occurrenceStart = new Int32Array(1024);
  let occurrenceEnd = new Int32Array(1024);
  const atomCount = new Int32Array(tables.atomCount);
  const atomFrom = new Int32Array(tables.atomCount);
  const touched: number[] = [];
  const patternSetBit = Int32Array.from(patterns, (p) => 1 << p.set);
  const globals = unanchored.map((p) => ({ p, re: new RegExp(patterns[p]!.re.source, "g") }));
  // One (global) regex per set's negators, for both reads of negated(): a test from index 0, then exec across the match start.
  const negators = sets.map(({ options = {} }) => (options.negators ? new RegExp(`(?:${options.negators})`, "g") : null));
  const windows = sets.map(({ options = {} }) => options.negationWindow ?? 10);
  const allSets = sets.length === 0 ? 0 : 2 ** sets.length - 1;
  // Anchor occurrences of one scan: literal anchorLiteral[k] (which anchors patterns) starts at anchorStart[k].
  // They expand to candidate patterns only after the pass, when every atom occurrence is known.
  let anchorLiteral = new Int32Array(1024);
  let anchorStart = new Int32Array(1024);

  /** Whether some alternative of `atom` occurs inside [from, to). */
  const occursWithin = (atom: number, from: number, to: number): boolean => {
    const count = atomCount[atom]!;
    if (count === 0) return false;
    // First occurrence ending after `from` (ends ascend), then every one ending by `to`.
    let lo = atomFrom[atom]!;
    const last = lo + count;
    let hi = last;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (occurrenceEnd[mid]! <= from) lo = mid + 1;
      else hi = mid;
    }
    for (let j = lo; j < last && occurrenceEnd[j]! <= to; j++) if (occurrenceStart[j]! >= from) return true;
    return false;
  };

  /** Group the `pending` occurrences by atom (counting sort, stable). */
  const groupOccurrences = (occurrences: number): void => {
    if (occurrenceStart.length < occurrences) {
      occurrenceStart = new Int32Array(occurrences * 2);
      occurrenceEnd = new Int32Array(occurrences * 2);
    }
    let offset = 0;
    for (let t = 0; t < touched.length; t++) {
      const atom = touched[t]!;
      atomFrom[atom] = offset;
      offset += atomCount[atom]!;
      atomCount[atom] = 0;
    }
    for (let k = 0; k < occurrences; k++) {
      const atom = pending[3 * k]!;
      const j = atomFrom[atom]! + atomCount[atom]!;
      occurrenceStart[j] = pending[3 * k + 1]!;
      occurrenceEnd[j] = pending[3 * k + 2]!;
      atomCount[atom] = atomCount[atom]! + 1;
    }
  };

  /**
   * Whether a negator in the clause before `start` governs the match there: one that ends before it ("请勿透露验证码"),
   * or one that starts before it and ends inside it, since a pattern may begin at the negator's last character
   * ("解冻无需缴纳任何费用": "需缴" starts inside "无需").
   */
  const negated = (text: string, set: number, start: number): boolean => {
    const negator = negators[set];
    if (negator === null || negator === undefined) return false;
    const window = Math.max(0, start - windows[set]!);
    // The clause before the match within the window: back from `start` to the last clause end (read backwards, no
    // regex match objects).
    let from = start;
    while (from > window && !isClauseEndUnit(text.charCodeAt(from - 1))) from--;
    negator.lastIndex = 0;
    if (negator.test(text.slice(from, start))) return true;
    negator.lastIndex = 0;
    const reach = text.slice(from, start + NEGATOR_OVERLAP);
    for (let m = negator.exec(reach); m !== null && m.index < start - from; m = negator.exec(reach)) {
      if (m.index + m[0].length > start - from) return true;
      if (m[0].length === 0) negator.lastIndex++;
    }
    return false;
  };

  /** Hits per set, each hit tagged with its pattern (the tie-break of the final order). */
  let found: { hit: LexiconHit; pattern: number }[][] = [];

  const push = (text: string, p: number, start: number, end: number): void => {
    const pattern = patterns[p]!;
    if (pattern.negatable && negated(text, pattern.set, start)) return;
    found[pattern.set]!.push({ hit: { entry: pattern.entry, start, end }, pattern: p });
  };

  const { rootNext, nodes, outputList, slots, slotMask, slotShift } = tables;

  return {
    sets,
    unanchoredSets: unanchored.reduce((bits, p) => bits | (1 << patterns[p]!.set), 0),
    scan(text: string, enabled = allSets): (LexiconHit[] | null)[] {
      const mask = enabled & allSets;
      found = sets.map(() => []);
      const n = mask === 0 ? 0 : text.length;
      let anchors = 0;
      let occurrences = 0;
      // One pass of the automaton: every literal occurrence, in order of its end.
      let state = 0;
      for (let i = 0; i < n; i++) {
        const code = text.charCodeAt(i);
        for (;;) {
          if (state === 0) {
            state = rootNext[code]!;
            break;
          }
          const node = state << 2;
          const move = nodes[node]!;
          if (move === code) {
            state = nodes[node + 1]!;
            break;
          }
          // A state with several moves keeps a 32-bit filter of their codes (bit code & 31) where a single
          // move's target would be: most units are none of its moves, and skip the hash probe.
          if (move === MANY_MOVES && (nodes[node + 1]! & (1 << (code & 31))) !== 0) {
            let slot = Math.imul((state << 16) | code, 0x9e3779b1) >>> slotShift;
            let to = 0;
            for (let k = slots[3 * slot]!; k !== EMPTY_SLOT; k = slots[3 * slot]!) {
              if (k === state && slots[3 * slot + 1] === code) {
                to = slots[3 * slot + 2]!;
                break;
              }
              slot = (slot + 1) & slotMask;
            }
            if (to !== 0) {
              state = to;
              break;
            }
          }
          state = nodes[node + 2]!;
        }
        for (let o = nodes[(state << 2) + 3]!, l = outputList[o]!; l >= 0; l = outputList[++o]!) {
          const record = l << 2;
          const start = i + 1 - literalRecord[record]!;
          if (literalRecord[record + 1] === 1) {
            if (anchors === anchorLiteral.length) {
              const grownLiteral = new Int32Array(anchors * 2);
              grownLiteral.set(anchorLiteral);
              anchorLiteral = grownLiteral;
              const grownStart = new Int32Array(anchors * 2);
              grownStart.set(anchorStart);
              anchorStart = grownStart;
            }
            anchorLiteral[anchors] = l;
            anchorStart[anchors++] = start;
          }
          for (let k = literalRecord[record + 2]!, end = literalRecord[record + 3]!; k < end; k++) {
            const atom = literalAtoms[k]!;
            if (atomCount[atom] === 0) touched.push(atom);
            atomCount[atom] = atomCount[atom]! + 1;
            if (3 * occurrences === pending.length) {
              const grown = new Int32Array(pending.length * 2);
              grown.set(pending);
              pending = grown;
            }
            pending[3 * occurrences] = atom;
            pending[3 * occurrences + 1] = start;
            pending[3 * occurrences++ + 2] = i + 1;
          }
        }
      }
      groupOccurrences(occurrences);
      // Each pattern anchored where a literal starts runs its (sticky) regex only when every required atom
      // occurs within its longest match: first every atom must occur at all (most candidates fail here, on a
      // counter), then inside the window.
      for (let a = 0; a < anchors; a++) {
        const l = anchorLiteral[a]!;
        const start = anchorStart[a]!;
        const afterWord = start > 0 && isWordUnit(text.charCodeAt(start - 1));
        candidates: for (let k = anchorFrom[l]!, end = anchorFrom[l + 1]!; k < end; k++) {
          const p = anchorPatterns[k]!;
          if ((patternSetBit[p]! & mask) === 0) continue;
          if (afterWord && patternWordStart[p] === 1) continue;
          // The unit after the anchor (NaN past the end) must be one that can follow it in a match.
          const followEnd = followFrom[k + 1]!;
          if (followFrom[k]! < followEnd) {
            const next = text.charCodeAt(start + literalLength[l]!);
            let f = followFrom[k]!;
            while (f < followEnd && followUnit[f] !== next) f++;
            if (f === followEnd) continue;
          }
          const from = patternAtomFrom[p]!;
          const to = patternAtomFrom[p + 1]!;
          for (let r = from; r < to; r++) if (atomCount[patternAtoms[r]!] === 0) continue candidates;
          const limit = start + patternMaxLength[p]!;
          for (let r = from; r < to; r++) if (!occursWithin(patternAtoms[r]!, start, limit)) continue candidates;
          const re = patterns[p]!.re;
          re.lastIndex = start;
          // test() on a sticky regex leaves the match end in lastIndex: no match array, no capture strings.
          if (re.test(text) && re.lastIndex > start) push(text, p, start, re.lastIndex);
        }
      }
      for (const atom of touched) atomCount[atom] = 0;
      touched.length = 0;
      for (const { p, re } of globals) {
        const pattern = patterns[p]!;
        if (((1 << pattern.set) & mask) === 0) continue;
        re.lastIndex = 0;
        for (let m = re.exec(text); m !== null; m = re.exec(text)) {
          if (m[0].length === 0) {
            re.lastIndex++;
            continue;
          }
          if (pattern.wordStart && m.index > 0 && isWordUnit(text.charCodeAt(m.index - 1))) continue;
          push(text, p, m.index, m.index + m[0].length);
        }
      }
      return found.map((hits, set) => {
        if (((1 << set) & mask) === 0) return null;
        // Text order; at one position, entry order, then pattern order (independent of how patterns were anchored).
        hits.sort((x, y) => x.hit.start - y.hit.start || x.hit.entry - y.hit.entry || x.pattern - y.pattern);
        return hits.map((h) => h.hit);
      });
    },
  };
}

/** State of an empty slot (states are >= 0). */
const EMPTY_SLOT = -1;
/**
 * Most states an automaton may have: `nodes` addresses a state's record at state << 2 in an Int32Array. The hash
 * slots keep the state and the code unit apart (a (state << 16 | code) key held fewer than 65,535 states, and the
 * lexicons reached 65,346 on 2026-12-03); (state << 16 | code) is only the hash input.
 */
const MAX_STATES = 1 << 24;
/** Move code of a state without moves, and of a state with more than one (looked up in the hash table). */
const NO_MOVE = -1;
const MANY_MOVES = -2;

/**
 * An Aho–Corasick automaton over UTF-16 code units. The root's moves are a 65,536-entry table; every other
 * state s has a record nodes[4s .. 4s + 3] = [code of its one move (or NO_MOVE, MANY_MOVES), the state that
 * move leads to (for MANY_MOVES: a filter with bit `code & 31` set for each of its moves), its failure state, where its output list starts in `outputList`], so a step reads one record;
 * the moves of states with several are in one open-addressed hash table of (state, code unit, next
 * state) pairs. The output list of s holds the literals that end where s is reached, longest first (the one s
 * ends, then those of the states on its failure chain), contiguous in `outputList` and ended by -1; index 0 is the
 * empty list. A state that ends no literal shares the list of the nearest state on its failure chain that does.
 * One sequential read per output, where walking the chain read two tables at random (~480 outputs per 1.5 KB
 * dialogue).
 * Tried 2026-12-03, none faster (scan-only A/B on the bench dialogues, shared machine): numbering states breadth
 * first with each state's moves in a table of its own (within noise); a direct-mapped cache of (state, unit) steps
 * in front of the walk, 2^10–2^14 entries, though 75–90 % of steps hit it (2–14 % slower: a miss on the cache
 * costs what the step did). The walk alone takes ~13 ns a unit there, a loop of one table read ~2 ns.
 */
interface Automaton {
  rootNext: Uint32Array;
  nodes: Int32Array;
  outputList: Int32Array;
  slots: Int32Array;
  slotMask: number;
  slotShift: number;
}

function buildAutomaton(literals: readonly string[]): Automaton {
  const children: Map<number, number>[] = [new Map()];
  const ends: number[] = [-1];
  literals.forEach((literal, l) => {
    let state = 0;
    for (let i = 0; i < literal.length; i++) {
      const code = literal.charCodeAt(i);
      let to = children[state]!.get(code);
      if (to === undefined) {
        to = children.push(new Map()) - 1;
        ends.push(-1);
        children[state]!.set(code, to);
      }
      state = to;
    }
    ends[state] = l;
  });
  const states = children.length;
  if (states >= MAX_STATES) throw new Error(`compileLexicons: ${states} automaton states, more than ${MAX_STATES}`);
  const fail = new Int32Array(states);
  const output = new Int32Array(states);
  // Breadth first: a state's failure link is shorter, so it is complete before the state is reached. The
  // root's children fail to the root.
  const queue = [...children[0]!.values()];
  for (let q = 0; q < queue.length; q++) {
    const state = queue[q]!;
    for (const [code, to] of children[state]!) {
      let f = fail[state]!;
      while (f !== 0 && !children[f]!.has(code)) f = fail[f]!;
      fail[to] = children[f]!.get(code) ?? 0;
      output[to] = ends[fail[to]!]! >= 0 ? fail[to]! : output[fail[to]!]!;
      queue.push(to);
    }
  }
  // Output lists in breadth-first order, so the list of a state's output state (shallower) is already written.
  const listAt = new Int32Array(states);
  const lists: number[] = [-1];
  for (const s of queue) {
    if (ends[s]! < 0) {
      listAt[s] = listAt[output[s]!]!;
      continue;
    }
    listAt[s] = lists.length;
    lists.push(ends[s]!);
    for (let k = listAt[output[s]!]!; lists[k]! >= 0; k++) lists.push(lists[k]!);
    lists.push(-1);
  }
  const rootNext = new Uint32Array(65536);
  for (const [code, to] of children[0]!) rootNext[code] = to;
  const nodes = new Int32Array(4 * states);
  let edges = 0;
  for (let s = 0; s < states; s++) {
    const moves = children[s]!;
    const [only] = moves;
    nodes[4 * s] = moves.size === 0 ? NO_MOVE : moves.size === 1 ? only![0] : MANY_MOVES;
    let filter = 0;
    if (moves.size > 1) for (const code of moves.keys()) filter |= 1 << (code & 31);
    nodes[4 * s + 1] = moves.size === 1 ? only![1] : filter;
    nodes[4 * s + 2] = fail[s]!;
    nodes[4 * s + 3] = listAt[s]!;
    if (s > 0 && moves.size > 1) edges += moves.size;
  }
  let bits = 4;
  while (1 << bits < edges * 2) bits++;
  const slotMask = (1 << bits) - 1;
  const slotShift = 32 - bits;
  const slots = new Int32Array(3 << bits).fill(EMPTY_SLOT);
  for (let s = 1; s < states; s++) {
    if (children[s]!.size < 2) continue;
    for (const [code, to] of children[s]!) {
      let slot = Math.imul((s << 16) | code, 0x9e3779b1) >>> slotShift;
      while (slots[3 * slot] !== EMPTY_SLOT) slot = (slot + 1) & slotMask;
      slots[3 * slot] = s;
      slots[3 * slot + 1] = code;
      slots[3 * slot + 2] = to;
    }
  }
  return { rootNext, nodes, outputList: Int32Array.from(lists), slots, slotMask, slotShift };
}
