/**
 * Reads CDRs from a byte stream (a file or stdin) through the line parser into the in-process engine and
 * hands each closed window's flags to `onFlags`. Returns the summary the CLI prints: rows, malformed rows
 * with line numbers, non-phone callers, late rows, windows and flags, throughput and memory per caller.
 */
import type { Readable } from "node:stream";
import type { CallFlag } from "@scamguard/contracts";
import { CdrLineParser } from "../cdr/line-parser.js";
import { type EngineOptions, LocalEngine, type WindowSummary } from "../engine/local-engine.js";

export interface IngestOptions extends Omit<EngineOptions, "onFlags"> {
  onFlags: (flags: CallFlag[], window: WindowSummary) => void | Promise<void>;
  /** Called after every chunk with the bytes read so far. */
  onProgress?: (bytesRead: number, records: number) => void;
}

export interface IngestSummary {
  lines: number;
  records: number;
  accepted: number;
  malformed: number;
  nonPhoneCallers: number;
  late: number;
  /** `line N: why` for the first malformed, rejected or late rows. */
  problems: string[];
  windows: WindowSummary[];
  flags: { scam_like: number; harassing: number };
  seconds: number;
  /** CPU seconds of this process while ingesting (a fairer rate on a shared machine). */
  cpuSeconds: number;
  /** Bytes of window state per tracked caller, at the largest window. */
  bytesPerCaller: number;
}

export async function ingestCdrStream(input: Readable, options: IngestOptions): Promise<IngestSummary> {
  const pending: Promise<void>[] = [];
  const flags = { scam_like: 0, harassing: 0 };
  const engine = new LocalEngine({
    ...options,
    onFlags: (list, window) => {
      for (const f of list) flags[f.kind]++;
      const done = options.onFlags(list, window);
      if (done) pending.push(done);
    },
  });
  const parser = new CdrLineParser((t, caller, callee, d, line) => engine.add(t, caller, callee, d, line));
  const started = performance.now();
  const cpu = process.cpuUsage();
  let bytes = 0;
  input.setEncoding("latin1");
  for await (const chunk of input) {
    const text = chunk as string;
    bytes += text.length;
    parser.push(text);
    options.onProgress?.(bytes, parser.counts.records);
    // A window closed mid-file: wait for its flags to be written before reading on (bounded memory).
    if (pending.length > 0) await Promise.all(pending.splice(0));
  }
  parser.end();
  engine.finish();
  await Promise.all(pending);
  const used = process.cpuUsage(cpu);
  const problems = [...parser.counts.problems, ...engine.counts.problems]
    .sort((a, b) => Number(a.split(" ")[1]?.replace(":", "")) - Number(b.split(" ")[1]?.replace(":", "")))
    .slice(0, 20);
  const largest = engine.summaries.reduce<WindowSummary | null>((m, w) => (m === null || w.callers > m.callers ? w : m), null);
  return {
    lines: parser.counts.lines,
    records: parser.counts.records,
    accepted: engine.counts.accepted,
    malformed: parser.counts.malformed,
    nonPhoneCallers: engine.counts.nonPhoneCallers,
    late: engine.counts.late,
    problems,
    windows: engine.summaries,
    flags,
    seconds: (performance.now() - started) / 1000,
    cpuSeconds: (used.user + used.system) / 1e6,
    bytesPerCaller: largest && largest.callers > 0 ? Math.round(largest.bytes / largest.callers) : 0,
  };
}
