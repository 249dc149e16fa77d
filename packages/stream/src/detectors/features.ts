/** The features detectors read, computed from a caller's window aggregate and the window's pair filter. */
import type { CallerAggregate } from "../window/caller-aggregate.js";
import { isNightHour } from "../window/caller-aggregate.js";

/** "Did the number with hash `from` call the number with hash `to` in this window?" */
export type CalledBefore = (fromHash: number, toHash: number) => boolean;

export interface CallerFeatures {
  calls: number;
  distinctCallees: number;
  unansweredRatio: number;
  shortCallRatio: number;
  nightShare: number;
  reciprocity: number;
  /** Sampled callees who called back (numerator of reciprocity) and the sample size. */
  calledBack: number;
  sampled: number;
  repeatRatio: number;
  meanTalkSeconds: number;
  peakHourCalls: number;
  peakHour: number;
  activeHours: number;
  burstiness: number;
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

export function featuresOf(a: CallerAggregate, calledBefore: CalledBefore): CallerFeatures {
  let night = 0;
  let peak = 0;
  let peakHour = 0;
  let active = 0;
  for (let h = 0; h < 24; h++) {
    const n = a.hours[h] as number;
    if (n === 0) continue;
    active++;
    if (isNightHour(h)) night += n;
    if (n > peak) {
      peak = n;
      peakHour = h;
    }
  }
  let back = 0;
  for (let i = 0; i < a.sample.length; i++) if (calledBefore(a.sample[i] as number, a.callerHash)) back++;
  const distinct = Math.min(a.distinctCallees, a.calls);
  return {
    calls: a.calls,
    distinctCallees: distinct,
    unansweredRatio: round3(a.calls === 0 ? 0 : 1 - a.answered / a.calls),
    shortCallRatio: round3(a.answered === 0 ? 0 : a.shortAnswered / a.answered),
    nightShare: round3(a.calls === 0 ? 0 : night / a.calls),
    reciprocity: round3(a.sample.length === 0 ? 0 : back / a.sample.length),
    calledBack: back,
    sampled: a.sample.length,
    repeatRatio: round3(a.calls === 0 ? 0 : 1 - distinct / a.calls),
    meanTalkSeconds: Math.round(a.answered === 0 ? 0 : a.talkSeconds / a.answered),
    peakHourCalls: peak,
    peakHour,
    activeHours: active,
    burstiness: round3(active === 0 ? 0 : peak / (a.calls / active)),
  };
}
