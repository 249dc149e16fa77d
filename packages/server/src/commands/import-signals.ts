/**
 * Load a public list as weak, labelled signals (`scamguard import ftc-numbers|domains FILE`): stream the
 * file line by line, normalise each identifier with the same function reports and lookups use, and
 * insert in batches with ON CONFLICT DO NOTHING on (source, kind, normalized), so a re-import adds
 * nothing and a partial import resumes where it stopped. The NOTIFY trigger wakes running servers
 * (PostgreSQL); a server on PGlite loads them at its next start.
 *
 * Domain lists: a host below its registrable domain (`baltic79.wordpress.com`) is skipped, because
 * lookups key domains by registrable domain and importing it would flag the shared platform
 * (wordpress.com, zendesk.com, page.link) for one tenant's page.
 */
import { createReadStream, statSync } from "node:fs";
import { createInterface } from "node:readline";
import { normalizeIdentifier } from "@scamguard/detect";
import type { Db } from "../db/client.js";
import { importSignals } from "../db/schema/reports.js";
import { IMPORT_FORMATS, type ImportFormatName } from "../services/import-parsers.js";

export interface ImportProgress {
  bytesRead: number;
  totalBytes: number;
  lines: number;
  /** New rows stored. */
  inserted: number;
  /** Already stored by an earlier import (or repeated within the file). */
  duplicates: number;
  /** Lines that are not a valid identifier of the format's kind. */
  invalid: number;
  /** Valid lines deliberately not imported (subdomain hosts of shared platforms). */
  skipped: number;
}

export interface ImportSummary extends ImportProgress {
  source: string;
  /** The first few problems, `line N: reason`. */
  problems: string[];
}

export interface ImportOptions {
  batchSize?: number;
  onProgress?: (progress: ImportProgress) => void;
}

type Row = typeof importSignals.$inferInsert;

export async function importSignalsFile(db: Db, format: ImportFormatName, file: string, options: ImportOptions = {}): Promise<ImportSummary> {
  const { source, kind, parse } = IMPORT_FORMATS[format];
  const batchSize = options.batchSize ?? 1000;
  const summary: ImportSummary = { source, bytesRead: 0, totalBytes: statSync(file).size, lines: 0, inserted: 0, duplicates: 0, invalid: 0, skipped: 0, problems: [] };
  const problem = (message: string) => {
    if (summary.problems.length < 20) summary.problems.push(`line ${summary.lines}: ${message}`);
  };

  let batch: Row[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const rows = batch;
    batch = [];
    const stored = await db.insert(importSignals).values(rows).onConflictDoNothing().returning({ id: importSignals.id });
    summary.inserted += stored.length;
    summary.duplicates += rows.length - stored.length;
    options.onProgress?.({ ...summary });
  };

  const stream = createReadStream(file, { encoding: "utf8" });
  stream.on("data", (chunk) => {
    summary.bytesRead += Buffer.byteLength(chunk as string);
  });
  const seen = new Set<string>();
  for await (const line of createInterface({ input: stream, crlfDelay: Infinity })) {
    summary.lines += 1;
    const parsed = parse(line);
    if (parsed === null) continue;
    if (!parsed.ok) {
      summary.invalid += 1;
      problem(parsed.error);
      continue;
    }
    const { record } = parsed;
    const key = normalizeIdentifier(kind, record.value);
    if (!key.ok) {
      summary.invalid += 1;
      problem(key.error);
      continue;
    }
    if (kind === "domain" && record.value.toLowerCase().replace(/^www\./, "").replace(/\.$/, "") !== key.normalized) {
      summary.skipped += 1;
      continue;
    }
    // Repeats inside one file (`www.` variants) would conflict within one INSERT statement.
    if (seen.has(key.normalized)) {
      summary.duplicates += 1;
      continue;
    }
    seen.add(key.normalized);
    batch.push({ source, kind, value: record.value, normalized: key.normalized, reports: record.reports, firstSeen: record.firstSeen, lastSeen: record.lastSeen });
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  summary.bytesRead = summary.totalBytes;
  options.onProgress?.({ ...summary });
  return summary;
}
