/**
 * Call-detail records, line by line: CSV with a header naming `start_time,caller,callee,duration_s` (any
 * column order, extra columns ignored), or JSON Lines with the same fields (detected from the first
 * line). A hand-rolled comma split — CDR fields carry no quotes — keeps parsing well under a microsecond
 * a row. A malformed row is counted and its line number kept (the first MAX_PROBLEMS), never fatal.
 */
import { parseStartTime } from "./iso-time.js";

/** Problems kept with their line numbers; the rest are only counted. */
export const MAX_PROBLEMS = 20;

export type CdrSink = (startMs: number, caller: string, callee: string, durationS: number, line: number) => void;

export interface ParseCounts {
  lines: number;
  records: number;
  malformed: number;
  problems: string[];
}

const FIELDS = ["start_time", "caller", "callee", "duration_s"] as const;

function parseDuration(s: string): number {
  const n = s.length;
  if (n === 0 || n > 12) return Number.NaN;
  let v = 0;
  let i = 0;
  for (; i < n; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) break;
    v = v * 10 + c;
  }
  if (i === n) return v;
  const f = Number(s);
  return f >= 0 ? f : Number.NaN;
}

export class CdrLineParser {
  readonly counts: ParseCounts = { lines: 0, records: 0, malformed: 0, problems: [] };
  private mode: "unknown" | "csv" | "jsonl" = "unknown";
  /** Column of each field in CSV mode; -1 = fast path (exact header order). */
  private columns: number[] | null = null;
  private rest = "";

  constructor(private readonly sink: CdrSink) {}

  /** Feeds a chunk of text (any split); complete lines are parsed at once. */
  push(chunk: string): void {
    const text = this.rest.length > 0 ? this.rest + chunk : chunk;
    let start = 0;
    for (;;) {
      const nl = text.indexOf("\n", start);
      if (nl === -1) break;
      this.line(text, start, nl);
      start = nl + 1;
    }
    this.rest = text.slice(start);
  }

  /** The last line, when the input does not end with a newline. */
  end(): void {
    if (this.rest.length > 0) this.line(this.rest, 0, this.rest.length);
    this.rest = "";
  }

  private problem(message: string): void {
    this.counts.malformed++;
    if (this.counts.problems.length < MAX_PROBLEMS) this.counts.problems.push(`line ${this.counts.lines}: ${message}`);
  }

  private line(text: string, from: number, to: number): void {
    this.counts.lines++;
    let end = to;
    if (end > from && text.charCodeAt(end - 1) === 13) end--;
    if (end === from) return;
    if (this.mode === "csv") {
      this.csv(text, from, end);
      return;
    }
    if (this.mode === "jsonl") {
      this.json(text.slice(from, end));
      return;
    }
    const first = text.slice(from, end).trim();
    if (first.startsWith("{")) {
      this.mode = "jsonl";
      this.json(first);
      return;
    }
    const names = first.split(",").map((s) => s.trim().toLowerCase());
    const columns = FIELDS.map((f) => names.indexOf(f));
    if (columns.some((c) => c < 0)) {
      throw new Error(`line 1: expected a CSV header naming ${FIELDS.join(",")} or JSON Lines, got ${JSON.stringify(first.slice(0, 80))}`);
    }
    this.mode = "csv";
    this.columns = columns.every((c, i) => c === i) && names.length === 4 ? null : columns;
  }

  private csv(text: string, from: number, end: number): void {
    let t: string;
    let caller: string;
    let callee: string;
    let d: string;
    if (this.columns === null) {
      const c1 = text.indexOf(",", from);
      const c2 = c1 < 0 || c1 >= end ? -1 : text.indexOf(",", c1 + 1);
      const c3 = c2 < 0 || c2 >= end ? -1 : text.indexOf(",", c2 + 1);
      if (c3 < 0 || c3 >= end || text.indexOf(",", c3 + 1) !== -1 && text.indexOf(",", c3 + 1) < end) {
        this.problem("expected 4 comma-separated fields");
        return;
      }
      t = text.slice(from, c1);
      caller = text.slice(c1 + 1, c2);
      callee = text.slice(c2 + 1, c3);
      d = text.slice(c3 + 1, end);
    } else {
      const parts = text.slice(from, end).split(",");
      const cols = this.columns;
      if (parts.length <= Math.max(...cols)) {
        this.problem(`expected at least ${Math.max(...cols) + 1} comma-separated fields`);
        return;
      }
      t = parts[cols[0] as number] as string;
      caller = parts[cols[1] as number] as string;
      callee = parts[cols[2] as number] as string;
      d = parts[cols[3] as number] as string;
    }
    this.record(t, caller, callee, d);
  }

  private json(line: string): void {
    let row: unknown;
    try {
      row = JSON.parse(line);
    } catch {
      this.problem("not valid JSON");
      return;
    }
    if (row === null || typeof row !== "object") {
      this.problem("expected a JSON object");
      return;
    }
    const r = row as Record<string, unknown>;
    const t = r.start_time;
    const d = r.duration_s;
    if (typeof r.caller !== "string" || typeof r.callee !== "string") {
      this.problem("caller and callee must be strings");
      return;
    }
    this.record(typeof t === "number" ? String(t) : String(t ?? ""), r.caller, r.callee, typeof d === "number" ? String(d) : String(d ?? ""));
  }

  private record(t: string, caller: string, callee: string, d: string): void {
    const startMs = parseStartTime(t);
    if (Number.isNaN(startMs)) {
      this.problem("start_time is not ISO 8601 or epoch milliseconds");
      return;
    }
    const durationS = parseDuration(d);
    if (Number.isNaN(durationS)) {
      this.problem("duration_s is not a non-negative number");
      return;
    }
    if (caller.length === 0 || callee.length === 0) {
      this.problem("caller and callee are required");
      return;
    }
    this.counts.records++;
    this.sink(startMs, caller, callee, durationS, this.counts.lines);
  }
}
