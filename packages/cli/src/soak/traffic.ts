/**
 * The soak's mixed traffic: what each request is, which answers it expects, and the ledger of the writes the
 * server acknowledged (reports 201, transfer holds/blocks, centre reviews 201). Built on a fixed set of
 * keep-alive connections (client-pool.ts); requests are scheduled open-loop at a fixed rate and timed from
 * their scheduled moment, so a stall shows in the percentiles instead of silently lowering the rate.
 */
import type { Dispatcher } from "undici";
import { NOT_SENT, type Requester } from "./client-pool.js";

export interface SoakKeys {
  reporter: string;
  institution: string;
  analyst: string;
}

export type WriteKind = "report" | "hold" | "review";

/** A write the server answered as done; `key` is what finds it again (report id, alert subject, identifier). */
export interface AckedWrite {
  kind: WriteKind;
  key: string;
  ackedAt: number;
}

/** Counters for the requests scheduled in one minute. */
export interface MinuteStats {
  sent: number;
  ok: number;
  /** 4xx answers to requests built to be wrong (or a live call gone with the restarted process). */
  expected4xx: number;
  /** Any other answer a request did not expect (a 4xx to a valid request, a 2xx to a wrong one). */
  unexpected: number;
  server5xx: number;
  /** Connection errors while the server was down (killed, restarting) — expected, counted apart. */
  downErrors: number;
  /** Connection errors while the server was up — not expected. */
  upErrors: number;
  latenciesMs: number[];
  /** Most requests waiting in the generator for a connection during the minute: the server fell behind the rate. */
  maxBacklog: number;
  /**
   * Requests due in the minute but never sent because the generator's backlog was full (run.ts, MAX_BACKLOG_SECONDS):
   * the server could not carry the rate. Shedding keeps the run on its schedule instead of draining a backlog for
   * minutes after it, with every restart check queued behind it.
   */
  shed: number;
  /** First few unexpected answers and 5xx (method, path, status, error code), for the report. */
  samples: string[];
}

export const newMinute = (): MinuteStats => ({
  sent: 0, ok: 0, expected4xx: 0, unexpected: 0, server5xx: 0, downErrors: 0, upErrors: 0, latenciesMs: [], maxBacklog: 0, shed: 0, samples: [],
});

type Outcome = "ok" | "expected4xx" | "unexpected";

interface Op {
  name: string;
  method: Dispatcher.HttpMethod;
  path: string;
  headers?: Record<string, string>;
  body?: unknown;
  /** Judges the answer; may record an acknowledged write. */
  judge(status: number, json: unknown): Outcome;
}

/** Relative weights of each kind of request in the mix. */
export const MIX: [kind: string, weight: number][] = [
  ["analyze", 20],
  ["lookup", 25],
  ["report", 15],
  ["transfer", 15],
  ["conversation", 15],
  ["review", 5],
  ["invalid", 5],
];
const MIX_TOTAL = MIX.reduce((sum, [, w]) => sum + w, 0);
/** Live calls the client keeps open at once (utterances go to a random one). */
const LIVE_CALLS = 64;
/** Reported accounts kept as payees and lookup targets. */
const RECENT = 4096;

const bearer = (key: string) => ({ authorization: `Bearer ${key}` });
const json = { "content-type": "application/json" };

export class Traffic {
  /** Every write acknowledged so far, in ack order. */
  readonly acked: AckedWrite[] = [];
  /** Bumped on every kill: a request sent in an older epoch that fails was cut by the kill. */
  epoch = 0;
  up = true;
  private seq = 0;
  private readonly recentAccounts: string[] = [];
  private readonly toReview: string[] = [];
  private liveCalls: { id: string; epoch: number }[] = [];

  constructor(
    private readonly pool: Requester,
    private readonly keys: SoakKeys,
    private readonly texts: string[],
    /** Makes this run's identifiers its own (several runs may share a database). */
    private readonly runTag: string,
  ) {}

  /** The server was killed: live calls are gone with it. */
  killed(): void {
    this.epoch++;
    this.up = false;
    this.liveCalls = [];
  }

  /** Sends one request of the mix (or of `kind`); resolves once it is answered and counted into `stats`. */
  async fire(scheduledAt: number, stats: MinuteStats, kind?: string): Promise<void> {
    const op = kind === undefined ? this.next() : this.build(kind);
    const epoch = this.epoch;
    stats.sent++;
    try {
      const res = await this.pool.request({
        method: op.method,
        path: op.path,
        headers: op.body === undefined ? op.headers : { ...json, ...op.headers },
        ...(op.body === undefined ? {} : { body: JSON.stringify(op.body) }),
      });
      const text = await res.body.text();
      stats.latenciesMs.push(performance.now() - scheduledAt);
      let parsed: unknown = null;
      try {
        parsed = text === "" ? null : JSON.parse(text);
      } catch {
        // judged on the status alone
      }
      if (res.statusCode >= 500) {
        stats.server5xx++;
        this.sample(stats, op, res.statusCode, parsed);
        return;
      }
      const outcome = op.judge(res.statusCode, parsed);
      stats[outcome]++;
      if (outcome === "unexpected") this.sample(stats, op, res.statusCode, parsed);
    } catch (error) {
      // Still waiting for a connection when the run ended: counted once for the whole run (run.ts).
      if ((error as { code?: string }).code === NOT_SENT) {
        stats.sent--;
        return;
      }
      if (epoch !== this.epoch || !this.up) stats.downErrors++;
      else {
        stats.upErrors++;
        // Which error, on which request, how long after it was due: the report says what reset it.
        if (stats.samples.length < 5) {
          const e = error as { code?: string; message?: string };
          stats.samples.push(`${op.name}: ${op.method} ${op.path.replace(/\?.*/, "?…")} → ${e.code ?? ""} ${e.message ?? ""} after ${(performance.now() - scheduledAt).toFixed(0)} ms`);
        }
      }
    }
  }

  private sample(stats: MinuteStats, op: Op, status: number, body: unknown): void {
    if (stats.samples.length >= 5) return;
    const code = (body as { error?: { code?: string } } | null)?.error?.code ?? "";
    stats.samples.push(`${op.name}: ${op.method} ${op.path.replace(/\?.*/, "?…")} → ${status} ${code}`);
  }

  private next(): Op {
    let pick = Math.random() * MIX_TOTAL;
    for (const [kind, weight] of MIX) {
      pick -= weight;
      if (pick < 0) return this.build(kind);
    }
    return this.build("analyze");
  }

  /** A bank account only this run uses: 8 digits of run tag, 11 of sequence. */
  private account(): string {
    return `${this.runTag}${String(++this.seq).padStart(11, "0")}`;
  }

  private text(): string {
    return this.texts[Math.floor(Math.random() * this.texts.length)] ?? "hello";
  }

  private build(kind: string): Op {
    switch (kind) {
      case "analyze":
        return { name: kind, method: "POST", path: "/v1/analyze", body: { text: this.text() }, judge: (s) => (s === 200 ? "ok" : "unexpected") };
      case "lookup": {
        const value = this.recentAccounts[Math.floor(Math.random() * this.recentAccounts.length)] ?? this.account();
        return { name: kind, method: "GET", path: `/v1/lookup?kind=bank_account&value=${value}`, judge: (s) => (s === 200 ? "ok" : "unexpected") };
      }
      case "report":
        return this.report();
      case "transfer":
        return this.transfer();
      case "conversation":
        return this.conversation();
      case "review":
        return this.review();
      default:
        return this.invalid();
    }
  }

  private report(): Op {
    const account = this.account();
    return {
      name: "report",
      method: "POST",
      path: "/v1/reports",
      headers: bearer(this.keys.reporter),
      body: { identifiers: [{ kind: "bank_account", value: account }], text: "冒充客服让我转到这个安全账户", channel: "phone_call" },
      judge: (status, body) => {
        if (status !== 201) return "unexpected";
        this.acked.push({ kind: "report", key: (body as { id: string }).id, ackedAt: performance.now() });
        this.remember(account);
        return "ok";
      },
    };
  }

  private remember(account: string): void {
    this.recentAccounts.push(account);
    if (this.recentAccounts.length > RECENT) this.recentAccounts.shift();
    this.toReview.push(account);
    if (this.toReview.length > RECENT) this.toReview.shift();
  }

  /** To a reported payee (crowd evidence → hold) from a payer of its own, so its alert is findable by subject. */
  private transfer(): Op {
    const payee = this.recentAccounts[Math.floor(Math.random() * this.recentAccounts.length)] ?? this.account();
    const payer = this.account();
    return {
      name: "transfer",
      method: "POST",
      path: "/v1/transfers/screen",
      headers: bearer(this.keys.institution),
      body: { payer: { kind: "bank_account", value: payer }, payee: { kind: "bank_account", value: payee }, amount: 5000, currency: "CNY", channel: "mobile_app" },
      judge: (status, body) => {
        if (status !== 200) return "unexpected";
        const decision = (body as { decision: string }).decision;
        if (decision === "hold" || decision === "block") this.acked.push({ kind: "hold", key: payer, ackedAt: performance.now() });
        return "ok";
      },
    };
  }

  private conversation(): Op {
    const call = this.liveCalls[Math.floor(Math.random() * this.liveCalls.length)];
    if (call === undefined || (this.liveCalls.length < LIVE_CALLS && Math.random() < 0.2)) {
      const epoch = this.epoch;
      return {
        name: "conversation",
        method: "POST",
        path: "/v1/conversations",
        body: { lang: "zh" },
        judge: (status, body) => {
          if (status !== 201) return "unexpected";
          if (epoch === this.epoch) this.liveCalls.push({ id: (body as { id: string }).id, epoch });
          return "ok";
        },
      };
    }
    return {
      name: "utterance",
      method: "POST",
      path: `/v1/conversations/${call.id}/utterances`,
      body: { speaker: "remote", text: this.text().slice(0, 500) },
      judge: (status) => {
        if (status === 200) return "ok";
        // Live calls live in memory by design: one started before a kill is gone (404) after it.
        if (status === 404 && call.epoch !== this.epoch) return "expected4xx";
        // A call that reached its utterance cap is full (409); start another.
        if (status === 409) {
          this.liveCalls = this.liveCalls.filter((c) => c !== call);
          return "expected4xx";
        }
        return "unexpected";
      },
    };
  }

  /** The centre confirms a reported account as a scam (201: a new review event). */
  private review(): Op {
    const account = this.toReview.shift();
    if (account === undefined) return this.build("lookup");
    const reason = `soak: confirmed after reports ${account}`;
    return {
      name: "review",
      method: "POST",
      path: "/v1/reviews",
      headers: bearer(this.keys.analyst),
      body: { identifier: { kind: "bank_account", value: account }, action: "confirm", reason },
      judge: (status, body) => {
        if (status !== 201 || (body as { changed?: boolean }).changed !== true) return "unexpected";
        this.acked.push({ kind: "review", key: account, ackedAt: performance.now() });
        return "ok";
      },
    };
  }

  /** Requests a client gets wrong: each must be a 4xx with a JSON error, never a 5xx. */
  private invalid(): Op {
    const cases: Omit<Op, "judge">[] = [
      { name: "invalid", method: "POST", path: "/v1/reports", headers: bearer(this.keys.reporter), body: {} },
      { name: "invalid", method: "GET", path: "/v1/lookup?kind=phone&value=hello" },
      { name: "invalid", method: "GET", path: "/v1/alerts?cursor=WyJ4IiwieSJd", headers: bearer(this.keys.institution) },
      { name: "invalid", method: "POST", path: "/v1/transfers/screen", headers: bearer(this.keys.institution), body: { amount: -1 } },
      { name: "invalid", method: "PUT", path: "/v1/reports" },
      { name: "invalid", method: "POST", path: "/v1/reviews", headers: bearer(this.keys.reporter), body: { action: "confirm" } },
      { name: "invalid", method: "POST", path: "/v1/conversations/nope/utterances", body: { speaker: "remote", text: "x" } },
    ];
    const op = cases[Math.floor(Math.random() * cases.length)] as Omit<Op, "judge">;
    return { ...op, judge: (status, body) => (status >= 400 && status < 500 && (body as { error?: { code?: string } } | null)?.error?.code ? "expected4xx" : "unexpected") };
  }
}
