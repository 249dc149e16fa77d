/**
 * Keyset pagination: a page is "the next `limit` rows after the last one seen" in a fixed, unique
 * order (a sort column plus the primary key as tie-breaker). Unlike OFFSET it costs the same on page
 * 1,000 as on page 1 and never skips or repeats rows while others insert.
 * Timestamps used in a cursor must be stored with millisecond precision (`timestamp(..., { precision: 3 })`):
 * the cursor carries a JS Date, and a microsecond remainder would make rows skip.
 *
 * @example
 *   const after = decodeCursor(query.cursor, ["date", "text"]); // null on the first page
 *   const rows = await db.select().from(t)
 *     .where(keysetAfter([t.createdAt, t.id], after, "desc"))
 *     .orderBy(desc(t.createdAt), desc(t.id)).limit(query.limit + 1);
 *   return toPage(rows, query.limit, (r) => [r.createdAt, r.id]);
 */
import { type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { badRequest } from "../errors.js";

export type CursorValue = string | number | Date;

/** Opaque to clients: base64url JSON of the sort values of the last row (dates tagged to survive JSON). */
export function encodeCursor(values: readonly CursorValue[]): string {
  const json = values.map((v) => (v instanceof Date ? { d: v.toISOString() } : v));
  return Buffer.from(JSON.stringify(json)).toString("base64url");
}

/**
 * What one position of a cursor holds, checked on the way in (a cursor is client input):
 * - `date`: a timestamp column (ms precision), within years 1970–9999;
 * - `text`: a text id (≤ 200 characters, no NUL: PostgreSQL cannot store it);
 * - `int`: a bigint/serial column, a safe integer.
 */
export type CursorPart = "date" | "text" | "int";

const INVALID_CURSOR = "cursor: not a cursor returned by this API";
const MAX_DATE_MS = Date.UTC(9999, 11, 31);

function decodePart(kind: CursorPart, v: unknown): CursorValue {
  switch (kind) {
    case "text":
      if (typeof v === "string" && v.length <= 200 && !v.includes("\u0000")) return v;
      break;
    case "int":
      if (typeof v === "number" && Number.isSafeInteger(v)) return v;
      break;
    case "date":
      if (v && typeof v === "object" && typeof (v as { d?: unknown }).d === "string") {
        const date = new Date((v as { d: string }).d);
        const ms = date.getTime();
        if (!Number.isNaN(ms) && ms >= 0 && ms <= MAX_DATE_MS) return date;
      }
      break;
  }
  throw new Error(kind);
}

/**
 * THE cursor decoder: every list route decodes its `cursor` here with the shape of its sort key, so a
 * crafted cursor (wrong arity, a string where a date belongs, a NUL, a huge number) is a 400, never a
 * database error.
 * @example decodeCursor(query.cursor, ["date", "text"]) // [Date, "k_…"] or null on the first page
 * @throws AppError 400 `invalid_cursor` for a cursor this server did not produce
 */
export function decodeCursor(cursor: string | undefined, shape: readonly CursorPart[]): CursorValue[] | null {
  if (cursor === undefined || cursor === "") return null;
  try {
    if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw new Error("alphabet");
    const parsed: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (!Array.isArray(parsed) || parsed.length !== shape.length) throw new Error("arity");
    return shape.map((kind, i) => decodePart(kind, parsed[i]));
  } catch {
    throw badRequest("invalid_cursor", INVALID_CURSOR);
  }
}

/** `(a, b) < (x, y)` for descending order, `>` for ascending; undefined on the first page. */
export function keysetAfter(columns: readonly AnyPgColumn[], after: CursorValue[] | null, direction: "asc" | "desc"): SQL | undefined {
  if (after === null) return undefined;
  const cols = sql.join(columns.map((c) => sql`${c}`), sql`, `);
  const vals = sql.join(after.map((v) => sql`${v}`), sql`, `);
  return direction === "desc" ? sql`(${cols}) < (${vals})` : sql`(${cols}) > (${vals})`;
}

/** Query `limit + 1` rows; this trims the extra one and turns its presence into `nextCursor`. */
export function toPage<T>(rows: T[], limit: number, cursorOf: (row: T) => CursorValue[]): { items: T[]; nextCursor: string | null } {
  if (rows.length <= limit) return { items: rows, nextCursor: null };
  const items = rows.slice(0, limit);
  const last = items[items.length - 1] as T;
  return { items, nextCursor: encodeCursor(cursorOf(last)) };
}
