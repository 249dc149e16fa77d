/**
 * Who makes the calls of a generated day, as data: each population's size (per million CDRs), volume,
 * hours, answer rate, call lengths and how often the people it calls call back. The populations overlap
 * on purpose — couriers also make many very short and unanswered calls to strangers, clinics and busy
 * subscribers call many new numbers, telemarketers look like scammers on volume — so a detector cannot
 * separate them on any one feature.
 */
import type { Rng } from "./rng.js";

export type Population =
  | "subscriber"
  | "busy_subscriber"
  | "courier"
  | "clinic"
  | "school"
  | "official"
  | "telemarketer"
  | "mass_scam"
  | "low_and_slow"
  | "sim_farm";

/** What a correct detector should say about a population. */
export type Truth = "legit" | "harassing" | "scam_like";

export const TRUTH: Readonly<Record<Population, Truth>> = {
  subscriber: "legit",
  busy_subscriber: "legit",
  courier: "legit",
  clinic: "legit",
  school: "legit",
  official: "legit",
  telemarketer: "harassing",
  mass_scam: "scam_like",
  low_and_slow: "scam_like",
  sim_farm: "scam_like",
};

/** How one population of business or scam callers behaves. */
export interface CallerProfile {
  population: Exclude<Population, "subscriber" | "busy_subscriber" | "sim_farm">;
  /** Callers per million CDRs. */
  perMillion: number;
  calls: readonly [number, number];
  /** Local second of the day of one call; `plan` is drawn once per caller. */
  when: (rng: Rng, plan: number[]) => number;
  /** Draws the per-caller plan (burst centres and such). */
  plan: (rng: Rng) => number[];
  /** Probability a call is answered; drawn per caller in [lo, hi]. */
  answer: readonly [number, number];
  /** Seconds talked on an answered call. */
  talk: (rng: Rng) => number;
  /** Probability the person called calls back later today; drawn per caller in [lo, hi]. */
  callback: readonly [number, number];
  /** Probability a call goes to someone this caller already called (second attempts, regulars). */
  repeat: number;
  /** Number format of the caller. */
  number: "mobile" | "landline" | "virtual";
}

const HOUR = 3600;
/** Uniform within [fromHour, toHour). */
const office = (from: number, to: number) => (rng: Rng) => rng.int(from * HOUR, to * HOUR - 1);
/** Bursts around per-caller centres (a campaign dials a list, pauses, dials again). */
const around = (rng: Rng, plan: number[]) => {
  const centre = rng.pick(plan);
  return Math.min(86_399, Math.max(0, Math.round(centre + rng.normal() * 1500)));
};
const burstPlan = (night: number) => (rng: Rng) => {
  const bursts = rng.int(3, 7);
  const centres: number[] = [];
  for (let i = 0; i < bursts; i++) centres.push(rng.chance(night) ? rng.int(0, 5 * HOUR) + (rng.chance(0.5) ? 22 * HOUR : 0) : rng.int(8 * HOUR, 22 * HOUR));
  return centres;
};
const noPlan = () => [];

/** Mixture: mostly short bursts of talk, sometimes longer. */
const talk =
  (parts: ReadonlyArray<readonly [share: number, lo: number, hi: number]>) =>
  (rng: Rng): number => {
    let u = rng.next();
    for (const [share, lo, hi] of parts) {
      if (u < share) return rng.int(lo, hi);
      u -= share;
    }
    const last = parts[parts.length - 1] as readonly [number, number, number];
    return rng.int(last[1], last[2]);
  };

export const PROFILES: readonly CallerProfile[] = [
  {
    // "I'm downstairs with your parcel": many strangers, many short or missed calls, but they call back.
    population: "courier",
    perMillion: 120,
    calls: [60, 420],
    when: office(8, 21),
    plan: noPlan,
    answer: [0.5, 0.8],
    talk: talk([
      [0.4, 3, 9],
      [0.5, 10, 60],
      [0.1, 60, 240],
    ]),
    callback: [0.12, 0.4],
    repeat: 0.12,
    number: "mobile",
  },
  {
    population: "clinic",
    perMillion: 40,
    calls: [40, 220],
    when: office(8, 18),
    plan: noPlan,
    answer: [0.6, 0.85],
    talk: talk([
      [0.2, 3, 9],
      [0.5, 20, 120],
      [0.3, 120, 600],
    ]),
    callback: [0.15, 0.45],
    repeat: 0.08,
    number: "landline",
  },
  {
    // Schools ring the same parents again and again.
    population: "school",
    perMillion: 30,
    calls: [30, 180],
    when: office(7, 19),
    plan: noPlan,
    answer: [0.65, 0.9],
    talk: talk([
      [0.25, 3, 9],
      [0.55, 15, 180],
      [0.2, 180, 900],
    ]),
    callback: [0.15, 0.4],
    repeat: 0.35,
    number: "landline",
  },
  {
    // A bank's outbound call centre on its official short number: high volume, never flagged.
    population: "official",
    perMillion: 2,
    calls: [600, 1500],
    when: office(8, 21),
    plan: noPlan,
    answer: [0.4, 0.6],
    talk: talk([
      [0.4, 2, 9],
      [0.6, 20, 240],
    ]),
    callback: [0.02, 0.1],
    repeat: 0.05,
    number: "mobile",
  },
  {
    population: "telemarketer",
    perMillion: 50,
    calls: [150, 900],
    when: office(9, 21),
    plan: noPlan,
    answer: [0.35, 0.6],
    talk: talk([
      [0.45, 2, 9],
      [0.45, 15, 150],
      [0.1, 150, 600],
    ]),
    callback: [0.0, 0.06],
    repeat: 0.03,
    number: "landline",
  },
  {
    // Impersonation call centres: dial lists in bursts, most people hang up, a few stay on for an hour.
    population: "mass_scam",
    perMillion: 20,
    calls: [200, 2500],
    when: around,
    plan: burstPlan(0.15),
    answer: [0.3, 0.6],
    talk: talk([
      [0.65, 1, 9],
      [0.28, 10, 120],
      [0.07, 300, 3600],
    ]),
    callback: [0.0, 0.05],
    repeat: 0.02,
    number: "mobile",
  },
  {
    // Stays under volume thresholds: a few dozen calls spread over the day, all to strangers.
    population: "low_and_slow",
    perMillion: 30,
    calls: [18, 45],
    when: office(8, 22),
    plan: noPlan,
    answer: [0.3, 0.6],
    talk: talk([
      [0.6, 1, 9],
      [0.32, 10, 120],
      [0.08, 300, 2400],
    ]),
    callback: [0.0, 0.06],
    repeat: 0.0,
    number: "virtual",
  },
];

/** SIM farms: a block of sequential numbers, each below any volume threshold, dialling the same hours. */
export const SIM_FARM = {
  farmsPerMillion: 1.5,
  members: [30, 80] as const,
  calls: [8, 24] as const,
  answer: [0.3, 0.55] as const,
  talk: talk([
    [0.7, 1, 9],
    [0.25, 10, 90],
    [0.05, 300, 1800],
  ]),
  callback: 0.03,
};

/** Ordinary subscribers: a handful of calls a day to their own contacts, who call them too. */
export const SUBSCRIBER = {
  callsMean: 3.2,
  contacts: 7,
  answer: 0.8,
  /** The contact calls back later today. */
  reply: 0.45,
  talk: (rng: Rng) => Math.max(1, Math.round(rng.logNormal(75, 1.1))),
  /** Share of subscribers who are busy: small-business owners, agents, people organising something. */
  busyShare: 0.03,
  busyCalls: [15, 60] as const,
  /** A busy subscriber's calls that go to numbers outside their contacts. */
  busyNewShare: [0.3, 0.75] as const,
  busyCallback: [0.1, 0.4] as const,
};

/** Local hour weights of ordinary calls (index = hour). */
export const SUBSCRIBER_HOURS = [1, 0.5, 0.3, 0.2, 0.2, 0.4, 1, 3, 5, 6, 6, 6, 6, 5, 5, 5, 5, 6, 7, 8, 8, 7, 4, 2];
