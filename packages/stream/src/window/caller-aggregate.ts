/**
 * What one caller did in one window, in a form every path can rebuild: plain counters, calls per local
 * hour, the bottom-k sample of callee hashes and (past K distinct callees) a HyperLogLog. The in-process
 * engine reads these out of its typed arrays; the Redis finalizer reads them out of Redis; the detectors
 * only ever see this shape.
 */

/** A call shorter than this (seconds) that was answered is a "very short" call: a hang-up on the pitch. */
export const SHORT_CALL_S = 10;

export interface CallerAggregate {
  /** Normalised caller (E.164, or a short service number). */
  caller: string;
  callerHash: number;
  calls: number;
  /** Calls with a duration above zero. */
  answered: number;
  /** Answered calls shorter than SHORT_CALL_S. */
  shortAnswered: number;
  /** Seconds talked over answered calls. */
  talkSeconds: number;
  /** Calls per local hour of the window's day (24 entries). */
  hours: ArrayLike<number>;
  /** The K smallest distinct callee hashes, ascending. */
  sample: Uint32Array;
  /** Distinct callees: exact up to K, HyperLogLog estimate after. */
  distinctCallees: number;
}

/** Local hours that count as night (22:00–06:59). */
export const isNightHour = (hour: number): boolean => hour >= 22 || hour < 7;
