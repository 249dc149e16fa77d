/**
 * The in-process engine: records → 24 h windows (local days, `utcOffsetMinutes` east of UTC) of caller
 * aggregates → detectors when a window closes. Windows close once the watermark (latest start time seen
 * minus `toleranceMs`) passes their end, so rows up to the tolerance out of order still land in their
 * window; a row for a window already closed is late: counted, not applied. Every open window is
 * evaluated at the end of the input.
 */
import type { CallFlag } from "@scamguard/contracts";
import { NumberCheck } from "../cdr/number-check.js";
import { detectWindow, type DetectOptions } from "../detectors/detect-window.js";
import { hashNumber } from "../sketch/hash.js";
import { WindowState } from "../window/window-state.js";

export interface EngineOptions extends DetectOptions {
  /** Minutes east of UTC of the local day (and of night hours). Default 480 (China). */
  utcOffsetMinutes?: number;
  /** How far out of order a row may arrive and still count. Default 10 minutes. */
  toleranceMs?: number;
  /** Called with each window's flags when it closes. */
  onFlags: (flags: CallFlag[], window: WindowSummary) => void;
}

export interface WindowSummary {
  start: string;
  end: string;
  calls: number;
  callers: number;
  /** Bytes of the window's state when it closed (typed arrays, sketches, Bloom filter). */
  bytes: number;
  flagged: number;
}

export interface EngineCounts {
  accepted: number;
  /** Rows whose caller is not a phone number. */
  nonPhoneCallers: number;
  /** Rows for a window already closed (beyond the tolerance). */
  late: number;
  /** First few late or rejected rows, `line N: why` (no numbers: personal values stay out of logs). */
  problems: string[];
}

const DAY_MS = 86_400_000;

export class LocalEngine {
  private readonly windows = new Map<number, WindowState>();
  private readonly numbers = new NumberCheck();
  private readonly offsetMs: number;
  private readonly toleranceMs: number;
  private watermark = Number.NEGATIVE_INFINITY;
  /** Windows below this day index are closed. */
  private closedBelow = Number.NEGATIVE_INFINITY;
  private lastCaller = "";
  private lastCallerKey: string | null = null;
  private lastCallerHash = 0;
  readonly counts: EngineCounts = { accepted: 0, nonPhoneCallers: 0, late: 0, problems: [] };
  readonly summaries: WindowSummary[] = [];

  constructor(private readonly options: EngineOptions) {
    this.offsetMs = (options.utcOffsetMinutes ?? 480) * 60_000;
    this.toleranceMs = options.toleranceMs ?? 10 * 60_000;
  }

  private note(line: number, message: string): void {
    if (this.counts.problems.length < 20) this.counts.problems.push(`line ${line}: ${message}`);
  }

  /** One record, already parsed. */
  add(startMs: number, callerRaw: string, calleeRaw: string, durationS: number, line = 0): void {
    // Consecutive rows of one caller are common (a campaign dials a list): skip the key lookup then.
    let caller: string | null;
    let callerHash: number;
    if (callerRaw === this.lastCaller) {
      caller = this.lastCallerKey;
      callerHash = this.lastCallerHash;
    } else {
      caller = this.numbers.key(callerRaw);
      callerHash = caller === null ? 0 : hashNumber(caller);
      this.lastCaller = callerRaw;
      this.lastCallerKey = caller;
      this.lastCallerHash = callerHash;
    }
    if (caller === null) {
      this.counts.nonPhoneCallers++;
      this.note(line, "caller is not a phone number");
      return;
    }
    const local = startMs + this.offsetMs;
    const day = Math.floor(local / DAY_MS);
    if (day < this.closedBelow) {
      this.counts.late++;
      this.note(line, `start time more than ${Math.round(this.toleranceMs / 60_000)} min behind a closed window`);
      return;
    }
    let window = this.windows.get(day);
    if (window === undefined) {
      window = new WindowState(day * DAY_MS - this.offsetMs, (day + 1) * DAY_MS - this.offsetMs);
      this.windows.set(day, window);
    }
    const callee = this.numbers.key(calleeRaw) ?? calleeRaw;
    const hour = Math.floor((local - day * DAY_MS) / 3_600_000);
    window.add(caller, callerHash, hashNumber(callee), hour, durationS);
    this.counts.accepted++;
    if (startMs - this.toleranceMs > this.watermark) {
      this.watermark = startMs - this.toleranceMs;
      this.closeUpTo(Math.floor((this.watermark + this.offsetMs) / DAY_MS));
    }
  }

  /** Closes (evaluates and releases) every window before day index `day`. */
  private closeUpTo(day: number): void {
    if (day <= this.closedBelow) return;
    for (const [d, window] of [...this.windows].sort((a, b) => a[0] - b[0])) {
      if (d >= day) continue;
      this.close(window);
      this.windows.delete(d);
    }
    this.closedBelow = day;
  }

  private close(window: WindowState): void {
    const flags = detectWindow(window.aggregates(), (a, b) => window.bloom.has(a, b), { start: window.startMs, end: window.endMs }, this.options);
    const summary: WindowSummary = {
      start: new Date(window.startMs).toISOString(),
      end: new Date(window.endMs).toISOString(),
      calls: window.totalCalls,
      callers: window.callers,
      bytes: window.approximateBytes(),
      flagged: flags.length,
    };
    this.summaries.push(summary);
    this.options.onFlags(flags, summary);
  }

  /** Bytes held by open windows now. */
  openBytes(): number {
    let bytes = 0;
    for (const w of this.windows.values()) bytes += w.approximateBytes();
    return bytes;
  }

  /** Evaluates every open window (end of input). */
  finish(): void {
    this.closeUpTo(Number.POSITIVE_INFINITY);
  }
}
