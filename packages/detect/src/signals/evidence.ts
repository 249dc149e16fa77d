/**
 * Evidence a person can read: a lexicon pattern may stop inside an amount or a link ("pay \\$ ?[0-9]",
 * "https?[: /]"), and a quote of "pay $1" for "pay $1.99" or "https:" for a whole link misleads.
 */
import type { Evidence, Signal } from "@scamguard/contracts";
import { toOriginalSpan } from "../text/normalize.js";
import type { NormalizedText } from "../types.js";

/** ASCII non-space printable: a character that continues a link or an amount token. */
const tokenChar = (c: number): boolean => c > 0x20 && c < 0x7f;
const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
const isLetter = (c: number): boolean => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
/** A bare domain followed by a path ("sf-kd.top/x9", "bit.ly/3abc"): a link a person reads as one token. */
const BARE_LINK = /^[^a-z0-9]*[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}\//i;
/** Trailing punctuation that ends a sentence after a link, not part of it ("… at x.top/pay."). */
const TRAILING = new Set([0x2e, 0x2c, 0x3b, 0x3a, 0x21, 0x3f, 0x29, 0x5d, 0x7d, 0x27, 0x22]);

/**
 * The evidence of a match at normalised [start, end), in the original text, never cutting an amount or a
 * link (see wholeTokenEnd).
 * @example wholeEvidence(normalize("pay $1.99 now"), 0, 6) // { start: 0, end: 9, text: "pay $1.99" }
 */
export function wholeEvidence(text: NormalizedText, start: number, end: number): Evidence {
  const span = toOriginalSpan(text, start, end);
  const whole = wholeTokenEnd(text.original, span.start, span.end);
  return whole === span.end ? span : { start: span.start, end: whole, text: text.original.slice(span.start, whole) };
}

/**
 * Where an evidence span ending at `end` of `original` should end so that it never cuts an amount or a link
 * a person reads: a span ending inside a number ("pay $1" of "pay $1.99") runs to the number's end, one ending
 * inside a link token ("https:" of "https://x.top/pay") to the link's end (sentence punctuation after it left
 * out), and one ending inside a Latin word ("disconnect" of "disconnected": a pattern's stem) to the word's end.
 * Any other end is kept (a lexicon phrase ends where its pattern ends).
 * @example wholeTokenEnd("pay $1.99 now", 0, 6) // 9
 * @example wholeTokenEnd("will be disconnected today", 0, 18) // 20
 * @example wholeTokenEnd("go to https://x.top/pay.", 6, 12) // 23
 */
export function wholeTokenEnd(original: string, start: number, end: number): number {
  const n = original.length;
  if (end <= start || end >= n) return end;
  const prev = original.charCodeAt(end - 1);
  const next = original.charCodeAt(end);
  if (!tokenChar(prev) || !tokenChar(next)) return end;
  // Not findLinks' spans: they also hold bare domains read in the folded text ("KYC.Click", "payments.To"), and
  // a link cut to "https://" with nothing after is no span.
  const [ts, te] = tokenAround(original, end);
  if (/^[^a-z0-9]*(https?:|www\.)|:\/\//i.test(original.slice(ts, te))) return withoutTrailing(original, end, te);
  if (isDigit(prev) || ((prev === 0x24 || prev === 0x2e || prev === 0x2c) && isDigit(next))) {
    let e = end;
    while (e < n) {
      const c = original.charCodeAt(e);
      if (isDigit(c)) e++;
      else if ((c === 0x2e || c === 0x2c) && e + 1 < n && isDigit(original.charCodeAt(e + 1)) && isDigit(original.charCodeAt(e - 1))) e++;
      else break;
    }
    return e;
  }
  // A stem ("disconnect", "suspen") quoted as it was matched reads as a typo: quote the whole word.
  if (isLetter(prev) && isLetter(next)) {
    let e = end;
    while (e < n && isLetter(original.charCodeAt(e))) e++;
    return e;
  }
  return end;
}

/**
 * Where a quote ending at `end` should end for a person to read it: one ending inside a bare link with a path
 * ("点击 sf-kd.top" of "sf-kd.top/x9", "Visit usps-redeliver.top" of "usps-redeliver.top/track") runs to the
 * link's end, sentence punctuation after it left out. Other ends are kept.
 * @example readableEnd("点击 sf-kd.top/x9 补填", 0, 12) // 15
 */
export function readableEnd(original: string, start: number, end: number): number {
  const n = original.length;
  if (end <= start || end >= n) return end;
  if (!tokenChar(original.charCodeAt(end - 1)) || !tokenChar(original.charCodeAt(end))) return end;
  const [ts, te] = tokenAround(original, end);
  return BARE_LINK.test(original.slice(ts, te)) ? withoutTrailing(original, end, te) : end;
}

/** The whitespace-delimited token of `original` that the end `end` falls in (a token character on both sides). */
function tokenAround(original: string, end: number): [number, number] {
  let ts = end - 1;
  while (ts > 0 && tokenChar(original.charCodeAt(ts - 1))) ts--;
  let te = end;
  while (te < original.length && tokenChar(original.charCodeAt(te))) te++;
  return [ts, te];
}

/** A link token's end `te` without the sentence punctuation after it ("… at x.top/pay."), never before `end`. */
function withoutTrailing(original: string, end: number, te: number): number {
  while (te > end && TRAILING.has(original.charCodeAt(te - 1))) te--;
  return te;
}

/**
 * The verdict's signals with every quote widened by {@link readableEnd}, for the words a person reads
 * (reasons, highlights). Applied after scoring, so which signals fired, their weights and the verdict do not
 * change: widening spans inside the detector changes which of two overlapping signals is kept.
 * @example readableSignals("点击 sf-kd.top/x9", signals)[0].evidence[0].text // "点击 sf-kd.top/x9"
 */
export function readableSignals(original: string, signals: readonly Signal[]): Signal[] {
  return signals.map((signal) => {
    let changed = false;
    const evidence = signal.evidence.map((e) => {
      const end = readableEnd(original, e.start, e.end);
      if (end === e.end) return e;
      changed = true;
      return { start: e.start, end, text: original.slice(e.start, end) };
    });
    return changed ? { ...signal, evidence } : signal;
  });
}
