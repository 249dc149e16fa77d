/** The stored JSON shape of one transfer screening, written by the screening log and by the alert batch alike. */
import { jsonRow, writtenColumns } from "../db/json-rows.js";
import { transferScreenings } from "../db/schema/index.js";

export type ScreeningRow = typeof transferScreenings.$inferInsert;

const COLUMNS = writtenColumns(transferScreenings);

/** Column names as the insert statement below expects them (absent fields null). */
export function screeningRecord(r: ScreeningRow): Record<string, unknown> {
  return jsonRow(COLUMNS, r);
}

/**
 * The INSERT of screening rows given as one jsonb array of screeningRecord()s in `param` ("$1", "$2"):
 * one text for the log and the alert batch, its columns from the table.
 */
export function insertScreeningsFrom(param: string): string {
  return `insert into transfer_screenings (${COLUMNS.list})
    select ${COLUMNS.list} from jsonb_populate_recordset(null::transfer_screenings, ${param}::jsonb)`;
}
