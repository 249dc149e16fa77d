/**
 * `scamguard soak`: minutes of mixed traffic at a fixed rate against a real `scamguard serve` process on
 * PostgreSQL (or PGlite), `kill -9` and restart once a minute; after each restart, and again for all of them at
 * the end, every write the server acknowledged must be found through the API. Prints one line a minute and
 * answers false on a lost write, a 5xx, an unexpected answer or a connection error while the server was up.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cleanupOnInterrupt } from "../interrupt.js";
import { loadBenchTexts } from "../bench/bench-texts.js";
import { percentile } from "../bench/stats.js";
import { ClientPool } from "./client-pool.js";
import { freePort, ServerProcess } from "./server-process.js";
import { type AckedWrite, type MinuteStats, newMinute, type SoakKeys, Traffic } from "./traffic.js";
import { missingWrites } from "./verify.js";

export interface SoakOptions {
  minutes: number;
  rate: number;
  engine: "postgres" | "pglite";
  databaseUrl: string;
  /** Seconds into each minute at which the server is killed (jittered ±5 s so kills land mid-write). */
  killAt: number;
  connections: number;
  /** Instead of the soak: each kind of request alone for this many seconds, CPU per request (profile.ts). */
  profileSeconds?: number;
}

interface Check {
  acked: number;
  missing: AckedWrite[];
  restartMs: number;
}

const MINUTE_MS = 60_000;
/** Most traffic (seconds of the rate) that waits in the generator; past it due requests are shed (see MinuteStats.shed). */
const MAX_BACKLOG_SECONDS = 2;

/** Environment of the server under soak, and how to remove its data afterwards. */
async function serverEnvironment(opts: SoakOptions): Promise<{ env: Record<string, string>; cleanup: () => Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), "scamguard-soak-"));
  // Logs at warn: an info line per request would measure the logger. No limits to hit: it is one client.
  const base = { DATA_DIR: dataDir, LOG_LEVEL: "warn", RATE_LIMIT: "10000000", RATE_LIMIT_KEYED: "100000000" };
  const removeDir = async () => rmSync(dataDir, { recursive: true, force: true });
  if (opts.engine === "pglite") return { env: base, cleanup: removeDir };
  const { scratchSchemaName, dropScratchSchema } = await import("@scamguard/server/db/scratch-schema");
  const schema = scratchSchemaName("soak");
  return {
    env: { ...base, DATABASE_URL: opts.databaseUrl, DATABASE_SCHEMA: schema },
    cleanup: async () => {
      await dropScratchSchema(opts.databaseUrl, schema);
      await removeDir();
    },
  };
}

/** Keys made before the server starts, the way `scamguard keys create` makes them (PGlite allows one process). */
async function createKeys(env: Record<string, string>): Promise<SoakKeys> {
  const { loadConfig } = await import("@scamguard/server/config");
  const { openKeyAdmin } = await import("@scamguard/server/keys/key-admin");
  const admin = await openKeyAdmin(loadConfig(env), { createIfMissing: true });
  try {
    const make = async (role: "reporter" | "institution" | "analyst") => (await admin.create({ role, label: `soak ${role}` })).key;
    return { reporter: await make("reporter"), institution: await make("institution"), analyst: await make("analyst") };
  } finally {
    await admin.close();
  }
}

const ms = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : "-");
/** The error rate the issue asks for: 5xx, unexpected answers and connection errors while the server was up, of all sent. */
const errorRate = (errors: number, sent: number) => (sent > 0 ? ((100 * errors) / sent).toFixed(3) : "-");
const HEADER = ["min", "sent", "2xx", "4xx expected", "unexpected", "5xx", "conn err (down)", "conn err (up)", "error %", "p50 ms", "p99 ms", "backlog", "shed", "restart s", "writes acked", "found"];

function printRow(cells: (string | number)[]): void {
  console.log(cells.map((c, i) => String(c).padStart(Math.max(HEADER[i]?.length ?? 0, 6))).join("  "));
}

export async function runSoak(opts: SoakOptions): Promise<boolean> {
  const { env, cleanup } = await serverEnvironment(opts);
  const texts = loadBenchTexts(400).messages;
  let server: ServerProcess | null = null;
  // Ctrl-C or a SIGTERM mid-run still stops the server and drops the scratch schema.
  const release = cleanupOnInterrupt(async () => {
    await server?.stop();
    await cleanup();
  });
  try {
    const keys = await createKeys(env);
    server = new ServerProcess(env, await freePort());
    const bootMs = await server.start();
    if (opts.profileSeconds !== undefined) {
      const { profileMix } = await import("./profile.js");
      await profileMix(server, keys, texts, opts.connections, opts.profileSeconds);
      return true;
    }
    console.log(`soak: ${opts.minutes} min at ${opts.rate} req/s on ${opts.engine}, kill -9 about ${opts.killAt} s into every minute; server up in ${(bootMs / 1000).toFixed(1)} s`);
    // Traffic and checks together stay within the server's per-address connection cap (MAX_CONNECTIONS_PER_IP).
    const pool = new ClientPool(server.url, opts.connections, { headersTimeout: 30_000, bodyTimeout: 30_000, connect: { timeout: 2_000 } });
    const checkPool = new ClientPool(server.url, 16, { headersTimeout: 60_000, bodyTimeout: 60_000 });
    const traffic = new Traffic(pool, keys, texts, `6${String(Math.floor(Math.random() * 1e7)).padStart(7, "0")}`);
    const minutes: MinuteStats[] = Array.from({ length: opts.minutes }, newMinute);
    const checks: Promise<Check>[] = [];
    const inFlight = new Set<Promise<void>>();
    /** Each minute's requests, awaited before its row: a row printed earlier left its slowest requests out of p99. */
    const unsettled: Promise<void>[][] = minutes.map(() => []);
    const killedAt: number[] = []; // seconds into the run of each kill -9
    let checkedUpTo = 0; // index into traffic.acked: everything before it was checked after an earlier restart
    const start = performance.now();
    const total = Math.round((opts.rate * opts.minutes * MINUTE_MS) / 1000);
    let sent = 0;

    // Open loop: every millisecond, send what is due by now, whatever the answers are doing, unless the backlog
    // already holds MAX_BACKLOG_SECONDS of traffic: then the request is shed (counted, never sent).
    const maxBacklog = Math.max(100, Math.round(opts.rate * MAX_BACKLOG_SECONDS));
    const scheduled = new Promise<void>((resolve) => {
      const tick = () => {
        const due = Math.min(total, Math.floor(((performance.now() - start) * opts.rate) / 1000) + 1);
        while (sent < due) {
          const at = start + (sent * 1000) / opts.rate;
          const index = Math.min(opts.minutes - 1, Math.floor((at - start) / MINUTE_MS));
          const minute = minutes[index] as MinuteStats;
          sent++;
          if (pool.backlog >= maxBacklog) {
            minute.shed++;
            continue;
          }
          const p = traffic.fire(at, minute);
          inFlight.add(p);
          (unsettled[index] as Promise<void>[]).push(p);
          void p.finally(() => inFlight.delete(p));
        }
        const now = minutes[Math.min(opts.minutes - 1, Math.floor((performance.now() - start) / MINUTE_MS))] as MinuteStats;
        now.maxBacklog = Math.max(now.maxBacklog, pool.backlog);
        if (sent < total) setTimeout(tick, 1);
        else resolve();
      };
      tick();
    });

    // Once a minute, on schedule: kill -9 and restart; then, in the background, find every write acknowledged
    // before the restart. The next kill never waits for that check (a slow check on a loaded machine used to
    // push the kills back, ~4 in 10 minutes): a check cut by a kill retries until the server is back (verify.ts),
    // so reads across a kill are tested too.
    const sleepUntil = (t: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, t - performance.now())));
    const killer = (async () => {
      for (let m = 0; m < opts.minutes; m++) {
        await sleepUntil(start + m * MINUTE_MS + (opts.killAt + (Math.random() * 10 - 5)) * 1000);
        const late = performance.now() - (start + m * MINUTE_MS + (opts.killAt + 5) * 1000);
        if (late > 1000) console.log(`      kill ${m + 1} is ${(late / 1000).toFixed(1)} s late: the restart before it took that long`);
        traffic.killed();
        killedAt.push((performance.now() - start) / 1000);
        await (server as ServerProcess).kill9();
        const restartMs = await (server as ServerProcess).start();
        traffic.up = true;
        const batch = traffic.acked.slice(checkedUpTo);
        checkedUpTo += batch.length;
        const check = missingWrites(checkPool, keys, batch).then((missing) => ({ acked: batch.length, missing, restartMs }));
        // Surfaces where the minute's row awaits it; this only keeps Node from ending on the rejection first.
        check.catch(() => {});
        checks.push(check);
      }
    })();
    // A failed restart surfaces where the minute's row awaits it (and the finally still cleans up);
    // this only keeps Node from ending the process on the rejection before that.
    killer.catch(() => {});

    let failed = false;
    let notSent = 0;
    printRow(HEADER);
    for (let m = 0; m < opts.minutes; m++) {
      await sleepUntil(start + (m + 1) * MINUTE_MS);
      while (checks.length <= m) {
        // A restart that failed leaves no check for this minute: say why instead of waiting for ever.
        const failedRestart = await Promise.race([killer.then(() => null, (error: unknown) => error), new Promise((resolve) => setTimeout(resolve, 100, null))]);
        if (failedRestart !== null) throw failedRestart;
      }
      const check = await (checks[m] as Promise<Check>);
      if (m === opts.minutes - 1) {
        await scheduled;
        // What the server never got to is not waited for (minutes, when it fell far behind): it fails the run.
        notSent = pool.dropBacklog();
        await Promise.all(inFlight);
      }
      await Promise.all(unsettled[m] as Promise<void>[]);
      unsettled[m] = [];
      const s = minutes[m] as MinuteStats;
      const lat = Float64Array.from(s.latenciesMs).sort();
      const found = check.acked - check.missing.length;
      printRow([m + 1, s.sent, s.ok, s.expected4xx, s.unexpected, s.server5xx, s.downErrors, s.upErrors, errorRate(s.server5xx + s.unexpected + s.upErrors, s.sent), ms(percentile(lat, 0.5)), ms(percentile(lat, 0.99)), s.maxBacklog, s.shed, (check.restartMs / 1000).toFixed(1), check.acked, found]);
      for (const line of s.samples) console.log(`      ${line}`);
      for (const w of check.missing.slice(0, 5)) console.log(`      LOST ${w.kind} ${w.key}`);
      if (check.missing.length > 0 || s.shed > 0 || s.server5xx > 0 || s.unexpected > 0 || s.upErrors > 0) failed = true;
    }
    await killer;

    // At the end, every write of the whole run once more (a write found once must stay found).
    const all = traffic.acked.slice();
    const missing = await missingWrites(checkPool, keys, all);
    const byKind = (kind: string) => all.filter((w) => w.kind === kind).length;
    console.log(
      `\nall writes, checked again at the end: acknowledged ${all.length} (reports ${byKind("report")}, holds ${byKind("hold")}, reviews ${byKind("review")}), found ${all.length - missing.length}`,
    );
    for (const w of missing.slice(0, 10)) console.log(`  LOST ${w.kind} ${w.key}`);
    console.log(`kill -9 ${killedAt.length} times, at ${killedAt.map((t) => `${t.toFixed(0)} s`).join(", ")}`);
    const sum = (f: (s: MinuteStats) => number) => minutes.reduce((n, s) => n + f(s), 0);
    const lat = Float64Array.from(minutes.flatMap((s) => s.latenciesMs)).sort();
    console.log(
      `requests ${sum((s) => s.sent)}: 5xx ${sum((s) => s.server5xx)}, unexpected ${sum((s) => s.unexpected)}, expected 4xx ${sum((s) => s.expected4xx)}, ` +
        `connection errors while down ${sum((s) => s.downErrors)}, while up ${sum((s) => s.upErrors)}; ` +
        `error rate ${errorRate(sum((s) => s.server5xx + s.unexpected + s.upErrors), sum((s) => s.sent))} %; p50 ${ms(percentile(lat, 0.5))} ms, p99 ${ms(percentile(lat, 0.99))} ms`,
    );
    // Open loop: a server slower than the rate shows as a growing backlog here, not as a lower rate.
    const backlog = Math.max(...minutes.map((s) => s.maxBacklog));
    if (backlog > opts.rate) console.log(`the server fell behind ${opts.rate} req/s: up to ${backlog} requests waited for a connection (p99 counts that wait)`);
    const shed = sum((s) => s.shed);
    if (shed > 0) console.log(`${shed} requests were shed (never sent): the server could not carry ${opts.rate} req/s`);
    if (notSent > 0) {
      console.log(`${notSent} requests were still waiting for a connection at the end and were never sent`);
      failed = true;
    }
    if (missing.length > 0) failed = true;
    console.log(failed ? "soak: FAILED" : "soak: passed (no lost write, no 5xx)");
    await Promise.all([pool.close(), checkPool.close()]);
    return !failed;
  } finally {
    release();
    await server?.stop();
    await cleanup();
  }
}
