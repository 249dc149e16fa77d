/**
 * Precision and recall of `scam_like` flags against a generated day's truth. Telemarketers count neither
 * as misses nor as false alarms (they are `harassing`, and flagging them either way is defensible);
 * every other non-scam caller flagged `scam_like` is a false alarm, and so is any legitimate caller
 * flagged `harassing` (reported apart).
 */
import type { CallFlag } from "@scamguard/contracts";
import type { DayTruth } from "./generate-day.js";

export interface FlagScore {
  precision: number;
  recall: number;
  truePositives: number;
  falseAlarms: number;
  missed: number;
  scamCallers: number;
  /** Legitimate callers flagged `harassing`. */
  legitHarassing: number;
  /** Per population: how its callers were flagged. */
  byPopulation: Record<string, { callers: number; scam_like: number; harassing: number }>;
}

export function scoreFlags(flags: readonly CallFlag[], truth: DayTruth): FlagScore {
  const byPopulation: FlagScore["byPopulation"] = {};
  for (const { population } of Object.values(truth.callers)) {
    byPopulation[population] ??= { callers: 0, scam_like: 0, harassing: 0 };
    (byPopulation[population] as { callers: number }).callers++;
  }
  byPopulation.subscriber = { callers: 0, scam_like: 0, harassing: 0 };
  const flaggedScam = new Set<string>();
  let tp = 0;
  let fp = 0;
  let legitHarassing = 0;
  for (const f of flags) {
    const known = truth.callers[f.caller];
    const population = known?.population ?? "subscriber";
    const entry = byPopulation[population] as { scam_like: number; harassing: number };
    entry[f.kind]++;
    const t = known?.truth ?? "legit";
    if (f.kind === "scam_like") {
      flaggedScam.add(f.caller);
      if (t === "scam_like") tp++;
      else if (t === "legit") fp++;
    } else if (t === "legit") legitHarassing++;
  }
  const scams = Object.entries(truth.callers).filter(([, v]) => v.truth === "scam_like");
  const missed = scams.filter(([caller]) => !flaggedScam.has(caller)).length;
  return {
    precision: tp + fp === 0 ? 1 : tp / (tp + fp),
    recall: scams.length === 0 ? 1 : tp / scams.length,
    truePositives: tp,
    falseAlarms: fp,
    missed,
    scamCallers: scams.length,
    legitHarassing,
    byPopulation,
  };
}
