/**
 * Keyset pagination: a page is "the next `limit` rows after the last one seen" in a fixed, unique
 * order (a sort column plus the primary key as tie-breaker). Unlike OFFSET it costs the same on page
 * 1,000 as on page 1 and never skips or repeats rows while others insert.
 * Timestamps used in a cursor must be stored with millisecond precision (`timestamp(..., { precision: 3 })`):
 * the cursor carries a JS Date, and a microsecond remainder would make rows skip.
 *
 * @example
 *   const after = decodeCursor(query.cursor);               // null on the first page
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

/** @throws AppError 400 `invalid_cursor` for a cursor this server did not produce */
export function decodeCursor(cursor: string | undefined, arity = 2): CursorValue[] | null {
  if (cursor === undefined || cursor === "") return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (!Array.isArray(parsed) || parsed.length !== arity) throw new Error("arity");
    return parsed.map((v: unknown) => {
      if (typeof v === "string" || typeof v === "number") return v;
      if (v && typeof v === "object" && typeof (v as { d?: unknown }).d === "string") {
        const date = new Date((v as { d: string }).d);
        if (Number.isNaN(date.getTime())) throw new Error("date");
        return date;
      }
      throw new Error("value");
    });
  } catch {
    throw badRequest("invalid_cursor", "cursor: not a cursor returned by this API");
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
