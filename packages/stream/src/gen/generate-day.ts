/**
 * `scamguard gen-cdr`: one labelled day of call-detail records. Calls are drawn per population
 * (populations.ts) into typed arrays, return calls are added where the person called calls back, the day
 * is sorted by start time with a little jitter (switches deliver slightly out of order), and a few
 * malformed rows and non-phone callers are sprinkled in, as real feeds have them.
 * The truth file names every non-subscriber caller's population and what a detector should say.
 */
import { PROFILES, type Population, SIM_FARM, SUBSCRIBER, SUBSCRIBER_HOURS, TRUTH, type Truth } from "./populations.js";
import { Rng } from "./rng.js";

export interface GenerateOptions {
  seed: number;
  cdrs: number;
  /** Local date of the day, YYYY-MM-DD. */
  date?: string;
  /** Minutes east of UTC of the local time (480 = China). */
  utcOffsetMinutes?: number;
  /** Rows deliberately malformed, per million. */
  malformedPerMillion?: number;
  /** Rows whose caller is not a phone number, per million. */
  nonPhonePerMillion?: number;
}

export interface GeneratedDay {
  /** Start times (UTC ms), callers, callees (indexes into `numbers`), seconds talked; sorted by emission order. */
  count: number;
  startMs: Float64Array;
  caller: Int32Array;
  callee: Int32Array;
  duration: Int32Array;
  numbers: string[];
  /** Rows to emit in place of a record (index → raw line), for malformed rows. */
  junk: Map<number, string>;
  truth: DayTruth;
}

export interface DayTruth {
  seed: number;
  cdrs: number;
  date: string;
  utcOffsetMinutes: number;
  windowStart: string;
  windowEnd: string;
  malformedRows: number;
  nonPhoneRows: number;
  populations: Record<string, number>;
  /** Non-subscriber callers and busy subscribers: caller → population and truth. */
  callers: Record<string, { population: Population; truth: Truth }>;
}

class CallBuffer {
  startMs = new Float64Array(1 << 16);
  caller = new Int32Array(1 << 16);
  callee = new Int32Array(1 << 16);
  duration = new Int32Array(1 << 16);
  count = 0;
  push(t: number, from: number, to: number, seconds: number): void {
    if (this.count === this.caller.length) {
      const n = this.count * 2;
      const f = new Float64Array(n);
      f.set(this.startMs);
      this.startMs = f;
      for (const key of ["caller", "callee", "duration"] as const) {
        const a = new Int32Array(n);
        a.set(this[key]);
        this[key] = a;
      }
    }
    this.startMs[this.count] = t;
    this.caller[this.count] = from;
    this.callee[this.count] = to;
    this.duration[this.count] = seconds;
    this.count++;
  }
}

const digits = (rng: Rng, n: number): string => {
  let s = "";
  for (let i = 0; i < n; i++) s += String.fromCharCode(48 + rng.int(0, 9));
  return s;
};

export function generateDay(options: GenerateOptions): GeneratedDay {
  const rng = new Rng(options.seed);
  const date = options.date ?? "2026-12-01";
  const offset = options.utcOffsetMinutes ?? 480;
  const dayStart = Date.parse(`${date}T00:00:00Z`) - offset * 60_000;
  const scale = options.cdrs / 1_000_000;
  const numbers: string[] = [];
  const used = new Set<string>();
  const fresh = (kind: "mobile" | "landline" | "virtual"): number => {
    for (;;) {
      const n =
        kind === "mobile"
          ? `+861${rng.pick(["3", "5", "8", "9"])}${digits(rng, 9)}`
          : kind === "virtual"
            ? `+8617${rng.pick(["0", "1"])}${digits(rng, 8)}`
            : `+86${rng.pick(["10", "21", "20", "755"])}${digits(rng, 8)}`.slice(0, 13);
      if (used.has(n)) continue;
      used.add(n);
      numbers.push(n);
      return numbers.length - 1;
    }
  };
  const calls = new CallBuffer();
  const at = (localSecond: number) => dayStart + localSecond * 1000 + rng.int(0, 999);
  const truth: DayTruth = {
    seed: options.seed,
    cdrs: 0,
    date,
    utcOffsetMinutes: offset,
    windowStart: new Date(dayStart).toISOString(),
    windowEnd: new Date(dayStart + 86_400_000).toISOString(),
    malformedRows: 0,
    nonPhoneRows: 0,
    populations: {},
    callers: {},
  };
  const label = (index: number, population: Population) => {
    truth.callers[numbers[index] as string] = { population, truth: TRUTH[population] };
    truth.populations[population] = (truth.populations[population] ?? 0) + 1;
  };

  // Business and scam callers first, to know how many CDRs are left for subscribers.
  let businessCalls = 0;
  for (const p of PROFILES) businessCalls += Math.round(p.perMillion * scale) * ((p.calls[0] + p.calls[1]) / 2) * 1.1;
  businessCalls += SIM_FARM.farmsPerMillion * scale * 55 * 16;
  const perSubscriber =
    SUBSCRIBER.callsMean * (1 + SUBSCRIBER.reply) + SUBSCRIBER.busyShare * ((SUBSCRIBER.busyCalls[0] + SUBSCRIBER.busyCalls[1]) / 2) * 1.3;
  const subscribers = Math.max(50, Math.round((1.1 * Math.max(0, options.cdrs - businessCalls)) / perSubscriber));
  const firstSubscriber = numbers.length;
  for (let i = 0; i < subscribers; i++) fresh("mobile");
  const subscriberAt = (i: number) => firstSubscriber + i;
  const randomSubscriber = () => subscriberAt(rng.int(0, subscribers - 1));
  const hourCdf = cumulative(SUBSCRIBER_HOURS);
  const subscriberSecond = () => pickHour(rng, hourCdf) * 3600 + rng.int(0, 3599);
  const reply = (from: number, to: number, t: number) => {
    const back = t + rng.int(60, 5 * 3600) * 1000;
    if (back < dayStart + 86_400_000) calls.push(back, from, to, rng.chance(0.85) ? SUBSCRIBER.talk(rng) : 0);
  };

  // Ordinary subscribers call their own contacts, who often call back.
  const contacts = new Int32Array(subscribers * SUBSCRIBER.contacts);
  for (let i = 0; i < contacts.length; i++) contacts[i] = rng.int(0, subscribers - 1);
  for (let s = 0; s < subscribers; s++) {
    const me = subscriberAt(s);
    const busy = rng.chance(SUBSCRIBER.busyShare);
    if (busy) label(me, "busy_subscriber");
    const n = busy ? rng.int(...SUBSCRIBER.busyCalls) : rng.poisson(SUBSCRIBER.callsMean);
    const newShare = busy ? uniform(rng, SUBSCRIBER.busyNewShare) : 0.03;
    const callback = uniform(rng, SUBSCRIBER.busyCallback);
    for (let k = 0; k < n; k++) {
      const stranger = rng.chance(newShare);
      const to = stranger ? randomSubscriber() : subscriberAt(contacts[s * SUBSCRIBER.contacts + rng.int(0, SUBSCRIBER.contacts - 1)] as number);
      if (to === me) continue;
      const t = at(busy ? rng.int(8 * 3600, 21 * 3600) : subscriberSecond());
      calls.push(t, me, to, rng.chance(SUBSCRIBER.answer) ? SUBSCRIBER.talk(rng) : 0);
      if (rng.chance(stranger ? callback : SUBSCRIBER.reply)) reply(to, me, t);
    }
  }

  // Business and scam callers: strangers (subscribers, so call-backs are possible, and numbers off-net).
  for (const p of PROFILES) {
    const count = Math.max(1, Math.round(p.perMillion * scale));
    for (let c = 0; c < count; c++) {
      const me = p.population === "official" ? pushNumber(numbers, used, rng.pick(["95588", "95533", "95555", "95599"])) : fresh(p.number);
      if (me < 0) continue;
      label(me, p.population);
      const plan = p.plan(rng);
      const answer = uniform(rng, p.answer);
      const callback = uniform(rng, p.callback);
      const n = rng.int(p.calls[0], p.calls[1]);
      const called: number[] = [];
      for (let k = 0; k < n; k++) {
        const to = called.length > 0 && rng.chance(p.repeat) ? rng.pick(called) : rng.chance(0.8) ? randomSubscriber() : fresh("mobile");
        called.push(to);
        const t = at(p.when(rng, plan));
        const answered = rng.chance(answer);
        calls.push(t, me, to, answered ? p.talk(rng) : 0);
        if (to >= firstSubscriber && to < firstSubscriber + subscribers && rng.chance(callback)) reply(to, me, t);
      }
    }
  }

  // SIM farms: sequential numbers in one block, the same dialling hours, each number quiet on its own.
  const farms = Math.max(1, Math.round(SIM_FARM.farmsPerMillion * scale));
  for (let f = 0; f < farms; f++) {
    const block = `+86170${digits(rng, 6)}`;
    const members = rng.int(...SIM_FARM.members);
    const windows = [rng.int(9, 20) * 3600, rng.int(9, 20) * 3600];
    const answer = uniform(rng, SIM_FARM.answer);
    for (let m = 0; m < members; m++) {
      const me = pushNumber(numbers, used, `${block}${String(m).padStart(2, "0")}`);
      if (me < 0) continue;
      label(me, "sim_farm");
      const n = rng.int(...SIM_FARM.calls);
      for (let k = 0; k < n; k++) {
        const to = rng.chance(0.8) ? randomSubscriber() : fresh("mobile");
        const t = at(Math.min(86_399, (rng.pick(windows) as number) + rng.int(0, 2 * 3600)));
        calls.push(t, me, to, rng.chance(answer) ? SIM_FARM.talk(rng) : 0);
        if (rng.chance(SIM_FARM.callback)) reply(to, me, t);
      }
    }
  }

  // Emission order: by start time, jittered by up to ±90 s (late and early rows within tolerance).
  const order = keepSubset(rng, calls, options.cdrs, (n) => n >= firstSubscriber && n < firstSubscriber + subscribers);
  const total = order.length;
  const keys = new Float64Array(total);
  for (let i = 0; i < total; i++) {
    const r = order[i] as number;
    keys[i] = Math.floor((calls.startMs[r] as number) - dayStart + 90_000 + rng.int(-90_000, 90_000)) * 2 ** 23 + r;
  }
  keys.sort();
  const out: GeneratedDay = {
    count: total,
    startMs: new Float64Array(total),
    caller: new Int32Array(total),
    callee: new Int32Array(total),
    duration: new Int32Array(total),
    numbers,
    junk: new Map(),
    truth,
  };
  for (let i = 0; i < total; i++) {
    const r = (keys[i] as number) % 2 ** 23;
    out.startMs[i] = calls.startMs[r] as number;
    out.caller[i] = calls.caller[r] as number;
    out.callee[i] = calls.callee[r] as number;
    out.duration[i] = calls.duration[r] as number;
  }
  // Noise replaces a few ordinary rows (never a labelled caller's, so the truth stays exact).
  const malformed = Math.round(((options.malformedPerMillion ?? 50) * total) / 1_000_000);
  const nonPhone = Math.round(((options.nonPhonePerMillion ?? 30) * total) / 1_000_000);
  const junkLines = ["2026-12-01T10:00:00Z,+8613800000000", "not,a,cdr,row", "2026-13-45T99:00:00Z,+8613800000001,+8613800000002,30", ",,,", "2026-12-01T10:00:00Z,+8613800000003,+8613800000004,-5"];
  for (let k = 0; k < malformed + nonPhone && total > 0; k++) {
    const i = rng.int(0, total - 1);
    if (out.junk.has(i) || truth.callers[numbers[out.caller[i] as number] as string]) continue;
    if (k < malformed) {
      out.junk.set(i, rng.pick(junkLines));
      truth.malformedRows++;
    } else {
      out.junk.set(i, `${new Date(out.startMs[i] as number).toISOString()},${rng.pick(["anonymous", "unknown", "+86abc123", "private"])},${numbers[out.callee[i] as number]},${out.duration[i]}`);
      truth.nonPhoneRows++;
    }
  }
  truth.cdrs = total;
  return out;
}

function pushNumber(numbers: string[], used: Set<string>, n: string): number {
  if (used.has(n)) return -1;
  used.add(n);
  numbers.push(n);
  return numbers.length - 1;
}

const uniform = (rng: Rng, [lo, hi]: readonly [number, number]) => lo + rng.next() * (hi - lo);

function cumulative(weights: readonly number[]): number[] {
  const total = weights.reduce((a, b) => a + b, 0);
  let run = 0;
  return weights.map((w) => (run += w / total));
}

function pickHour(rng: Rng, cdf: readonly number[]): number {
  const u = rng.next();
  for (let h = 0; h < cdf.length; h++) if (u < (cdf[h] as number)) return h;
  return cdf.length - 1;
}

/** Indexes of the calls kept when more were drawn than asked for: only ordinary subscribers' calls are dropped. */
function keepSubset(rng: Rng, calls: CallBuffer, keep: number, droppable: (caller: number) => boolean): Int32Array {
  const kept: number[] = [];
  const optional: number[] = [];
  for (let i = 0; i < calls.count; i++) (droppable(calls.caller[i] as number) ? optional : kept).push(i);
  for (let i = 0; i < optional.length && kept.length < keep; i++) {
    const j = i + Math.floor(rng.next() * (optional.length - i));
    const t = optional[i] as number;
    optional[i] = optional[j] as number;
    optional[j] = t;
    kept.push(optional[i] as number);
  }
  return Int32Array.from(kept);
}
