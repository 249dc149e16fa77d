/**
 * Rows that cross to the database as ONE JSON parameter (`json_populate_record(set)` onto the table's
 * own row type): their column list comes from the drizzle table, not from hand-written copies in the
 * record, the INSERT and the SELECT that had to agree by hand.
 */
import { getTableColumns, type Table } from "drizzle-orm";

export interface WrittenColumns {
  /** drizzle keys (camelCase) and SQL names, in table order. */
  readonly keys: readonly string[];
  readonly names: readonly string[];
  /** The SQL names as an INSERT / SELECT list: `"a", "b"`. */
  readonly list: string;
}

/**
 * The columns a new row writes: every column without a database default. Serial keys, constant
 * defaults and `now()` stay the database's (a populated record has them null, which would override the
 * default). `except`: columns the statement fills itself (a key from the row it inserted first).
 */
export function writtenColumns(table: Table, except: readonly string[] = []): WrittenColumns {
  const written = Object.entries(getTableColumns(table)).filter(([key, column]) => !column.hasDefault && !except.includes(key));
  const names = written.map(([, column]) => column.name);
  return { keys: written.map(([key]) => key), names, list: names.map((n) => `"${n}"`).join(", ") };
}

/** A row as json_populate_record reads it: keyed by SQL name, absent values null, dates as ISO text. */
export function jsonRow(columns: WrittenColumns, row: object): Record<string, unknown> {
  const values = row as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  columns.keys.forEach((key, i) => {
    const value = values[key] ?? null;
    out[columns.names[i] as string] = value instanceof Date ? value.toISOString() : value;
  });
  return out;
}
