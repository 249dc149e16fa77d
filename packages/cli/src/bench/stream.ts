/**
 * `scamguard bench stream`: a generated day of CDRs (SG_BENCH_CDRS, default 2,000,000) through
 * 1. the in-process path from a file, parse to flag — CDRs/s wall and per CPU-second, beside the parser
 *    alone as the baseline; memory per tracked caller; precision/recall against the day's truth;
 * 2. the scaled-out path: published to JetStream in 1,000-row messages, consumed by N worker processes
 *    (SG_BENCH_WORKERS, default 2) sharing the state in Redis — CDRs/s end to end, beside Redis's own
 *    batched PFADD rate measured in the same run, and whether the flags equal the file path's.
 * Needs NATS (NATS_URL or 127.0.0.1:4222) and Redis (REDIS_URL or 127.0.0.1:6379) for part 2.
 */
import { spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { createReadStream, createWriteStream, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { finished } from "node:stream/promises";
import { fileURLToPath } from "node:url";
import type { CallFlag } from "@scamguard/contracts";
import { generateDay, ingestCdrStream, scoreFlags, writeDay } from "@scamguard/stream";
import { CdrLineParser } from "@scamguard/stream/cdr/line-parser";
import { connectNats, deleteStream, ensureStream, publishCdr } from "@scamguard/stream/scale/jetstream";
import { measurePfadd } from "@scamguard/stream/scale/redis-baseline";
import { RedisWindowStore } from "@scamguard/stream/scale/redis-window-store";
import { Redis } from "ioredis";

const CLI = fileURLToPath(new URL("../../bin/scamguard.js", import.meta.url));
const fmt = (n: number) => Math.round(n).toLocaleString("en-US");
const cpuSeconds = (since: NodeJS.CpuUsage) => {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1e6;
};
const digest = (flags: CallFlag[]) => createHash("sha256").update(flags.map((f) => JSON.stringify(f)).sort().join("\n")).digest("hex").slice(0, 16);

export async function run(): Promise<void> {
  const cdrs = Number(process.env.SG_BENCH_CDRS ?? 2_000_000);
  const workers = Number(process.env.SG_BENCH_WORKERS ?? 2);
  const seed = Number(process.env.SG_BENCH_SEED ?? 2);
  const dir = mkdtempSync(join(tmpdir(), "scamguard-bench-stream-"));
  const file = join(dir, "day.csv");
  try {
    let t = performance.now();
    const day = generateDay({ seed, cdrs });
    const out = createWriteStream(file);
    await writeDay(day, out, "csv", "iso");
    out.end();
    await finished(out);
    console.log(`generated ${fmt(day.count)} CDRs (seed ${seed}) in ${((performance.now() - t) / 1000).toFixed(1)} s`);

    // Baseline: the parser alone, same file, same process.
    t = performance.now();
    let cpu = process.cpuUsage();
    let rows = 0;
    const parser = new CdrLineParser(() => {
      rows++;
    });
    for await (const chunk of createReadStream(file, { encoding: "latin1", highWaterMark: 1 << 20 })) parser.push(chunk as string);
    parser.end();
    const parseWall = (performance.now() - t) / 1000;
    const parseCpu = cpuSeconds(cpu);

    const flags: CallFlag[] = [];
    const summary = await ingestCdrStream(createReadStream(file, { highWaterMark: 1 << 20 }), { onFlags: (f) => void flags.push(...f) });
    const score = scoreFlags(flags, day.truth);
    const window = summary.windows[0];
    const perCaller = window ? Math.round((window.bytes - (1 << 23)) / window.callers) : 0;
    console.log("in process, file → flags (one core):");
    console.log(`  parse only (baseline)   ${fmt(rows / parseWall).padStart(11)} CDRs/s wall   ${fmt(rows / parseCpu).padStart(11)} per CPU-second`);
    console.log(
      `  parse → windows → flags ${fmt(summary.records / summary.seconds).padStart(11)} CDRs/s wall   ${fmt(summary.records / summary.cpuSeconds).padStart(11)} per CPU-second   (goal ≥ 1,000,000 per core)`,
    );
    console.log(
      `  memory: ${window?.callers ?? 0} tracked callers, ${perCaller} bytes each (counters, hours, sample, HyperLogLogs) + the window's 8 MiB pair filter; heap ${fmt(process.memoryUsage().heapUsed / 2 ** 20)} MiB`,
    );
    console.log(
      `  flags: ${summary.flags.scam_like} scam_like, ${summary.flags.harassing} harassing; precision ${score.precision.toFixed(3)}, recall ${score.recall.toFixed(3)} ` +
        `(${score.truePositives}/${score.scamCallers} scam callers, ${score.falseAlarms} false alarms, ${score.legitHarassing} legit flagged harassing)`,
    );

    const natsUrl = process.env.NATS_URL || "nats://127.0.0.1:4222";
    const redisUrl = process.env.REDIS_URL || "redis://127.0.0.1:6379";
    const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
    const runId = randomBytes(4).toString("hex");
    const prefix = `sgbench:${runId}:`;
    try {
      // Redis's own batched PFADD rate, measured now, on the same Redis.
      const pfaddRate = await measurePfadd(redis, prefix, Math.min(cdrs, 2_000_000));

      const names = { stream: `SGBENCH_${runId}`, subjects: `sgbench.${runId}.>`, durable: "workers" };
      const nc = await connectNats(natsUrl);
      await ensureStream(nc, names);
      t = performance.now();
      const sent = await publishCdr(nc, file, `sgbench.${runId}.day`, 1000);
      const publishSeconds = (performance.now() - t) / 1000;
      t = performance.now();
      const outputs = await Promise.all(
        Array.from({ length: workers }, () => runWorkerProcess(["stream", "--drain", "--no-store", "--stream", names.stream, "--subjects", names.subjects, "--durable", names.durable, "--prefix", prefix], natsUrl, redisUrl)),
      );
      const consumeSeconds = (performance.now() - t) / 1000;
      const streamFlags = outputs.flatMap((o) => o.split("\n").filter(Boolean).map((l) => JSON.parse(l) as CallFlag));
      console.log(`JetStream + Redis (${workers} worker processes, ${sent.messages} messages of ≤1,000 rows):`);
      console.log(`  publish                 ${fmt(sent.rows / publishSeconds).padStart(11)} CDRs/s (one publisher, acked)`);
      console.log(`  consume → Redis → flags ${fmt(sent.rows / consumeSeconds).padStart(11)} CDRs/s end to end   (goal ≥ 200,000 on this machine)`);
      console.log(`  Redis PFADD baseline    ${fmt(pfaddRate).padStart(11)} elements/s (1,000 per command, pipelined)`);
      console.log(`  same flags as the file path: ${digest(streamFlags) === digest(flags) ? "yes" : "NO"} (${streamFlags.length} vs ${flags.length})`);
      await deleteStream(nc, names.stream);
      await nc.drain();
    } catch (error) {
      console.log(`  scaled-out part skipped: ${error instanceof Error ? error.message : String(error)} (needs NATS and Redis)`);
    } finally {
      await new RedisWindowStore(redis, prefix).clear().catch(() => {});
      redis.disconnect();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function runWorkerProcess(args: string[], natsUrl: string, redisUrl: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, NATS_URL: natsUrl, REDIS_URL: redisUrl, DATA_DIR: "", DATABASE_URL: "" } });
    let stdout = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.resume();
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve(stdout) : reject(new Error(`worker exited with ${code}`))));
  });
}


