/**
 * Parsers for the public lists `scamguard import` loads as weak, labelled signals. One line in, one
 * record (or a reason it was skipped) out; normalisation and storage happen in commands/import-signals.ts.
 */
import type { IdentifierKind } from "@scamguard/contracts";

/** One listing of an identifier by a public source. Dates are YYYY-MM-DD or null. */
export interface ImportRecord {
  value: string;
  reports: number;
  firstSeen: string | null;
  lastSeen: string | null;
}

export type ParsedLine = { ok: true; record: ImportRecord } | { ok: false; error: string } | null;

/** A list format: which source label it stores under, which identifier kind, and its line parser. */
export interface ImportFormat {
  source: string;
  kind: IdentifierKind;
  parse: (line: string) => ParsedLine;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A line of ftc-dnc-reported-numbers/numbers.jsonl; blank lines are skipped (null).
 * @example parseFtcNumberLine('{"number": "+18333041447", "reports": 152, "first_date": "2021-04-14", "last_date": "2021-04-21", "days": 8}')
 *   // { ok: true, record: { value: "+18333041447", reports: 152, firstSeen: "2021-04-14", lastSeen: "2021-04-21" } }
 */
export function parseFtcNumberLine(line: string): ParsedLine {
  const trimmed = line.trim();
  if (trimmed === "") return null;
  let row: unknown;
  try {
    row = JSON.parse(trimmed);
  } catch {
    return { ok: false, error: "not JSON" };
  }
  if (typeof row !== "object" || row === null) return { ok: false, error: "not an object" };
  const { number, reports, first_date: first, last_date: last } = row as Record<string, unknown>;
  if (typeof number !== "string" || number === "") return { ok: false, error: "number: expected a string" };
  const count = typeof reports === "number" && Number.isInteger(reports) && reports > 0 ? reports : 1;
  return {
    ok: true,
    record: {
      value: number,
      reports: count,
      firstSeen: typeof first === "string" && DATE.test(first) ? first : null,
      lastSeen: typeof last === "string" && DATE.test(last) ? last : null,
    },
  };
}

/**
 * A line of a domain block list: a bare domain or a hosts-file entry (`0.0.0.0 example.com`);
 * blank lines and `#` comments are skipped (null).
 * @example parseDomainLine("0.0.0.0 1stireland.com # fake shop") // { ok: true, record: { value: "1stireland.com", reports: 1, ... } }
 */
export function parseDomainLine(line: string): ParsedLine {
  const body = line.replace(/#.*$/, "").trim();
  if (body === "") return null;
  const tokens = body.split(/\s+/);
  const host = tokens[tokens.length - 1] ?? "";
  if (!/^[a-z0-9.-]+$/i.test(host) && !/^[^\s/]+$/.test(host)) return { ok: false, error: "not a domain" };
  return { ok: true, record: { value: host, reports: 1, firstSeen: null, lastSeen: null } };
}

/** The formats `scamguard import <format> FILE` understands. */
export const IMPORT_FORMATS = {
  "ftc-numbers": { source: "ftc-dnc", kind: "phone", parse: parseFtcNumberLine },
  domains: { source: "durablenapkin", kind: "domain", parse: parseDomainLine },
} as const satisfies Record<string, ImportFormat>;
export type ImportFormatName = keyof typeof IMPORT_FORMATS;
