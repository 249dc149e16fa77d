/**
 * Transfer screening latency at a fixed 2,000 requests/s over loopback (open loop, latency from each
 * request's scheduled time), beside a bare endpoint measured in the same run at the same rate:
 * `POST /v1/transfers/screen` on the real app (auth, rate limit, zod validation, reputation index, payer
 * history, decision; allow/warn audit rows written behind the answer, holds and blocks committed before
 * it) vs a bare Fastify POST in the same process that validates the same body with the same schema and
 * answers a constant decision of the same shape; and, as the
 * same-server baseline with the same middleware (rate limit, key authentication, metrics),
 * `GET /v1/lookup?kind=phone&value=95588` on the same app with the same key.
 * Goal: p99 ≤ 5 ms. Medians of ROUNDS rounds, alternating bare and app. Runs on embedded PGlite (the
 * quick-start default, whose statements run on its own worker thread, db/pglite-thread.ts) and, when BENCH_DATABASE_URL names a
 * PostgreSQL (e.g. postgres://postgres@127.0.0.1:5432/postgres), again on it in a scratch schema that is
 * dropped afterwards.
 */
import { mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { cleanupOnInterrupt } from "../interrupt.js";
import { type RateResult, runAtRate } from "./rate-load.js";
import { median, percentile, printTable } from "./stats.js";

const RATE = 2_000;
/** BENCH_ROUNDS / BENCH_SECONDS shorten a look (defaults: the reported figures). */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const DURATION_MS = Number(process.env.BENCH_SECONDS ?? 8) * 1000;

interface Figures {
  rate: number;
  p50: number;
  p99: number;
  max: number;
  errors: number;
  /** The server thread's event-loop delay during the pass (both servers share it): stalls, not queueing. */
  loopP99: number;
  loopMax: number;
}
/** Runs a pass while sampling the event-loop delay of this (the servers') thread at 1 ms resolution. */
async function measured(pass: () => Promise<RateResult>): Promise<Figures> {
  const loop = monitorEventLoopDelay({ resolution: 1 });
  loop.enable();
  const r = await pass();
  loop.disable();
  return {
    rate: r.latenciesMs.length / r.seconds,
    p50: percentile(r.latenciesMs, 0.5),
    p99: percentile(r.latenciesMs, 0.99),
    max: r.latenciesMs[r.latenciesMs.length - 1] ?? Number.NaN,
    errors: r.errors,
    loopP99: loop.percentile(99) / 1e6,
    loopMax: loop.max / 1e6,
  };
}
const medianOf = (runs: Figures[]): Figures => ({
  rate: median(runs.map((r) => r.rate)),
  p50: median(runs.map((r) => r.p50)),
  p99: median(runs.map((r) => r.p99)),
  max: median(runs.map((r) => r.max)),
  errors: runs.reduce((n, r) => n + r.errors, 0),
  loopP99: median(runs.map((r) => r.loopP99)),
  loopMax: median(runs.map((r) => r.loopMax)),
});

export async function run(): Promise<void> {
  await runOn("pglite");
  const url = process.env.BENCH_DATABASE_URL;
  if (url) await runOn("postgres", url);
  else console.log("\n  (set BENCH_DATABASE_URL=postgres://… to repeat on PostgreSQL)");
}

async function runOn(engine: "pglite" | "postgres", databaseUrl?: string): Promise<void> {
  const { loadConfig } = await import("@scamguard/server/config");
  const { createApp } = await import("@scamguard/server/app");
  const { TransferScreenRequestSchema } = await import("@scamguard/contracts");
  const { PAYEES, PAYERS, REPORTED, seedReportedPayees, transferBodies } = await import("./transfer-traffic.js");
  const Fastify = (await import("fastify")).default;
  const { serializerCompiler, validatorCompiler } = await import("fastify-type-provider-zod");

  const dataDir = mkdtempSync(join(tmpdir(), "scamguard-bench-transfers-"));
  const schema = `bench_${process.pid}`;
  const pg = databaseUrl ? { DATABASE_URL: databaseUrl, DATABASE_SCHEMA: schema } : {};
  // The scratch schema and data dir go whatever happens: an error, a failed start, or Ctrl-C / SIGTERM.
  const dropScratch = async () => {
    rmSync(dataDir, { recursive: true, force: true });
    if (!databaseUrl) return;
    const { dropScratchSchema } = await import("@scamguard/server/db/scratch-schema");
    await dropScratchSchema(databaseUrl, schema);
  };
  const release = cleanupOnInterrupt(dropScratch);
  let app: Awaited<ReturnType<typeof createApp>> | null = null;
  const bare = Fastify({ logger: false });
  try {
    app = await createApp(loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: "silent", RATE_LIMIT: "10000000", ...pg }));
    seedReportedPayees(app);
    const bodies = transferBodies();
    const { key } = await app.ctx.services.apiKeys.create({ role: "institution", label: "bench" });
    const headers = { authorization: `Bearer ${key}` };

    const constant = { decision: "allow", risk: "low", stage: null, reasons: [], advice: [], payeeReputation: "unknown", sessionId: null };
    bare.setValidatorCompiler(validatorCompiler);
    bare.setSerializerCompiler(serializerCompiler);
    bare.post("/bare", { schema: { body: TransferScreenRequestSchema } }, async () => constant);
    const appAddress = await app.listen({ port: 0, host: "127.0.0.1" });
    await bare.listen({ port: 0, host: "127.0.0.1" });
    const bareAddress = `http://127.0.0.1:${(bare.server.address() as AddressInfo).port}`;

    const screen = (durationMs: number) =>
      runAtRate({ url: appAddress, method: "POST", path: "/v1/transfers/screen", bodies, headers, rate: RATE, durationMs });
    const baseline = (durationMs: number) =>
      runAtRate({ url: bareAddress, method: "POST", path: "/bare", bodies, headers, rate: RATE, durationMs });
    const sameServer = (durationMs: number) =>
      runAtRate({ url: appAddress, method: "GET", path: "/v1/lookup?kind=phone&value=95588", bodies: [], headers, rate: RATE, durationMs });
    // Holds and blocks are committed before their answer (durable): count them, to read the p99 against
    // their share (a p99 counts the slowest 1%; these are several % of this traffic).
    const writer = app.ctx.services.transfers.writer;
    const persist = writer.persist.bind(writer);
    let held = 0;
    writer.persist = (row, alert) => {
      held++;
      return persist(row, alert);
    };
    await baseline(1_500);
    await sameServer(1_500);
    await screen(1_500);
    held = 0;

    const appRuns: Figures[] = [];
    const bareRuns: Figures[] = [];
    const sameRuns: Figures[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      bareRuns.push(await measured(() => baseline(DURATION_MS)));
      sameRuns.push(await measured(() => sameServer(DURATION_MS)));
      appRuns.push(await measured(() => screen(DURATION_MS)));
    }
    const heldShare = held / ((ROUNDS * (RATE * DURATION_MS)) / 1000);
    const a = medianOf(appRuns);
    const b = medianOf(bareRuns);
    const m = medianOf(sameRuns);
    await app.ctx.services.transfers.writer.flush();

    // The screening itself, in process (no HTTP): what the route adds to a request.
    const { screenTransfer } = await import("@scamguard/server/commands/screen-transfer");
    const caller = { keyId: "bench", role: "institution" as const };
    const parsed = bodies.map((b) => TransferScreenRequestSchema.parse(JSON.parse(b)));
    const inProcess: number[] = [];
    for (let i = 0; i < 20_000; i++) {
      const start = performance.now();
      await screenTransfer(app.ctx, parsed[i % parsed.length] as (typeof parsed)[number], caller);
      inProcess.push(performance.now() - start);
    }
    inProcess.sort((x, y) => x - y);
    printTable(
      `[${engine}] transfer screening at ${RATE.toLocaleString("en-US")} req/s over loopback (open loop), median of ${ROUNDS} × ${DURATION_MS / 1000} s`,
      ["endpoint", "req/s", "p50 ms", "p99 ms", "max ms", "p99 ratio", "errors", "loop p99", "loop max"],
      [
        ["bare POST (same body schema, constant answer)", b.rate, b.p50, b.p99, b.max, "1.00", b.errors, b.loopP99, b.loopMax],
        [
          "same server: GET /v1/lookup (keyed, in-memory)",
          m.rate,
          m.p50,
          m.p99,
          m.max,
          (m.p99 / b.p99).toFixed(2),
          m.errors,
          m.loopP99,
          m.loopMax,
        ],
        ["POST /v1/transfers/screen", a.rate, a.p50, a.p99, a.max, (a.p99 / b.p99).toFixed(2), a.errors, a.loopP99, a.loopMax],
        [
          "screenTransfer() in process, 20,000 calls",
          "",
          percentile(inProcess, 0.5),
          percentile(inProcess, 0.99),
          inProcess[inProcess.length - 1] ?? 0,
          "",
          "",
          "",
          "",
        ],
      ],
    );
    console.log(
      `  traffic: ${PAYERS.toLocaleString("en-US")} payers, ${PAYEES.toLocaleString("en-US")} payees (${REPORTED} with scam reports), 30% round sums, 30% new payees`,
    );
    console.log(
      `  holds and blocks, committed before their answer: ${(heldShare * 100).toFixed(1)}% of screenings; loop = the servers' event-loop delay (1 ms resolution)`,
    );
    console.log(
      `  goal: p99 ≤ 5 ms — ${a.p99 <= 5 ? "met" : "NOT met"} (p99 ${a.p99.toFixed(2)} ms; ${(a.p99 / b.p99).toFixed(2)}× the bare endpoint's, ${(a.p99 / m.p99).toFixed(2)}× the same server's lookup)`,
    );
    if (b.p99 > 5)
      console.log(
        "  note: the bare endpoint itself misses 5 ms here: this machine is saturated, read the ratios, not the absolute figures",
      );
  } finally {
    release();
    await bare.close();
    await app?.close();
    await dropScratch();
  }
}
