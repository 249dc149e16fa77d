/**
 * A worker's view of one JetStream message: its CDR lines parsed and aggregated per (day, caller) —
 * counter deltas, calls per hour, the distinct callee hashes, the pair Bloom offsets — and laid out as
 * the argument list of the Redis script (redis-script.ts). Same parsing, keys, hashes and day/hour
 * arithmetic as the in-process engine, so both paths feed the detectors identical aggregates.
 */
import { CdrLineParser } from "../cdr/line-parser.js";
import { NumberCheck } from "../cdr/number-check.js";
import { bloomOffsets } from "../sketch/bloom.js";
import { hashNumber } from "../sketch/hash.js";
import { SHORT_CALL_S } from "../window/caller-aggregate.js";

const DAY_MS = 86_400_000;

interface CallerDelta {
  caller: string;
  calls: number;
  answered: number;
  short: number;
  talk: number;
  hours: Map<number, number>;
  callees: Set<number>;
}

export interface BatchCounts {
  records: number;
  accepted: number;
  malformed: number;
  nonPhoneCallers: number;
  /** Latest start time in the batch (UTC ms), or -Infinity. */
  maxStartMs: number;
}

const numbers = new NumberCheck();

/** Parses one message (CSV with its header line, or JSON Lines) into the script's arguments after the fixed ones. */
export function aggregateBatch(text: string, utcOffsetMinutes: number): { args: string[]; counts: BatchCounts } {
  const offsetMs = utcOffsetMinutes * 60_000;
  const days = new Map<number, { offsets: number[]; callers: Map<string, CallerDelta> }>();
  const counts: BatchCounts = { records: 0, accepted: 0, malformed: 0, nonPhoneCallers: 0, maxStartMs: Number.NEGATIVE_INFINITY };
  const scratch: number[] = [];
  const parser = new CdrLineParser((startMs, callerRaw, calleeRaw, durationS) => {
    const caller = numbers.key(callerRaw);
    if (caller === null) {
      counts.nonPhoneCallers++;
      return;
    }
    const local = startMs + offsetMs;
    const day = Math.floor(local / DAY_MS);
    const hour = Math.floor((local - day * DAY_MS) / 3_600_000);
    let d = days.get(day);
    if (d === undefined) {
      d = { offsets: [], callers: new Map() };
      days.set(day, d);
    }
    let delta = d.callers.get(caller);
    if (delta === undefined) {
      delta = { caller, calls: 0, answered: 0, short: 0, talk: 0, hours: new Map(), callees: new Set() };
      d.callers.set(caller, delta);
    }
    const callerHash = hashNumber(caller);
    const calleeHash = hashNumber(numbers.key(calleeRaw) ?? calleeRaw);
    delta.calls++;
    if (durationS > 0) {
      delta.answered++;
      if (durationS < SHORT_CALL_S) delta.short++;
      delta.talk += Math.round(durationS);
    }
    delta.hours.set(hour, (delta.hours.get(hour) ?? 0) + 1);
    delta.callees.add(calleeHash);
    for (const o of bloomOffsets(callerHash, calleeHash, scratch)) d.offsets.push(o);
    counts.accepted++;
    if (startMs > counts.maxStartMs) counts.maxStartMs = startMs;
  });
  parser.push(text);
  parser.end();
  counts.records = parser.counts.records;
  counts.malformed = parser.counts.malformed;
  const args: string[] = [];
  for (const [day, d] of days) {
    args.push(String(day), String(d.offsets.length), String(d.callers.size));
    for (const o of d.offsets) args.push(String(o));
    for (const c of d.callers.values()) {
      args.push(c.caller, String(c.calls), String(c.answered), String(c.short), String(c.talk), String(c.hours.size));
      for (const [h, n] of c.hours) args.push(String(h), String(n));
      args.push(String(c.callees.size));
      for (const h of c.callees) args.push(String(h));
    }
  }
  return { args, counts };
}
