/**
 * `scamguard soak --profile`: what the soak's rate costs, per kind of request, before running it. Each kind
 * of the mix is sent alone, closed loop on the soak's connections, to the same real server; printed per
 * kind: requests/s, the server process's CPU per request, PostgreSQL's (every postgres process on this
 * machine: run it where nothing else uses the database), and the mix-weighted CPU per request, which
 * bounds the rate one server process can sustain (its JavaScript runs on one thread).
 * CPU time comes from /proc (Linux): steadier than latency on a busy machine, but not immune (the same
 * lookup read 207 and 615 µs in two runs at load 9-10 on 2 shared cores): compare kinds within one run.
 */
import { readdirSync, readFileSync } from "node:fs";
import { ClientPool } from "./client-pool.js";
import type { ServerProcess } from "./server-process.js";
import { MIX, newMinute, type SoakKeys, Traffic } from "./traffic.js";

/** Clock ticks per second of /proc/<pid>/stat's utime and stime (USER_HZ, 100 on Linux). */
const TICKS = 100;

/** CPU seconds a process has used (all its threads). */
function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) / TICKS;
}

/** CPU seconds of every postgres process now alive, by pid. */
function postgresSeconds(): Map<number, number> {
  const byPid = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, "utf8").trim() === "postgres") byPid.set(Number(entry), cpuSeconds(Number(entry)));
    } catch {
      // gone meanwhile
    }
  }
  return byPid;
}

/** PostgreSQL CPU used since `before` by processes alive now (one that exited meanwhile is not counted). */
function postgresSince(before: Map<number, number>): number {
  let total = 0;
  for (const [pid, seconds] of postgresSeconds()) total += seconds - (before.get(pid) ?? 0);
  return total;
}

export async function profileMix(server: ServerProcess, keys: SoakKeys, texts: string[], connections: number, seconds: number): Promise<void> {
  const pid = server.pid;
  if (pid === null) throw new Error("profile: the server is not running");
  const pool = new ClientPool(server.url, connections, { headersTimeout: 60_000, bodyTimeout: 60_000 });
  const traffic = new Traffic(pool, keys, texts, `7${String(Math.floor(Math.random() * 1e7)).padStart(7, "0")}`);
  const run = async (kind: string, ms: number) => {
    const stats = newMinute();
    const end = performance.now() + ms;
    const loop = async () => {
      while (performance.now() < end) await traffic.fire(performance.now(), stats, kind);
    };
    const server0 = cpuSeconds(pid);
    const pg0 = postgresSeconds();
    const t0 = performance.now();
    await Promise.all(Array.from({ length: connections }, loop));
    const wall = (performance.now() - t0) / 1000;
    return { stats, wall, serverUs: ((cpuSeconds(pid) - server0) * 1e6) / stats.sent, pgUs: (postgresSince(pg0) * 1e6) / stats.sent };
  };
  try {
    // Reports first, unmeasured: lookups, transfers and reviews then find reported accounts.
    await run("report", 2_000);
    console.log(`profile: each kind alone for ${seconds} s, closed loop on ${connections} connections; CPU per request from /proc (it rises when cores are shared: compare within one run)`);
    console.log(`  ${"kind".padEnd(12)} ${"share".padStart(6)} ${"req/s".padStart(7)} ${"server µs".padStart(10)} ${"postgres µs".padStart(12)}  answers`);
    let weighted = 0;
    let weightedPg = 0;
    const total = MIX.reduce((n, [, w]) => n + w, 0);
    for (const [kind, weight] of MIX) {
      const { stats, wall, serverUs, pgUs } = await run(kind, seconds * 1000);
      weighted += (weight / total) * serverUs;
      weightedPg += (weight / total) * pgUs;
      const answers = `${stats.ok} ok, ${stats.expected4xx} expected 4xx, ${stats.unexpected} unexpected, ${stats.server5xx} 5xx, ${stats.upErrors} connection errors`;
      console.log(`  ${kind.padEnd(12)} ${`${((100 * weight) / total).toFixed(0)} %`.padStart(6)} ${(stats.sent / wall).toFixed(0).padStart(7)} ${serverUs.toFixed(0).padStart(10)} ${pgUs.toFixed(0).padStart(12)}  ${answers}`);
    }
    console.log(
      `  the mix: ${weighted.toFixed(0)} µs of server CPU and ${weightedPg.toFixed(0)} µs of PostgreSQL CPU per request; ` +
        `one server process on a whole core sustains at most ~${Math.floor(1e6 / weighted)} req/s of it`,
    );
  } finally {
    await pool.close();
  }
}
