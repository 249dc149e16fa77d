/**
 * `scamguard import ftc-numbers FILE` and `scamguard import domains FILE`: load a public list as weak,
 * labelled signals (sources `ftc-dnc` and `durablenapkin`; a complaint is not a verdict: identifiers known
 * only from these lists answer `suspicious` at most). Idempotent: re-importing adds nothing.
 * Works on DATABASE_URL (running servers pick the rows up at once through NOTIFY) or on DATA_DIR's PGlite
 * (not while a server holds it: stop it first; it loads the signals at its next start).
 * Progress goes to stderr; the summary line to stdout.
 */
import type { Command } from "commander";

const FORMATS = ["ftc-numbers", "domains"] as const;
type Format = (typeof FORMATS)[number];

async function runImport(format: Format, file: string, opts: { batch: string }): Promise<void> {
  const batchSize = Number(opts.batch);
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10_000) throw new Error(`--batch: expected 1 to 10000, got "${opts.batch}"`);
  const { existsSync } = await import("node:fs");
  if (!existsSync(file)) throw new Error(`${file}: no such file`);
  const { loadConfig } = await import("@scamguard/server/config");
  const { openDatabase } = await import("@scamguard/server/db/client");
  const { migrateDatabase } = await import("@scamguard/server/db/migrate");
  const { importSignalsFile } = await import("@scamguard/server/commands/import-signals");
  const { SingleBar, Presets } = await import("cli-progress");

  const config = loadConfig(process.env);
  const database = await openDatabase(config, { lockRole: "cli", lockWaitMs: 5_000 });
  const bar = new SingleBar(
    {
      stream: process.stderr,
      format: `${format} [{bar}] {percentage}% | {lines} lines | {inserted} new, {duplicates} duplicates, {skipped} skipped, {invalid} invalid`,
      hideCursor: true,
    },
    Presets.shades_classic,
  );
  try {
    await migrateDatabase(database);
    bar.start(100, 0, { lines: 0, inserted: 0, duplicates: 0, skipped: 0, invalid: 0 });
    const summary = await importSignalsFile(database.db, format, file, {
      batchSize,
      onProgress: (p) => bar.update(p.totalBytes === 0 ? 100 : Math.floor((p.bytesRead / p.totalBytes) * 100), { ...p }),
    });
    bar.stop();
    for (const problem of summary.problems) process.stderr.write(`  ${problem}\n`);
    process.stdout.write(
      `imported ${file} as source "${summary.source}" into ${database.engine === "postgres" ? "PostgreSQL" : `DATA_DIR ${config.dataDir}`}: ` +
        `${summary.inserted} new, ${summary.duplicates} duplicates (stored before or repeated in the file), ${summary.skipped} skipped, ${summary.invalid} invalid, ${summary.lines} lines\n`,
    );
  } finally {
    bar.stop();
    await database.close();
  }
}

export function register(program: Command): void {
  const command = program.command("import").description("load public scam lists as weak, labelled signals (idempotent)");
  for (const format of FORMATS) {
    command
      .command(format)
      .description(
        format === "ftc-numbers"
          ? "US FTC Do-Not-Call complaint numbers (JSON lines: number, reports, first_date, last_date) as source ftc-dnc"
          : "scam website domains, one per line or hosts-file lines, as source durablenapkin",
      )
      .argument("<file>", "the list to load")
      .option("--batch <n>", "rows per INSERT", "1000")
      .action((file: string, opts: { batch: string }) => runImport(format, file, opts));
  }
}
