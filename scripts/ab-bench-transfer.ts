/**
 * A/B of transfer screening over HTTP between two checkouts, in ONE run, rounds interleaved and the order
 * alternating, so load from other jobs hits both alike: `npx tsx scripts/ab-bench-transfer.ts <baseline
 * root> [pglite|postgres://…]`. Each checkout's app runs in its own process (scripts/transfer-server.ts);
 * the load comes from a worker thread here, open loop at AB_RATE (2,000) req/s for AB_SECONDS (6) per pass,
 * AB_ROUNDS (4) passes each, the bench's traffic (5,000 payers, 2,000 payees, 40 reported). Per checkout:
 * medians of p50 / p99 (from each request's scheduled time) and of the server process's CPU per request
 * (/proc, all its threads: the PGlite worker included), which is the steadier figure on a shared machine.
 * AB_CPU_PROF=dir writes a V8 CPU profile of each server into dir.
 */
import { type ChildProcess, fork } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { runAtRate } from "../packages/cli/src/bench/rate-load.js";
import { transferBodies } from "../packages/cli/src/bench/transfer-traffic.js";
import { median, percentile } from "../packages/cli/src/bench/stats.js";

const base = process.argv[2];
const target = process.argv[3] ?? "pglite";
if (!base) throw new Error("usage: tsx scripts/ab-bench-transfer.ts <baseline repo root> [pglite|postgres://…]");
const RATE = Number(process.env.AB_RATE ?? 2000);
const SECONDS = Number(process.env.AB_SECONDS ?? 6);
const ROUNDS = Number(process.env.AB_ROUNDS ?? 4);
const here = path.resolve(import.meta.dirname, "..");

/** CPU seconds of a process (all threads), or of one thread with `/task/<tid>` appended. */
function cpuSeconds(pid: number | string): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

interface Server {
  name: string;
  child: ChildProcess;
  url: string;
  key: string;
}
async function start(name: string, root: string): Promise<Server> {
  const prof = process.env.AB_CPU_PROF;
  const execArgv = ["--import", "tsx", ...(prof ? ["--cpu-prof", `--cpu-prof-dir=${path.join(prof, name.replace(/\W/g, "_"))}`] : [])];
  const child = fork(path.join(here, "scripts/transfer-server.ts"), [root === "bare" ? root : path.resolve(root), target], { execArgv, stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const { port, key } = await new Promise<{ port: number; key: string }>((resolve, reject) => {
    child.once("message", (m) => resolve(m as { port: number; key: string }));
    child.once("exit", (code) => reject(new Error(`${name} server exited (${code})`)));
  });
  return { name, child, url: `http://127.0.0.1:${port}`, key };
}

const bodies = transferBodies();

const servers = [await start("baseline", path.resolve(base)), await start("this tree", here)];
// AB_BARE=1: also a bare Fastify endpoint (same body schema, constant answer): the floor of the route.
if (process.env.AB_BARE === "1") servers.push(await start("bare", "bare"));
if (process.env.AB_REVERSE === "1") servers.reverse();
const figures = new Map(servers.map((s) => [s.name, { p50: [] as number[], p99: [] as number[], cpu: [] as number[], main: [] as number[], errors: 0 }]));
const pass = async (s: Server, ms: number) => {
  const pid = s.child.pid as number;
  const cpu0 = cpuSeconds(pid);
  const main0 = cpuSeconds(`${pid}/task/${pid}`);
  const r = await runAtRate({ url: s.url, method: "POST", path: "/v1/transfers/screen", bodies, headers: { authorization: `Bearer ${s.key}` }, rate: RATE, durationMs: ms });
  // The warm-up second is sent at the rate too: CPU counts every request of the pass.
  const requests = r.sent + Math.round(RATE);
  return { r, cpuUs: ((cpuSeconds(pid) - cpu0) * 1e6) / requests, mainUs: ((cpuSeconds(`${pid}/task/${pid}`) - main0) * 1e6) / requests };
};
try {
  for (const s of servers) await pass(s, 2000);
  for (let round = 0; round < ROUNDS; round++) {
    for (const s of round % 2 === 0 ? servers : [...servers].reverse()) {
      const { r, cpuUs, mainUs } = await pass(s, SECONDS * 1000);
      const f = figures.get(s.name);
      if (!f) continue;
      f.p50.push(percentile(r.latenciesMs, 0.5));
      f.p99.push(percentile(r.latenciesMs, 0.99));
      f.cpu.push(cpuUs);
      f.main.push(mainUs);
      f.errors += r.errors;
    }
  }
  console.log(`transfer screening A/B on ${target === "pglite" ? "PGlite" : "PostgreSQL"}: ${RATE} req/s open loop, ${ROUNDS} × ${SECONDS} s each, interleaved`);
  for (const s of servers) {
    const f = figures.get(s.name);
    if (!f) continue;
    const fmt = (xs: number[]) => xs.map((x) => x.toFixed(2)).join(" ");
    console.log(
      `${s.name.padEnd(10)} p50 ${median(f.p50).toFixed(2)} ms  p99 ${median(f.p99).toFixed(2)} ms [${fmt(f.p99)}]  CPU ${median(f.cpu).toFixed(0)} µs/req [${f.cpu.map((x) => x.toFixed(0)).join(" ")}] (main thread ${median(f.main).toFixed(0)})  errors ${f.errors}`,
    );
  }
} finally {
  for (const s of servers) s.child.kill("SIGTERM");
  await Promise.all(servers.map((s) => new Promise((resolve) => (s.child.exitCode !== null ? resolve(null) : s.child.once("exit", resolve)))));
}
