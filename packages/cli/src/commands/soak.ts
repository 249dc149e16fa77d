/** `scamguard soak` (`npm run soak`): mixed traffic with `kill -9` every minute; every acknowledged write found again. */
import type { Command } from "commander";

const positive = (name: string, raw: string): number => {
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name}: expected a positive number, got "${raw}"`);
  return value;
};

export function register(program: Command): void {
  program
    .command("soak")
    .description("soak a real server: mixed traffic, kill -9 and restart every minute, no acknowledged write lost, no 5xx (exit 1 otherwise)")
    .option("--minutes <n>", "how long, in whole minutes", "10")
    .option("--rate <n>", "requests per second (open loop)", "2000")
    .option("--pglite", "run the server on embedded PGlite (a temp DATA_DIR) instead of PostgreSQL")
    .option("--database-url <url>", "PostgreSQL to use (a fresh schema, dropped at the end)", process.env.SOAK_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres")
    .option("--kill-at <s>", "seconds into each minute when the server is killed (±5 s)", "30")
    .option("--connections <n>", "keep-alive connections of the load generator", "64")
    .option("--profile [seconds]", "instead: each kind of request alone (closed loop), server and PostgreSQL CPU per request, and the rate the mix allows")
    .action(async (opts: { minutes: string; rate: string; pglite?: boolean; databaseUrl: string; killAt: string; connections: string; profile?: string | true }) => {
      const minutes = positive("--minutes", opts.minutes);
      if (!Number.isInteger(minutes)) throw new Error(`--minutes: expected whole minutes, got "${opts.minutes}"`);
      const killAt = positive("--kill-at", opts.killAt);
      if (killAt < 6 || killAt > 40) throw new Error(`--kill-at: expected 6 to 40 seconds (the restart and check need the rest of the minute), got "${opts.killAt}"`);
      const { runSoak } = await import("../soak/run.js");
      const passed = await runSoak({
        minutes,
        rate: positive("--rate", opts.rate),
        engine: opts.pglite ? "pglite" : "postgres",
        databaseUrl: opts.databaseUrl,
        killAt,
        connections: positive("--connections", opts.connections),
        ...(opts.profile === undefined ? {} : { profileSeconds: opts.profile === true ? 5 : positive("--profile", opts.profile) }),
      });
      process.exitCode = passed ? 0 : 1;
    });
}
