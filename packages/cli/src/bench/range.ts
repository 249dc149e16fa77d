/**
 * Private range lookup speed, every figure beside a baseline measured in the same run:
 * 1. in process, at RANGE_BENCH_ROWS identifiers (default 10 million): the compact table's size and build
 *    time, and µs per answer of a random prefix (rendered with decoys, uncached; and cached) beside the
 *    baseline of JSON.stringify of the same answer as objects (goal: ≤ 50 µs per answer at 10^7);
 * 2. over HTTP (loopback, keep-alive, load generator in a worker thread): `GET /v1/lookup/range/{prefix}`
 *    over 200,000 distinct random prefixes (so nearly every answer is rendered, not cached) with the FTC
 *    list and reports in the index, beside bare Fastify sending a constant answer of the same size
 *    (goal: ≥ 10,000 answers/s).
 *
 * The 10^7 rows are uniformly random 128-bit values: SHA-256 output is uniform, so they fill buckets
 * exactly as the hashes of 10^7 identifiers would, without a minute of hashing that measures nothing.
 */
import { randomFillSync } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AddressInfo } from "node:net";
import { runLoad, type LoadResult } from "./lookup-load.js";
import { median, percentile, printTable } from "./stats.js";

const ROWS = Number(process.env.RANGE_BENCH_ROWS ?? 10_000_000);
const QUERIES = 200_000;
const ROUNDS = 3;
const DURATION_MS = 2000;

export async function run(): Promise<void> {
  await inProcess();
  await overHttp();
}

async function inProcess(): Promise<void> {
  const { RangeTableBuilder, HASH_BYTES } = await import("@scamguard/server/services/range-table");
  const { RangeIndex } = await import("@scamguard/server/services/range-index");
  const heapBefore = process.memoryUsage().arrayBuffers;
  const started = performance.now();
  const builder = new RangeTableBuilder(ROWS);
  const chunk = new Uint8Array(HASH_BYTES * 65_536);
  const extra = new Uint8Array(4 * 65_536);
  for (let done = 0; done < ROWS; ) {
    randomFillSync(chunk);
    randomFillSync(extra);
    const n = Math.min(65_536, ROWS - done);
    for (let i = 0; i < n; i++) {
      const r = extra[i * 4] as number;
      // Roughly the live mix: most suspicious, some scam, a few official; reporters 1..8; last 365 days.
      const verdict = r < 8 ? 0 : r < 200 ? 1 : 2;
      builder.add(chunk, i * HASH_BYTES, verdict, 1 + ((extra[i * 4 + 1] as number) % 8), 20_000 + ((extra[i * 4 + 2] as number) % 200));
    }
    done += n;
  }
  const filled = performance.now();
  const table = builder.build();
  const built = performance.now();
  const index = RangeIndex.fromTable(table, "bench-secret-0123456789");
  const bytes = table.hashes.byteLength + table.verdicts.byteLength + table.reporters.byteLength + table.days.byteLength + table.offsets.byteLength;
  console.log(
    `  table: ${table.size.toLocaleString("en-US")} identifiers, ${(bytes / 2 ** 20).toFixed(0)} MiB of typed arrays (array buffers +${((process.memoryUsage().arrayBuffers - heapBefore) / 2 ** 20).toFixed(0)} MiB incl. the builder), fullest bucket ${table.maxBucket}, padding ${index.padding}; filled in ${((filled - started) / 1000).toFixed(1)} s, sorted in ${((built - filled) / 1000).toFixed(1)} s`,
  );

  const prefixes = Uint32Array.from({ length: 100_000 }, () => Math.floor(Math.random() * 2 ** 20));
  const perAnswer = (fn: (p: number) => unknown): number => {
    const start = process.hrtime.bigint();
    for (const p of prefixes) fn(p);
    return Number(process.hrtime.bigint() - start) / 1e3 / prefixes.length;
  };
  // Warm the JIT.
  perAnswer((p) => index.render(p));
  const rendered: number[] = [];
  const cached: number[] = [];
  const naive: number[] = [];
  const hot = [...prefixes.slice(0, 1000)].map((p) => p.toString(16).padStart(5, "0"));
  const objects = [...prefixes.slice(0, 1000)].map((p) => JSON.parse(index.render(p).body));
  let size = 0;
  for (let round = 0; round < ROUNDS; round++) {
    rendered.push(perAnswer((p) => (size = index.render(p).body.length)));
    cached.push(perAnswer((p) => index.answer(hot[p % 1000] as string, 0)));
    naive.push(perAnswer((p) => JSON.stringify(objects[p % 1000])));
  }
  printTable(`one prefix in process at ${table.size.toLocaleString("en-US")} identifiers, µs per answer, median of ${ROUNDS} × ${prefixes.length.toLocaleString("en-US")} random prefixes (${size} B answer)`, ["path", "µs/answer", "ratio"], [
    ["baseline: JSON.stringify of the same answer as objects", median(naive), "1.00"],
    ["RangeIndex.render (typed arrays + AES-CTR decoys + ETag), uncached", median(rendered), (median(rendered) / median(naive)).toFixed(2)],
    ["RangeIndex.answer, cached (1,000 hot prefixes)", median(cached), (median(cached) / median(naive)).toFixed(2)],
  ]);
  console.log("  goal: ≤ 50 µs per answer at 10,000,000 identifiers");
}

async function overHttp(): Promise<void> {
  const { loadConfig } = await import("@scamguard/server/config");
  const { createApp } = await import("@scamguard/server/app");
  const Fastify = (await import("fastify")).default;
  const dataDir = mkdtempSync(join(tmpdir(), "scamguard-bench-range-"));
  const app = await createApp(loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: "silent", RATE_LIMIT: "10000000" }));
  const bare = Fastify({ logger: false });
  try {
    // 76,089 synthetic New York numbers listed by an import, 5,000 of them reported three times.
    const reputation = app.ctx.services.reputation;
    const now = Date.now();
    for (let i = 0; i < 76_089; i++) {
      const normalized = `+1212${String(2_000_000 + i * 97).padStart(7, "0")}`;
      reputation.index.applySource({ kind: "phone", normalized, source: "ftc-dnc", reports: 1, firstSeenMs: now, lastSeenMs: now, importedAtMs: now });
      if (i < 5000) for (let r = 0; r < 3; r++) reputation.index.applyReport({ kind: "phone", normalized, reporterId: `k${r}`, role: "reporter", atMs: now, mode: null });
    }
    const first = await reputation.range("00000");
    const paths = Array.from({ length: QUERIES }, () => `/v1/lookup/range/${Math.floor(Math.random() * 2 ** 20).toString(16).padStart(5, "0")}`);
    bare.get("/bare", async (_request, reply) => reply.type("application/json; charset=utf-8").header("etag", first.etag).send(first.body));
    const appAddress = await app.listen({ port: 0, host: "127.0.0.1" });
    await bare.listen({ port: 0, host: "127.0.0.1" });
    const bareAddress = `http://127.0.0.1:${(bare.server.address() as AddressInfo).port}`;
    console.log(`  index: ${reputation.index.size.toLocaleString("en-US")} identifiers with evidence + the directory; answers of ${first.body.length} B; ${QUERIES.toLocaleString("en-US")} distinct random prefixes`);
    await runLoad({ url: appAddress, method: "GET", paths: paths.slice(0, 5000), connections: 8, durationMs: 1000 });
    await runLoad({ url: bareAddress, method: "GET", paths: ["/bare"], connections: 8, durationMs: 1000 });
    const rows: (string | number)[][] = [];
    for (const connections of [8, 32]) {
      const appRuns: LoadResult[] = [];
      const bareRuns: LoadResult[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        bareRuns.push(await runLoad({ url: bareAddress, method: "GET", paths: ["/bare"], connections, durationMs: DURATION_MS }));
        // Each round starts at another point of the prefix list: answers rendered, not cached.
        appRuns.push(await runLoad({ url: appAddress, method: "GET", paths: paths.slice(round * 60_000), connections, durationMs: DURATION_MS }));
      }
      const rate = (runs: LoadResult[]) => median(runs.map((r) => r.requests / r.seconds));
      const p99 = (runs: LoadResult[]) => median(runs.map((r) => percentile(r.latenciesMs, 0.99)));
      const errors = (runs: LoadResult[]) => runs.reduce((n, r) => n + r.errors, 0);
      rows.push([`bare Fastify, constant answer, ${connections} conns`, rate(bareRuns), p99(bareRuns), "1.00", errors(bareRuns)]);
      rows.push([`GET /v1/lookup/range/{prefix}, ${connections} conns`, rate(appRuns), p99(appRuns), (rate(appRuns) / rate(bareRuns)).toFixed(2), errors(appRuns)]);
    }
    printTable(`range lookups over HTTP (loopback, keep-alive), median of ${ROUNDS} × ${DURATION_MS / 1000} s`, ["endpoint", "answers/s", "p99 ms", "ratio", "errors"], rows);
    console.log("  goal: ≥ 10,000 answers/s");
  } finally {
    await bare.close();
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
