/**
 * Lookup speed, every figure beside a baseline measured in the same run:
 * 1. single `GET /v1/lookup` over real HTTP on loopback (keep-alive, load generator in a worker thread)
 *    vs a bare Fastify endpoint answering a constant of the same shape: requests/s, p50, p99, ratio
 *    (goals: ≥ 0.8 of the bare rate, p99 ≤ 2 ms);
 * 2. batch lookups, identifiers/s: in-process (`reputation.lookupMany`, memo warm and cold) and over HTTP
 *    (`POST /v1/lookup`, 1,000 items per request, full answers and `?format=compact` columns) beside bare
 *    Fastify parsing the same body and sending the same bytes (the transport's ceiling) (goal ≥ 500k/s).
 * The index holds the 75,890 FTC complaint numbers plus filed reports, as after `scamguard import`.
 * Medians of ROUNDS rounds, alternating app and baseline.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { AddressInfo } from "node:net";
import { runLoad, type LoadResult } from "./lookup-load.js";
import { median, percentile, printTable } from "./stats.js";

/** BENCH_ROUNDS / BENCH_SECONDS shorten a run (`bench speed` does); defaults: the reported figures. */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const DURATION_MS = Number(process.env.BENCH_SECONDS ?? 2) * 1000;
const CONNECTIONS = [1, 8, 32];
/** The shared data folder beside the repository (../shared/data). */
const FTC = fileURLToPath(new URL("../../../../../shared/data/ftc-dnc-reported-numbers/numbers.jsonl", import.meta.url));

interface Figures {
  rate: number;
  p50: number;
  p99: number;
  errors: number;
}

const figures = (r: LoadResult): Figures => ({
  rate: r.requests / r.seconds,
  p50: percentile(r.latenciesMs, 0.5),
  p99: percentile(r.latenciesMs, 0.99),
  errors: r.errors,
});
const medianOf = (runs: Figures[]): Figures => ({
  rate: median(runs.map((r) => r.rate)),
  p50: median(runs.map((r) => r.p50)),
  p99: median(runs.map((r) => r.p99)),
  errors: runs.reduce((n, r) => n + r.errors, 0),
});

export async function run(): Promise<void> {
  const { loadConfig } = await import("@scamguard/server/config");
  const { createApp } = await import("@scamguard/server/app");
  const Fastify = (await import("fastify")).default;

  const dataDir = mkdtempSync(join(tmpdir(), "scamguard-bench-lookup-"));
  const app = await createApp(loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: "silent", RATE_LIMIT: "10000000" }));
  const bare = Fastify({ logger: false });
  try {
    // Fill the index as an import would (straight into the index: the bench measures lookups, not loading).
    const reputation = app.ctx.services.reputation;
    const numbers: string[] = [];
    const importedAtMs = Date.now();
    // Without the shared data, 76,089 synthetic New York numbers stand in for the FTC list.
    const lines = existsSync(FTC)
      ? readFileSync(FTC, "utf8").split("\n")
      : Array.from({ length: 76_089 }, (_, i) => JSON.stringify({ number: `+1212${String(2_000_000 + i * 97).padStart(7, "0")}`, reports: 1, first_date: "2021-04-14", last_date: "2021-04-21" }));
    for (const line of lines) {
      if (!line) continue;
      const row = JSON.parse(line) as { number: string; reports: number; first_date: string; last_date: string };
      numbers.push(row.number);
      reputation.index.applySource({
        kind: "phone",
        normalized: row.number,
        source: "ftc-dnc",
        reports: row.reports,
        firstSeenMs: Date.parse(row.first_date),
        lastSeenMs: Date.parse(row.last_date),
        importedAtMs,
      });
    }
    for (let i = 0; i < 5000; i++) {
      for (let r = 0; r < 3; r++) {
        reputation.index.applyReport({ kind: "phone", normalized: numbers[i] as string, reporterId: `k${r}`, role: "reporter", atMs: importedAtMs, mode: "impersonate_customer_service" });
      }
    }
    const { normalizeIdentifier } = await import("@scamguard/detect");
    // 199 numbers of the list are not dialable (the import rejects them); queries use valid ones only.
    const sample = numbers.filter((n, i) => i % 37 === 0 && normalizeIdentifier("phone", n).ok).slice(0, 1000);
    const queries = sample.map((n, i) => (i % 10 === 0 ? "95588" : i % 10 === 1 ? `1380013${String(8000 + i).slice(-4)}` : n));
    const paths = queries.map((q) => `/v1/lookup?kind=phone&value=${encodeURIComponent(q)}`);

    // The baseline: bare Fastify, a constant answer of the same shape and size, same JSON serialisation.
    const constant = await reputation.lookup({ kind: "phone", value: sample[5] as string });
    bare.get("/bare", async () => constant);
    // Transport baseline of the batch: bare Fastify parses the same body and answers the same bytes, precomputed.
    const batch = queries.map((value) => ({ kind: "phone" as const, value }));
    const answer = await reputation.lookupManyJson(batch);
    bare.post("/bare-batch", async (request, reply) => reply.type("application/json; charset=utf-8").send((request.body as object) && answer));
    const compactAnswer = await reputation.lookupManyCompactJson(batch);
    bare.post("/bare-compact", async (request, reply) => reply.type("application/json; charset=utf-8").send((request.body as object) && compactAnswer));
    const appAddress = await app.listen({ port: 0, host: "127.0.0.1" });
    await bare.listen({ port: 0, host: "127.0.0.1" });
    const bareAddress = `http://127.0.0.1:${(bare.server.address() as AddressInfo).port}`;
    console.log(`  index: ${reputation.index.size.toLocaleString("en-US")} identifiers; ${queries.length} distinct queries (FTC, reported, official, unknown)`);

    // Warm up both servers and the normalisation memo.
    await runLoad({ url: appAddress, method: "GET", paths, connections: 8, durationMs: 1000 });
    await runLoad({ url: bareAddress, method: "GET", paths: ["/bare"], connections: 8, durationMs: 1000 });

    const singleRows: (string | number)[][] = [];
    for (const connections of CONNECTIONS) {
      const appRuns: Figures[] = [];
      const bareRuns: Figures[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        bareRuns.push(figures(await runLoad({ url: bareAddress, method: "GET", paths: ["/bare"], connections, durationMs: DURATION_MS })));
        appRuns.push(figures(await runLoad({ url: appAddress, method: "GET", paths, connections, durationMs: DURATION_MS })));
      }
      const a = medianOf(appRuns);
      const b = medianOf(bareRuns);
      singleRows.push([`bare Fastify, ${connections} conns`, b.rate, b.p50, b.p99, "1.00", b.errors]);
      singleRows.push([`GET /v1/lookup, ${connections} conns`, a.rate, a.p50, a.p99, (a.rate / b.rate).toFixed(2), a.errors]);
    }
    printTable(
      `single lookups over HTTP (loopback, keep-alive), median of ${ROUNDS} × ${DURATION_MS / 1000} s`,
      ["endpoint", "req/s", "p50 ms", "p99 ms", "ratio", "errors"],
      singleRows,
    );
    console.log("  goals: ratio ≥ 0.8 of bare Fastify, p99 ≤ 2 ms");

    // Batch, in process.
    const inProcess = async (items: { kind: "phone"; value: string }[][]): Promise<number> => {
      const start = process.hrtime.bigint();
      let n = 0;
      for (const chunk of items) n += (await reputation.lookupMany(chunk)).length;
      return n / (Number(process.hrtime.bigint() - start) / 1e9);
    };
    const warm: number[] = [];
    for (let round = 0; round < ROUNDS; round++) warm.push(await inProcess(Array.from({ length: 500 }, () => batch)));
    const cold: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      // Values never seen: every one goes through libphonenumber (and fills the memo).
      const fresh = Array.from({ length: 20 }, (_, c) =>
        Array.from({ length: 1000 }, (_, i) => ({ kind: "phone" as const, value: `+1 (212) ${String(200 + ((round * 20 + c) % 700)).padStart(3, "0")}-${String(i).padStart(4, "0")}` })),
      );
      cold.push(await inProcess(fresh));
    }

    const body = JSON.stringify({ items: batch });
    const { key } = await app.ctx.services.apiKeys.create({ role: "institution", label: "bench" });
    const headers = { authorization: `Bearer ${key}` };
    const batchLoad = (url: string, path: string, durationMs: number) =>
      runLoad({ url, method: "POST", paths: [path], body, headers, connections: 4, durationMs });
    await batchLoad(appAddress, "/v1/lookup", 1000);
    await batchLoad(bareAddress, "/bare-batch", 1000);
    await batchLoad(appAddress, "/v1/lookup?format=compact", 1000);
    await batchLoad(bareAddress, "/bare-compact", 1000);
    const overHttp: Figures[] = [];
    const bareBatch: Figures[] = [];
    const compactHttp: Figures[] = [];
    const bareCompact: Figures[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      bareBatch.push(figures(await batchLoad(bareAddress, "/bare-batch", DURATION_MS)));
      overHttp.push(figures(await batchLoad(appAddress, "/v1/lookup", DURATION_MS)));
      bareCompact.push(figures(await batchLoad(bareAddress, "/bare-compact", DURATION_MS)));
      compactHttp.push(figures(await batchLoad(appAddress, "/v1/lookup?format=compact", DURATION_MS)));
    }
    const http = medianOf(overHttp);
    const floor = medianOf(bareBatch);
    const compact = medianOf(compactHttp);
    const compactFloor = medianOf(bareCompact);
    const kib = (text: string) => `${(Buffer.byteLength(text) / 1024).toFixed(0)} KiB`;
    printTable(
      `batch lookups, identifiers/s, median of ${ROUNDS} rounds (answer per 1,000: full ${kib(answer)}, compact ${kib(compactAnswer)})`,
      ["path", "identifiers/s", "p50 ms/batch", "p99 ms/batch", "ratio"],
      [
        ["in-process lookupMany, memo warm (1,000/batch)", median(warm), "", "", ""],
        ["in-process lookupMany, cold (libphonenumber each)", median(cold), "", "", ""],
        ["bare Fastify, same body in, same full bytes out, 4 conns", floor.rate * batch.length, floor.p50, floor.p99, "1.00"],
        [`POST /v1/lookup over HTTP, 1,000/batch, 4 conns${http.errors ? ` (${http.errors} errors)` : ""}`, http.rate * batch.length, http.p50, http.p99, (http.rate / floor.rate).toFixed(2)],
        ["bare Fastify, same body in, same compact bytes out", compactFloor.rate * batch.length, compactFloor.p50, compactFloor.p99, "1.00"],
        [
          `POST /v1/lookup?format=compact, 1,000/batch, 4 conns${compact.errors ? ` (${compact.errors} errors)` : ""}`,
          compact.rate * batch.length,
          compact.p50,
          compact.p99,
          (compact.rate / compactFloor.rate).toFixed(2),
        ],
      ],
    );
    const best = compact.rate * batch.length;
    console.log(`  goal: ≥ 500,000 identifiers/s — ${best >= 500_000 ? "met" : "NOT met"} with format=compact (${Math.round(best).toLocaleString("en-US")}/s; full answers ${Math.round(http.rate * batch.length).toLocaleString("en-US")}/s)`);
  } finally {
    await bare.close();
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
