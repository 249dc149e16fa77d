/**
 * Call-detail records: `scamguard gen-cdr` (a labelled synthetic day), `scamguard ingest-cdr FILE|-`
 * (flags as JSON Lines on stdout, progress and summary on stderr, flags into the reputation store when
 * DATA_DIR or DATABASE_URL is set) and `scamguard stream` (JetStream + Redis workers).
 */
import type { Command } from "commander";

const intOption = (name: string, value: string, lo: number, hi: number): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < lo || n > hi) throw new Error(`${name}: expected an integer from ${lo} to ${hi}, got "${value}"`);
  return n;
};

async function genCdr(opts: { seed: string; cdrs: string; out?: string; truth?: string; format: string; time: string; date: string; utcOffset: string }): Promise<void> {
  const { generateDay, writeDay } = await import("@scamguard/stream");
  const { createWriteStream, writeFileSync } = await import("node:fs");
  const { finished } = await import("node:stream/promises");
  if (opts.format !== "csv" && opts.format !== "jsonl") throw new Error(`--format: expected csv or jsonl, got "${opts.format}"`);
  if (opts.time !== "iso" && opts.time !== "epoch") throw new Error(`--time: expected iso or epoch, got "${opts.time}"`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(opts.date)) throw new Error(`--date: expected YYYY-MM-DD, got "${opts.date}"`);
  const day = generateDay({
    seed: intOption("--seed", opts.seed, 0, 2 ** 31),
    cdrs: intOption("--cdrs", opts.cdrs, 100, 50_000_000),
    date: opts.date,
    utcOffsetMinutes: intOption("--utc-offset", opts.utcOffset, -720, 840),
  });
  const out = opts.out && opts.out !== "-" ? createWriteStream(opts.out) : process.stdout;
  await writeDay(day, out, opts.format, opts.time);
  if (out !== process.stdout) {
    out.end();
    await finished(out);
  }
  const truthFile = opts.truth ?? (opts.out && opts.out !== "-" ? `${opts.out}.truth.json` : undefined);
  if (truthFile) writeFileSync(truthFile, `${JSON.stringify(day.truth, null, 1)}\n`);
  const populations = Object.entries(day.truth.populations).map(([p, n]) => `${n} ${p}`).join(", ");
  process.stderr.write(
    `gen-cdr: ${day.count} CDRs for ${day.truth.date} (seed ${day.truth.seed}); labelled callers: ${populations}; ` +
      `${day.truth.malformedRows} malformed rows, ${day.truth.nonPhoneRows} non-phone callers${truthFile ? `; truth in ${truthFile}` : ""}\n`,
  );
}

interface IngestOpts {
  utcOffset: string;
  tolerance: string;
  progress: boolean;
  store: boolean;
  truth?: string;
}

async function ingestCdr(file: string, opts: IngestOpts): Promise<void> {
  const { ingestCdrStream, scoreFlags } = await import("@scamguard/stream");
  const { createReadStream, existsSync, statSync, readFileSync } = await import("node:fs");
  const { SingleBar, Presets } = await import("cli-progress");
  const { BufferedWriter } = await import("../io/buffered-writer.js");
  const fromStdin = file === "-";
  if (!fromStdin && !existsSync(file)) throw new Error(`${file}: no such file`);
  const total = fromStdin ? 0 : statSync(file).size;
  const store = opts.store ? await openFlagStore() : null;
  const out = new BufferedWriter(process.stdout);
  const bar =
    opts.progress && process.stderr.isTTY !== false && total > 1 << 20
      ? new SingleBar({ stream: process.stderr, format: "ingest-cdr [{bar}] {percentage}% | {records} CDRs | {rate} CDRs/s", hideCursor: true }, Presets.shades_classic)
      : null;
  bar?.start(100, 0, { records: 0, rate: 0 });
  const started = performance.now();
  const all: import("@scamguard/contracts").CallFlag[] = [];
  let stored = 0;
  try {
    const summary = await ingestCdrStream(fromStdin ? process.stdin : createReadStream(file, { highWaterMark: 1 << 20 }), {
      utcOffsetMinutes: intOption("--utc-offset", opts.utcOffset, -720, 840),
      toleranceMs: intOption("--tolerance", opts.tolerance, 0, 24 * 60) * 60_000,
      onFlags: async (flags) => {
        for (const f of flags) await out.write(`${JSON.stringify(f)}\n`);
        if (opts.truth) all.push(...flags);
        if (store) stored += await store.record(flags);
      },
      onProgress: (bytes, records) => {
        const seconds = (performance.now() - started) / 1000;
        bar?.update(Math.floor((bytes / total) * 100), { records, rate: Math.round(records / Math.max(seconds, 1e-3)) });
      },
    });
    await out.flush();
    bar?.stop();
    const w = (s: string) => process.stderr.write(`${s}\n`);
    w(
      `ingest-cdr: ${summary.records} CDRs read (${summary.lines} lines), ${summary.accepted} accepted; ${summary.malformed} malformed, ` +
        `${summary.nonPhoneCallers} non-phone callers rejected, ${summary.late} late beyond the tolerance`,
    );
    for (const p of summary.problems) w(`  ${p}`);
    for (const win of summary.windows) w(`  window ${win.start} → ${win.end}: ${win.calls} calls, ${win.callers} callers, ${win.flagged} flagged`);
    w(
      `  flagged: ${summary.flags.scam_like} scam_like, ${summary.flags.harassing} harassing | ${Math.round(summary.records / summary.seconds)} CDRs/s wall, ` +
        `${Math.round(summary.records / Math.max(summary.cpuSeconds, 1e-6))} CDRs per CPU-second | ${summary.bytesPerCaller} bytes per tracked caller`,
    );
    if (store) w(`  stored ${stored} new flag events in ${store.where}`);
    if (opts.truth) {
      const truth = JSON.parse(readFileSync(opts.truth, "utf8"));
      const score = scoreFlags(all, truth);
      w(
        `  against ${opts.truth}: precision ${score.precision.toFixed(3)}, recall ${score.recall.toFixed(3)} ` +
          `(${score.truePositives} of ${score.scamCallers} scam callers, ${score.falseAlarms} false alarms, ${score.legitHarassing} legit callers flagged harassing)`,
      );
      for (const [p, s] of Object.entries(score.byPopulation)) w(`    ${p}: ${s.callers} callers, ${s.scam_like} scam_like, ${s.harassing} harassing`);
    }
  } finally {
    bar?.stop();
    await store?.close();
  }
}

/** The reputation store, when the environment names one (DATA_DIR or DATABASE_URL); null otherwise. */
async function openFlagStore(): Promise<{ record(flags: import("@scamguard/contracts").CallFlag[]): Promise<number>; close(): Promise<void>; where: string } | null> {
  if (!process.env.DATA_DIR && !process.env.DATABASE_URL) return null;
  const { loadConfig } = await import("@scamguard/server/config");
  const { openDatabase } = await import("@scamguard/server/db/client");
  const { migrateDatabase } = await import("@scamguard/server/db/migrate");
  const { recordCallFlags } = await import("@scamguard/server/commands/record-call-flags");
  const config = loadConfig(process.env);
  const database = await openDatabase(config, { lockRole: "cli", lockWaitMs: 5_000 });
  await migrateDatabase(database);
  return {
    where: database.engine === "postgres" ? "PostgreSQL" : `DATA_DIR ${config.dataDir}`,
    record: (flags) => recordCallFlags(database.db, flags),
    close: () => database.close(),
  };
}

interface StreamOpts {
  nats?: string;
  redis?: string;
  workers: string;
  drain: boolean;
  prefix: string;
  stream: string;
  subjects: string;
  durable: string;
  utcOffset: string;
  tolerance: string;
  store: boolean;
}

/** NATS and Redis from the options, else NATS_URL / REDIS_URL (read through the server's config), else localhost. */
async function endpoints(opts: { nats?: string; redis?: string }): Promise<{ nats: string; redis: string }> {
  const { loadConfig } = await import("@scamguard/server/config");
  const config = loadConfig({ ...process.env, NATS_URL: opts.nats ?? process.env.NATS_URL ?? "", REDIS_URL: opts.redis ?? process.env.REDIS_URL ?? "" });
  return { nats: config.natsUrl ?? "nats://127.0.0.1:4222", redis: config.redisUrl ?? "redis://127.0.0.1:6379" };
}

async function streamWorkers(opts: StreamOpts): Promise<void> {
  const workers = intOption("--workers", opts.workers, 1, 64);
  const { nats, redis } = await endpoints(opts);
  if (workers > 1) {
    // Each worker is its own process (one core each); they share the durable consumer and Redis.
    const { spawn } = await import("node:child_process");
    const args = process.argv.slice(2).filter((a, i, all) => a !== "--workers" && all[i - 1] !== "--workers" && !a.startsWith("--workers="));
    const codes = await Promise.all(
      Array.from({ length: workers }, () => new Promise<number>((resolve) => spawn(process.execPath, [process.argv[1] as string, ...args, "--workers", "1"], { stdio: "inherit" }).on("close", (code) => resolve(code ?? 1)))),
    );
    if (codes.some((c) => c !== 0)) throw new Error(`${codes.filter((c) => c !== 0).length} of ${workers} workers failed`);
    return;
  }
  const { runWorker } = await import("@scamguard/stream/scale/worker");
  const store = opts.store ? await openFlagStore() : null;
  const { BufferedWriter } = await import("../io/buffered-writer.js");
  const out = new BufferedWriter(process.stdout);
  let stored = 0;
  try {
    const summary = await runWorker({
      natsUrl: nats,
      redisUrl: redis,
      names: { stream: opts.stream, subjects: opts.subjects, durable: opts.durable },
      prefix: opts.prefix,
      utcOffsetMinutes: intOption("--utc-offset", opts.utcOffset, -720, 840),
      toleranceMs: intOption("--tolerance", opts.tolerance, 0, 24 * 60) * 60_000,
      drain: opts.drain,
      onFlags: async (flags, day) => {
        for (const f of flags) await out.write(`${JSON.stringify(f)}\n`);
        await out.flush();
        if (store) stored += await store.record(flags);
        process.stderr.write(`stream: window ${day.start} → ${day.end}: ${day.calls} calls, ${day.callers} callers, ${flags.length} flagged\n`);
      },
    });
    await out.flush();
    process.stderr.write(
      `stream worker ${process.pid}: ${summary.messages} messages (${summary.redelivered} redelivered), ${summary.accepted} CDRs accepted, ` +
        `${summary.malformed} malformed, ${summary.nonPhoneCallers} non-phone callers, ${summary.daysEvaluated} windows evaluated${store ? `, ${stored} new flag events stored` : ""}\n`,
    );
  } finally {
    await store?.close();
  }
}

async function publish(file: string, opts: { nats?: string; subject: string; rows: string; stream: string; subjects: string; durable: string }): Promise<void> {
  const { connectNats, ensureStream, publishCdr } = await import("@scamguard/stream/scale/jetstream");
  const { existsSync } = await import("node:fs");
  if (file !== "-" && !existsSync(file)) throw new Error(`${file}: no such file`);
  const { nats } = await endpoints(opts);
  const nc = await connectNats(nats);
  try {
    await ensureStream(nc, { stream: opts.stream, subjects: opts.subjects, durable: opts.durable });
    const started = performance.now();
    const sent = await publishCdr(nc, file === "-" ? process.stdin : file, opts.subject, intOption("--rows", opts.rows, 1, 2000));
    const seconds = (performance.now() - started) / 1000;
    process.stderr.write(`publish-cdr: ${sent.rows} rows in ${sent.messages} messages to ${opts.subject} (${Math.round(sent.rows / seconds)} rows/s)\n`);
  } finally {
    await nc.drain();
  }
}

export function register(program: Command): void {
  program
    .command("stream")
    .description("consume CDR batches from NATS JetStream with a durable consumer; counters and sketches shared in Redis; flags as JSON Lines")
    .option("--nats <url>", "NATS server (default NATS_URL, else nats://127.0.0.1:4222)")
    .option("--redis <url>", "Redis (default REDIS_URL, else redis://127.0.0.1:6379)")
    .option("--workers <n>", "worker processes sharing the consumer", "1")
    .option("--drain", "evaluate what is left and exit once the stream is empty", false)
    .option("--prefix <p>", "Redis key prefix", "sg:cdr:")
    .option("--stream <name>", "JetStream stream", "CDR")
    .option("--subjects <filter>", "the stream's subjects", "cdr.>")
    .option("--durable <name>", "durable consumer shared by the workers", "scamguard-cdr")
    .option("--utc-offset <minutes>", "local time east of UTC: days and night hours", "480")
    .option("--tolerance <minutes>", "how far out of order a row may arrive and still count", "10")
    .option("--no-store", "do not write flags to the reputation store even when DATA_DIR / DATABASE_URL is set")
    .action(streamWorkers);
  program
    .command("publish-cdr")
    .description("publish a CDR file (CSV or JSON Lines) to JetStream in batch messages, for `scamguard stream`")
    .argument("<file>", "the CDR file, or - for stdin")
    .option("--nats <url>", "NATS server (default NATS_URL, else nats://127.0.0.1:4222)")
    .option("--subject <s>", "subject to publish to (under the stream's subjects)", "cdr.file")
    .option("--rows <n>", "CDR rows per message (at most 2000)", "1000")
    .option("--stream <name>", "JetStream stream (created when missing)", "CDR")
    .option("--subjects <filter>", "the stream's subjects", "cdr.>")
    .option("--durable <name>", "durable consumer (created when missing)", "scamguard-cdr")
    .action(publish);

  program
    .command("gen-cdr")
    .description("generate a labelled day of call-detail records (subscribers, couriers, clinics, telemarketers, scammers, SIM farms) and its truth file")
    .option("--seed <n>", "random seed", "1")
    .option("--cdrs <n>", "how many CDRs", "200000")
    .option("-o, --out <file>", "write here instead of stdout (truth goes to FILE.truth.json)")
    .option("--truth <file>", "where to write the truth file")
    .option("--format <csv|jsonl>", "CSV with a header, or JSON Lines", "csv")
    .option("--time <iso|epoch>", "ISO 8601 UTC or epoch milliseconds", "iso")
    .option("--date <YYYY-MM-DD>", "the local day", "2026-12-01")
    .option("--utc-offset <minutes>", "local time east of UTC", "480")
    .action(genCdr);
  program
    .command("ingest-cdr")
    .description("flag harassing and scam-like callers in call-detail records (CSV start_time,caller,callee,duration_s or JSON Lines); flags as JSON Lines on stdout")
    .argument("<file>", "the CDR file, or - for stdin")
    .option("--utc-offset <minutes>", "local time east of UTC: days and night hours", "480")
    .option("--tolerance <minutes>", "how far out of order a row may arrive and still count", "10")
    .option("--no-progress", "no progress bar on stderr")
    .option("--no-store", "do not write flags to the reputation store even when DATA_DIR / DATABASE_URL is set")
    .option("--truth <file>", "a gen-cdr truth file: print precision and recall")
    .action(ingestCdr);
}
