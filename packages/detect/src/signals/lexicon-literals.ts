/**
 * What a lexicon pattern's regex source says about the literals of its matches: the literals every match
 * starts with (the scanner's anchors) and the literals every match contains (a text without any of them
 * cannot match, so the regex never runs on it). Both are read from the source conservatively: when a
 * construct is not understood, fewer literals are claimed, never wrong ones.
 */

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
  const top = splitTopLevel(source);
  if (top !== null && top.length > 1) return unionOf(top.map(leadingLiterals));
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

/** The literals of every alternative, or null when one of them cannot be anchored. */
const unionOf = (each: (string[] | null)[]): string[] | null =>
  each.every((l) => l !== null) ? [...new Set(each.flatMap((l) => l!))] : null;

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

/**
 * Characters of a class of plain characters ("[,，]" → [",", "，"]), else null (negation, escapes of letters, and
 * ranges unless `rangeUnits` > 0: then spelled out, "[0-3两]" → 0, 1, 2, 3, 两, while the class has at most that many).
 */
function classChars(body: string, rangeUnits = 0): string[] | null {
  if (body === "" || body.startsWith("^")) return null;
  const chars: string[] = [];
  for (let i = 0; i < body.length; i++) {
    let c = body[i]!;
    if (c === "\\") {
      c = body[i + 1] ?? "a";
      if (!/[^A-Za-z0-9]/.test(c)) return null;
      i++;
    } else if (c === "-" && i > 0 && i < body.length - 1) {
      const from = chars.pop()!.charCodeAt(0);
      const to = body.charCodeAt(i + 1);
      if (rangeUnits === 0 || body[i + 1] === "\\" || to < from || chars.length + to - from >= rangeUnits) return null;
      for (let u = from; u <= to; u++) chars.push(String.fromCharCode(u));
      i++;
      continue;
    }
    chars.push(c);
  }
  return rangeUnits > 0 && chars.length > rangeUnits ? null : chars;
}

/** Index of the `]` closing the class that opens at `open`, or -1. */
function closingBracket(source: string, open: number): number {
  for (let i = open + 1; i < source.length; i++) {
    if (source[i] === "\\") i++;
    else if (source[i] === "]") return i;
  }
  return -1;
}


/**
 * An anchor is wide enough once its weight reaches ANCHOR_MIN_WEIGHT: a CJK character weighs 2, any other
 * code unit 1, so three CJK characters or five letters. Widening stops at ANCHOR_MAX_COUNT literals a pattern.
 * Measured on the bench dialogues (weight 3, 64 literals → 5, 1,024): regex tests per dialogue 274 → 129,
 * anchors tried 1,106 → 485, for 21,500 automaton states instead of 14,100 and
 * ~2 MB more heap. Measured again 2026-12-03 (73,000 states, 19,400 literals; scan-only A/B against 5): weight 4
 * within noise, 3, 6 and 7 slower by 9–15 %.
 */
const ANCHOR_MIN_WEIGHT = 5;
const ANCHOR_MAX_COUNT = 1024;
const anchorWeight = (literal: string): number => {
  let w = 0;
  for (let i = 0; i < literal.length; i++) w += literal.charCodeAt(i) >= 0x2e80 ? 2 : 1;
  return w;
};

/**
 * Literal prefixes every match of `source` starts with, widened across leading literal groups, optional
 * parts and small classes ("[,]?") so that one-character anchors ("你|您" before "(的)?(儿子|女儿)") do not
 * send the scanner into the regex at every common character. A prefix wide enough is kept as it is while
 * the short ones widen. A group's complex alternative ("在[^,]{0,6}") widens a prefix by its own anchors and
 * ends it. Falls back to {@link leadingLiterals}.
 * @example anchorLiterals("(你|您)(的)?(儿子|女儿)") // ["你的儿子", "你的女儿", "你儿子", "你女儿", "您的儿子", …]
 * @example anchorLiterals("(你|您)(在[^,]{0,6})?(卖|出售)的") // ["你在", "你卖的", "你出售", "您在", "您卖的", "您出售"]
 */
export function anchorLiterals(source: string): string[] | null {
  const anchors = anchorsOf(source);
  return anchors === null ? null : [...new Set(anchors.map((a) => a.literal))];
}

/** An anchor of a pattern and the source the rest of a match starting with it matches (null: not known). */
export interface Anchor {
  literal: string;
  rest: string | null;
}

/** {@link anchorLiterals} with the rest of the pattern after each anchor (the same literals, one per way to reach it). */
export function anchorsOf(source: string): Anchor[] | null {
  // "a(b|c)|d": every match starts with a match of one top-level alternative.
  const top = splitTopLevel(source);
  if (top !== null && top.length > 1) {
    const each = top.map(anchorsOf);
    return each.every((a) => a !== null) ? each.flatMap((a) => a!) : null;
  }
  const done: Anchor[] = [];
  let open = [""];
  let pos = 0;
  while (pos < source.length && open.length > 0) {
    const ch = source[pos]!;
    let alts: string[];
    /** Anchors of a group's complex alternatives: a prefix widened by one ends there (what follows it is unknown). */
    let ends: string[] = [];
    let next: number;
    if (ch === "(" && (source[pos + 1] !== "?" || source[pos + 2] === ":")) {
      const close = closingParen(source, pos);
      if (close < 0) break;
      const bodyStart = source[pos + 1] === "?" ? pos + 3 : pos + 1;
      const raw = splitTopLevel(source.slice(bodyStart, close));
      if (raw === null) break;
      const inner = raw.map(unescapeLiteral);
      if (inner.some((a) => a === null)) {
        // "(你|您)(在[^,]{0,6})?(卖|出售)": a complex alternative widens a prefix by its own anchors ("你在")
        // and ends it there; the plain ones (and an optional group's "") widen on.
        const complex = unionOf(raw.filter((_, k) => inner[k] === null).map(anchorLiterals));
        if (complex === null || complex.some((a) => a === "")) break;
        ends = complex;
      }
      alts = inner.filter((a): a is string => a !== null);
      next = close + 1;
    } else if (ch === "[") {
      const close = closingBracket(source, pos);
      const chars = close < 0 ? null : classChars(source.slice(pos + 1, close));
      if (chars === null || chars.length > 8) break;
      alts = chars;
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
    if (quant === "?" && source[next + 1] !== "?") {
      alts = [...alts, ""];
      next++;
    } else if (QUANT.has(quant)) break;
    if (done.length + open.length * (alts.length + ends.length) > ANCHOR_MAX_COUNT) break;
    const widened = open.flatMap((p) => alts.map((a) => p + a));
    for (const p of open) for (const a of ends) done.push({ literal: p + a, rest: null });
    open = [];
    for (const p of widened) {
      if (anchorWeight(p) >= ANCHOR_MIN_WEIGHT) done.push({ literal: p, rest: source.slice(next) });
      else open.push(p);
    }
    pos = next;
  }
  // The loop stops before the item at `pos`: a match goes on with what the source says from there.
  const all = [...done, ...open.map((p) => ({ literal: p, rest: source.slice(pos) }))];
  if (all.some((a) => a.literal === "")) return leadingLiterals(source)?.map((literal) => ({ literal, rest: null })) ?? null;
  return all;
}

/** Most code units a follow set lists (a longer one is not worth checking). */
const MAX_FOLLOW_UNITS = 32;

/**
 * The units a source that starts with a mandatory class ("[0-9一二三]+…", not "[^…]", "[…]?" or "[…]*") can start
 * with, ranges spelled out (at most MAX_FOLLOW_UNITS), or null.
 * @example leadingClassUnits("[0-3两]+(万|千)") // ["0", "1", "2", "3", "两"]
 */
function leadingClassUnits(source: string): string[] | null {
  if (source[0] !== "[") return null;
  const close = closingBracket(source, 0);
  if (close < 0) return null;
  const q = source[close + 1];
  if (q === "?" || q === "*" || (q === "{" && /^\{0[,}]/.test(source.slice(close + 1)))) return null;
  return classChars(source.slice(1, close), MAX_FOLLOW_UNITS);
}

/**
 * For each of `literals` (anchors of one pattern, none a prefix of another, that every anchor in `anchors`
 * extends), the code units that can come right after it in a match that starts with it, or null when any can
 * (or the end of the text): the next unit of each longer anchor that extends it, and the first units of what
 * the pattern says after it. The scanner skips a candidate whose next unit is not one of them without running
 * its regex ("王" before "女士|先生|…" but not before "的").
 * @example followSets(anchorsOf("(王|李)(女士|先生)")!, ["王", "李"]) // [["女", "先"], ["女", "先"]]
 */
export function followSets(anchors: readonly Anchor[], literals: readonly string[]): (string[] | null)[] {
  const index = new Map(literals.map((l, k) => [l, k]));
  const units = literals.map(() => new Set<string>());
  const open = literals.map(() => false);
  // Many anchors of a pattern share one rest: the first units of each are read once.
  const firstUnits = new Map<string, string[] | null>();
  for (const a of anchors) {
    let k: number | undefined;
    let len = 1;
    for (; len <= a.literal.length && k === undefined; len++) k = index.get(a.literal.slice(0, len));
    if (k === undefined) throw new Error(`followSets: anchor ${JSON.stringify(a.literal)} extends none of the literals`);
    const end = len - 1;
    if (open[k]) continue;
    if (a.literal.length > end) {
      units[k]!.add(a.literal[end]!);
      continue;
    }
    let first = a.rest === null ? null : firstUnits.get(a.rest);
    if (first === undefined && a.rest !== null) {
      first = leadingClassUnits(a.rest);
      if (first === null) {
        const next = anchorLiterals(a.rest);
        first = next === null || next.some((l) => l === "") ? null : next.map((l) => l[0]!);
      }
      firstUnits.set(a.rest, first);
    }
    if (first === null || first === undefined) open[k] = true;
    else for (const u of first) units[k]!.add(u);
  }
  return units.map((u, k) => (open[k] || u.size > MAX_FOLLOW_UNITS ? null : [...u]));
}

/** Most alternatives a run of literals multiplies to before it is cut into two atoms (the scanner checks atoms of up to 48). */
const MAX_RUN_ALTERNATIVES = 48;

/**
 * Literals every match of `source` contains: a list of atoms, each a list of alternatives one of which
 * appears in every match ("(告诉|报)[^,]{0,6}(验证码|密码)" → [["告诉", "报"], ["验证码", "密码"]]).
 * Optional parts, classes too wide to list, lookarounds and assertions claim nothing.
 * @example requiredLiterals("海关[^,]{0,8}(扣押|查扣)") // [["海关"], ["扣押", "查扣"]]
 */
export function requiredLiterals(source: string): string[][] {
  const top = splitTopLevel(source);
  if (top === null) return [];
  if (top.length > 1) {
    // One alternative matches: its last atom is in the match; the union of those atoms is required.
    const each = top.map(requiredLiterals);
    if (each.some((atoms) => atoms.length === 0)) return [];
    return [[...new Set(each.flatMap((atoms) => atoms[atoms.length - 1]!))]];
  }
  const atoms: string[][] = [];
  // The literal run being read, as its alternatives: a group of plain literals multiplies them ("越(高|多)" →
  // 越高, 越多), so an atom is as long as the text allows rather than cut at every group.
  let run = [""];
  const flush = (): void => {
    // An alternative that contains another adds nothing ("身份证号?" → 身份证, not also 身份证号).
    if (run[0] !== "") atoms.push(run.filter((r) => !run.some((o) => o !== r && r.includes(o))));
    run = [""];
  };
  let pos = 0;
  while (pos < source.length) {
    const ch = source[pos]!;
    let char: string | null = null;
    /** The alternatives of a group of plain literals ("(高|多)"), which extend the run when it is mandatory. */
    let group: string[] | null = null;
    let inner: string[][] = [];
    let next: number;
    if (ch === "(") {
      const close = closingParen(source, pos);
      if (close < 0) break;
      if (source[pos + 1] === "?" && source[pos + 2] !== ":") {
        const zeroWidth = "=!".includes(source[pos + 2] ?? "") || (source[pos + 2] === "<" && "=!".includes(source[pos + 3] ?? ""));
        if (!zeroWidth) break;
        flush();
        pos = close + 1;
        continue;
      }
      const body = source.slice(source[pos + 1] === "?" ? pos + 3 : pos + 1, close);
      const plain = splitTopLevel(body)?.map(unescapeLiteral);
      if (plain?.every((a) => a !== null && a !== "")) group = plain as string[];
      inner = requiredLiterals(body);
      next = close + 1;
    } else if (ch === "[") {
      const close = closingBracket(source, pos);
      if (close < 0) break;
      const chars = classChars(source.slice(pos + 1, close));
      if (chars !== null) inner = [chars];
      next = close + 1;
    } else if (ch === "\\") {
      const e = source[pos + 1] ?? "";
      if (/[^A-Za-z0-9]/.test(e)) char = e;
      next = pos + 2;
    } else if (ch === "." || ch === "^" || ch === "$") {
      next = pos + 1;
    } else if (META.has(ch)) {
      break;
    } else {
      char = ch;
      next = pos + 1;
    }
    let optional = false;
    let quantified = true;
    const q = source[next];
    // A character or group of plain literals that occurs at most once ("https?:") extends a run both ways.
    const once = q === "?" && (char !== null || group !== null) ? ["", ...(char !== null ? [char] : group!)] : null;
    if (q === "?" || q === "*") optional = true;
    else if (q === "{") {
      const m = /^\{(\d+)(,\d*)?\}/.exec(source.slice(next));
      if (m === null) break;
      optional = Number(m[1]) === 0;
      next += m[0].length - 1;
    } else if (q !== "+") quantified = false;
    if (quantified) next++;
    if (quantified && source[next] === "?") next++; // lazy
    if (char !== null && !optional) {
      for (let k = 0; k < run.length; k++) run[k] += char;
      if (quantified) flush(); // "ab+c": "ab" then "c"
    } else if (group !== null && !quantified) {
      if (run.length * group.length > MAX_RUN_ALTERNATIVES) flush();
      run = run.flatMap((r) => group.map((a) => r + a));
    } else if (once !== null && run[0] !== "" && run.length * once.length <= MAX_RUN_ALTERNATIVES) {
      run = run.flatMap((r) => once.map((a) => r + a));
    } else {
      flush();
      if (!optional) atoms.push(...inner);
    }
    pos = next;
  }
  flush();
  return atoms;
}

/**
 * Most UTF-16 code units one match of `source` can span (no `u` flag: a class or `.` is one unit), or
 * Infinity when a quantifier is unbounded or a construct is not understood: an upper bound, never less.
 * Lookarounds, `\b`, `^` and `$` span nothing.
 * @example maxMatchLength("(注销|关闭)[^,]{0,6}账户") // 10
 * @example maxMatchLength("验证码+") // Infinity
 */
export function maxMatchLength(source: string): number {
  const top = splitTopLevel(source);
  if (top === null) return Number.POSITIVE_INFINITY;
  if (top.length > 1) return Math.max(...top.map(maxMatchLength));
  let total = 0;
  let pos = 0;
  while (pos < source.length) {
    const ch = source[pos]!;
    let item: number;
    let next: number;
    if (ch === "(") {
      const close = closingParen(source, pos);
      if (close < 0) return Number.POSITIVE_INFINITY;
      if (source[pos + 1] === "?") {
        const kind = source[pos + 2] ?? "";
        if (kind === "=" || kind === "!" || (kind === "<" && "=!".includes(source[pos + 3] ?? ""))) item = 0;
        else if (kind === ":") item = maxMatchLength(source.slice(pos + 3, close));
        else return Number.POSITIVE_INFINITY; // named groups and anything else: not claimed
      } else item = maxMatchLength(source.slice(pos + 1, close));
      next = close + 1;
    } else if (ch === "[") {
      const close = closingBracket(source, pos);
      if (close < 0) return Number.POSITIVE_INFINITY;
      item = 1;
      next = close + 1;
    } else if (ch === "\\") {
      const e = source[pos + 1] ?? "";
      if (e === "b" || e === "B") item = 0;
      else if (/[1-9k]/.test(e)) return Number.POSITIVE_INFINITY; // back-references
      else item = 1;
      // \xHH, \uHHHH and \cX are one unit written with more characters.
      next = pos + 2 + (e === "x" ? 2 : e === "u" ? 4 : e === "c" ? 1 : 0);
    } else if (ch === "^" || ch === "$") {
      item = 0;
      next = pos + 1;
    } else if (ch === ")" || ch === "]" || ch === "{" || ch === "}" || ch === "?" || ch === "*" || ch === "+" || ch === "|") {
      return Number.POSITIVE_INFINITY; // stray metacharacter: not claimed
    } else {
      item = 1;
      next = pos + 1;
    }
    const q = source[next];
    let quantified = true;
    if (q === "?") {
      next++;
    } else if (q === "*" || q === "+") {
      if (item > 0) return Number.POSITIVE_INFINITY;
      next++;
    } else if (q === "{") {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(next));
      if (m === null) return Number.POSITIVE_INFINITY;
      const most = m[2] === undefined ? Number(m[1]) : m[3] === "" ? Number.POSITIVE_INFINITY : Number(m[3]);
      if (item > 0) item *= most;
      next += m[0].length;
    } else quantified = false;
    if (quantified && source[next] === "?") next++; // lazy
    total += item;
    pos = next;
  }
  return total;
}
