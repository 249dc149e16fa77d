/**
 * Compiles lexicon entries once into an anchored scanner: every pattern's leading literal alternatives
 * go into a first-code-unit index, so one pass over the text tries only the patterns whose literal
 * starts at that position, and only those run their (sticky) regular expression.
 */
import type { LexiconEntry } from "./lexicon-types.js";

/** A match in normalised coordinates. @example { entry: 0, start: 3, end: 7 } // entries[0] matched normalized.slice(3, 7) */
export interface LexiconHit {
  entry: number;
  start: number;
  end: number;
}

interface CompiledPattern {
  entry: number;
  re: RegExp;
}

interface Anchor {
  literal: string;
  first: number;
  /** Second and third code units of the literal, or -1 where it is shorter (cheap pre-checks before startsWith). */
  second: number;
  third: number;
  pattern: number;
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

const META = new Set("\\^$.|?*+()[]{}");
const QUANT = new Set("?*+{");

/** Split `s` on top-level `|` (outside groups and classes). */
function splitTopLevel(s: string): string[] | null {
  const parts: string[] = [];
  let depth = 0;
  let cur = "";
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (ch === "\\") {
      cur += ch + (s[i + 1] ?? "");
      i++;
      continue;
    }
    if (ch === "(" || ch === "[") depth++;
    if (ch === ")" || ch === "]") depth--;
    if (ch === "|" && depth === 0) {
      parts.push(cur);
      cur = "";
    } else cur += ch;
  }
  parts.push(cur);
  return parts;
}

/** Index of the `)` closing the group that opens at `open` (escapes skipped), or -1 when unbalanced. */
function closingParen(source: string, open: number): number {
  let depth = 0;
  for (let i = open; i < source.length; i++) {
    if (source[i] === "\\") {
      i++;
      continue;
    }
    if (source[i] === "(") depth++;
    if (source[i] === ")" && --depth === 0) return i;
  }
  return -1;
}

/**
 * Leading literal alternatives of a regex source, or null when it cannot be anchored.
 * @example leadingLiterals("(注销|关闭).{0,6}账户") // ["注销", "关闭"]
 * @example leadingLiterals("安全账户") // ["安全账户"]
 */
export function leadingLiterals(source: string): string[] | null {
  if (source.startsWith("(") && !source.startsWith("(?")) {
    const close = closingParen(source, 0);
    if (close < 0 || QUANT.has(source[close + 1] ?? "")) return null;
    const alts = splitTopLevel(source.slice(1, close));
    if (alts === null) return null;
    const lits: string[] = [];
    for (const alt of alts) {
      const lit = leadingLiterals(alt);
      if (lit === null) return null;
      lits.push(...lit);
    }
    return lits;
  }
  let lit = "";
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (META.has(ch)) {
      if (QUANT.has(ch)) lit = lit.slice(0, -1);
      break;
    }
    lit += ch;
  }
  return lit === "" ? null : [lit];
}

/** A regex alternative that is a plain literal (escaped punctuation allowed) as its text, else null. */
function unescapeLiteral(alt: string): string | null {
  let out = "";
  for (let i = 0; i < alt.length; i++) {
    const c = alt[i]!;
    if (c === "\\") {
      const e = alt[i + 1] ?? "";
      if (!/[^A-Za-z0-9]/.test(e)) return null;
      out += e;
      i++;
    } else if (META.has(c)) return null;
    else out += c;
  }
  return out;
}

const BIGRAM_SLOTS = 1 << 16;
const bigramSlot = (a: number, b: number): number => (Math.imul(a, 0x9e3779b1) ^ b) & (BIGRAM_SLOTS - 1);

/** Stop widening anchors once every literal has this many characters, or at this many literals. */
const ANCHOR_MIN_LENGTH = 3;
const ANCHOR_MAX_COUNT = 64;

/**
 * Literal prefixes every match of `source` starts with, widened across leading literal groups so that
 * one-character anchors ("你|您" before "(的)?(儿子|女儿)") do not send the scanner into the regex at every
 * common character. Falls back to {@link leadingLiterals}.
 * @example anchorLiterals("(你|您)(的)?(儿子|女儿)") // ["你的儿子", "你的女儿", "您的儿子", …, "您女儿"]
 */
export function anchorLiterals(source: string): string[] | null {
  let prefixes = [""];
  let pos = 0;
  while (pos < source.length && prefixes.some((p) => p.length < ANCHOR_MIN_LENGTH)) {
    const ch = source[pos]!;
    let alts: string[];
    let next: number;
    if (ch === "(" && source[pos + 1] !== "?") {
      const close = closingParen(source, pos);
      if (close < 0) break;
      const raw = splitTopLevel(source.slice(pos + 1, close));
      if (raw === null) break;
      const inner = raw.map(unescapeLiteral);
      if (inner.some((a) => a === null)) {
        // A pattern that is one big group of complex alternatives: anchor each alternative on its own.
        if (pos === 0 && close === source.length - 1) {
          const each = raw.map((alt) => anchorLiterals(alt));
          if (each.every((l) => l !== null)) return [...new Set(each.flatMap((l) => l!))];
        }
        break;
      }
      alts = inner as string[];
      next = close + 1;
    } else if (ch === "\\" && /[^A-Za-z0-9]/.test(source[pos + 1] ?? "a")) {
      alts = [source[pos + 1]!];
      next = pos + 2;
    } else if (META.has(ch)) {
      break;
    } else {
      alts = [ch];
      next = pos + 1;
    }
    const quant = source[next] ?? "";
    if (quant === "?") {
      alts = [...alts, ""];
      next++;
    } else if (QUANT.has(quant)) break;
    if (prefixes.length * alts.length > ANCHOR_MAX_COUNT) break;
    prefixes = prefixes.flatMap((p) => alts.map((a) => p + a));
    pos = next;
  }
  if (prefixes.some((p) => p === "")) return leadingLiterals(source);
  return [...new Set(prefixes)];
}

const isWordUnit = (c: number): boolean => (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39);
const CLAUSE_END = /[。!?;\n,]/g;

/** One bit per slot of a 65,536-slot table: 8 KB, small enough to stay in L1 while the 256 KB index does not. */
const newBitSet = (): Int32Array => new Int32Array(65536 >>> 5);
const setBit = (bits: Int32Array, k: number): void => {
  bits[k >>> 5] = bits[k >>> 5]! | (1 << (k & 31));
};
const hasBit = (bits: Int32Array, k: number): boolean => ((bits[k >>> 5]! >>> (k & 31)) & 1) === 1;

/**
 * Compile entries once; the result is reused for every text.
 * @example compileLexicon([{ id: "money:safe-account", family: "money", stage: "money", weight: 1, description: "", patterns: ["安全账户"] }]).scan("转到安全账户")
 */
export function compileLexicon(entries: readonly LexiconEntry[], options: CompileOptions = {}): CompiledLexicon {
  const patterns: CompiledPattern[] = [];
  // Anchors of two or more characters are bucketed by a hash of their first two code units, one-character
  // anchors by that unit. Bit sets in front of the two indexes (first units of any anchor, occupied pair
  // slots, one-character anchors) answer "nothing starts here" for most positions from L1 cache: the
  // 256 KB indexes are read only where a bucket exists.
  const pairIndex = new Int32Array(BIGRAM_SLOTS);
  const singleIndex = new Int32Array(65536);
  const firstBits = newBitSet();
  const pairBits = newBitSet();
  const singleBits = newBitSet();
  const buckets: Anchor[][] = [];
  const unanchored: number[] = [];
  const bucketOf = (index: Int32Array, slot: number): Anchor[] => {
    if (index[slot] === 0) {
      buckets.push([]);
      index[slot] = buckets.length;
    }
    return buckets[index[slot]! - 1]!;
  };
  entries.forEach((entry, e) => {
    for (const source of entry.patterns) {
      const p = patterns.length;
      patterns.push({ entry: e, re: new RegExp(source, "y") });
      const lits = anchorLiterals(source);
      if (lits === null || lits.some((l) => l === "")) {
        unanchored.push(p);
        continue;
      }
      for (const literal of new Set(lits)) {
        const first = literal.charCodeAt(0);
        const second = literal.length > 1 ? literal.charCodeAt(1) : -1;
        const third = literal.length > 2 ? literal.charCodeAt(2) : -1;
        setBit(firstBits, first);
        if (second === -1) setBit(singleBits, first);
        else setBit(pairBits, bigramSlot(first, second));
        const bucket = second === -1 ? bucketOf(singleIndex, first) : bucketOf(pairIndex, bigramSlot(first, second));
        bucket.push({ literal, first, second, third, pattern: p });
      }
    }
  });
  const globals = new Map(unanchored.map((p) => [p, new RegExp(patterns[p]!.re.source, "g")]));
  const negatable = entries.map((e) => e.negatable ?? (e.family === "channel" || e.family === "credential" || e.family === "money"));
  const negator = options.negators ? new RegExp(`(?:${options.negators})`) : null;
  const window = options.negationWindow ?? 10;
  const wordStart = options.wordStart ?? false;
  const tried = new Int32Array(patterns.length).fill(-1);
  let stamp = 0;

  const negated = (text: string, start: number): boolean => {
    if (negator === null) return false;
    let from = Math.max(0, start - window);
    const before = text.slice(from, start);
    CLAUSE_END.lastIndex = 0;
    let cut = -1;
    for (let m = CLAUSE_END.exec(before); m !== null; m = CLAUSE_END.exec(before)) cut = m.index;
    from = cut + 1;
    return negator.test(before.slice(from));
  };

  const push = (hits: LexiconHit[], text: string, p: number, start: number, end: number): void => {
    const entry = patterns[p]!.entry;
    if (negatable[entry] && negated(text, start)) return;
    hits.push({ entry, start, end });
  };

  /** Run the patterns of one bucket whose literal starts at `i`; `base + i` stamps "already tried here". */
  const runBucket = (bucket: Anchor[], hits: LexiconHit[], text: string, base: number, i: number, code: number, next: number): void => {
    // A bucket holds ~6 literals sharing two code units; the third rejects all but ~1 before any string compare.
    const third = text.charCodeAt(i + 2); // NaN past the end: no three-unit literal fits there
    for (let k = 0; k < bucket.length; k++) {
      const a = bucket[k]!;
      if (a.first !== code || (a.second !== -1 && a.second !== next) || (a.third !== -1 && a.third !== third)) continue;
      if (tried[a.pattern] === base + i || !text.startsWith(a.literal, i)) continue;
      tried[a.pattern] = base + i;
      const re = patterns[a.pattern]!.re;
      re.lastIndex = i;
      const m = re.exec(text);
      if (m !== null && m[0].length > 0) push(hits, text, a.pattern, i, i + m[0].length);
    }
  };

  return {
    entries,
    scan(text: string): LexiconHit[] {
      const hits: LexiconHit[] = [];
      // tried[p] === stamp + i: pattern p already ran at position i in this scan (no refill per scan).
      if (stamp + text.length + 1 > 0x7fffffff) {
        tried.fill(-1);
        stamp = 0;
      }
      const base = stamp;
      stamp += text.length + 1;
      const n = text.length;
      // One read of each code unit: `code` is text[i], `next` text[i + 1] (-2 past the end), `prevWord`
      // whether text[i - 1] is a word unit (English anchors start at word starts only).
      let code = n > 0 ? text.charCodeAt(0) : 0;
      let prevWord = false;
      for (let i = 0; i < n; i++) {
        const next = i + 1 < n ? text.charCodeAt(i + 1) : -2;
        if (hasBit(firstBits, code) && !(wordStart && prevWord)) {
          if (next >= 0) {
            const slot = bigramSlot(code, next);
            if (hasBit(pairBits, slot)) runBucket(buckets[pairIndex[slot]! - 1]!, hits, text, base, i, code, next);
          }
          if (hasBit(singleBits, code)) runBucket(buckets[singleIndex[code]! - 1]!, hits, text, base, i, code, next);
        }
        prevWord = isWordUnit(code);
        code = next;
      }
      for (const [p, re] of globals) {
        re.lastIndex = 0;
        for (let m = re.exec(text); m !== null; m = re.exec(text)) {
          if (m[0].length === 0) {
            re.lastIndex++;
            continue;
          }
          if (wordStart && m.index > 0 && isWordUnit(text.charCodeAt(m.index - 1))) continue;
          push(hits, text, p, m.index, m.index + m[0].length);
        }
      }
      hits.sort((x, y) => x.start - y.start || x.entry - y.entry);
      return hits;
    },
  };
}
