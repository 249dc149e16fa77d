/**
 * `scamguard bench speed`: issue 10's three server speed figures, each beside its baseline measured in the
 * same run, in about two minutes: single and batch lookups (bench lookup: ratio to bare Fastify at 1, 8 and
 * 32 connections; identifiers/s full and `format=compact`) and transfer screening at 2,000 req/s (bench
 * transfers: p99 beside a bare endpoint, on PGlite and, with BENCH_DATABASE_URL, on PostgreSQL), with
 * fewer and shorter rounds than the suites' own defaults (BENCH_ROUNDS / BENCH_SECONDS override both).
 */
export async function run(): Promise<void> {
  process.env.BENCH_ROUNDS ??= "2";
  const seconds = process.env.BENCH_SECONDS;
  process.env.BENCH_SECONDS = seconds ?? "2";
  await (await import("./lookup.js")).run();
  process.env.BENCH_SECONDS = seconds ?? "4";
  await (await import("./transfers.js")).run();
}
