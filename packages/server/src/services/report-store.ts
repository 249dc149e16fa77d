/**
 * Storage of reports: append-only inserts and reads. Bound to a handle or a transaction by its factory;
 * no business rules here (dedup policy, ownership and presentation live in commands/).
 */
import type { ReportStatus } from "@scamguard/contracts";
import { and, desc, eq, gt, gte, inArray, lt, type SQL, sql } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { jsonRow, writtenColumns } from "../db/json-rows.js";
import { caseReports } from "../db/schema/cases.js";
import { type ReportEventRow, type ReportIdentifierRow, reportEvents, reportIdentifiers } from "../db/schema/reports.js";
import { identifierReviews } from "../db/schema/review.js";

export type NewReportEvent = Omit<typeof reportEvents.$inferInsert, "seq" | "createdAt" | "type">;
export type NewReportIdentifier = Omit<typeof reportIdentifiers.$inferInsert, "reportSeq">;

/** Written by insert() as JSON, from the tables' own column lists (db/json-rows.ts). */
const EVENT_COLUMNS = writtenColumns(reportEvents);
const IDENTIFIER_COLUMNS = writtenColumns(reportIdentifiers, ["reportSeq"]);

export interface StoredReport {
  event: ReportEventRow;
  identifiers: ReportIdentifierRow[];
  /** Derived when read: in a case, an identifier confirmed, or new. */
  status: ReportStatus;
}

/** Filters of the report queue (all optional, combined with AND). */
export interface ReportFilters {
  reporterKeyId?: string | null;
  status?: ReportStatus;
  mode?: string;
  channel?: string;
  kind?: string;
  from?: Date;
  to?: Date;
}

/** In a case: linked through case_reports. */
const inCase = (event: typeof reportEvents) => sql`exists (select 1 from ${caseReports} where ${caseReports.reportId} = ${event.id})`;
/** Names at least one identifier the centre confirmed. */
const confirmedIdentifier = (event: typeof reportEvents) =>
  sql`exists (select 1 from ${reportIdentifiers} join ${identifierReviews}
    on ${identifierReviews.kind} = ${reportIdentifiers.kind} and ${identifierReviews.normalized} = ${reportIdentifiers.normalized}
    where ${reportIdentifiers.reportSeq} = ${event.seq} and ${identifierReviews.status} = 'confirmed')`;

function statusCondition(status: ReportStatus): SQL {
  if (status === "in_case") return inCase(reportEvents);
  if (status === "confirmed") return sql`not ${inCase(reportEvents)} and ${confirmedIdentifier(reportEvents)}`;
  return sql`not ${inCase(reportEvents)} and not ${confirmedIdentifier(reportEvents)}`;
}

export interface ReportStore {
  /** Serialises concurrent filings of the same content by the same key until the transaction ends. */
  lockDedup(reporterKeyId: string, dedupHash: string): Promise<void>;
  /** The id of the same report filed by the same key after `since`, if any. */
  findDuplicate(reporterKeyId: string, dedupHash: string, since: Date): Promise<string | null>;
  insert(event: NewReportEvent, identifiers: NewReportIdentifier[]): Promise<ReportEventRow>;
  findById(id: string): Promise<StoredReport | null>;
  /** Newest first, strictly below `beforeSeq`, matching `filters` (`reporterKeyId` null/absent: everyone's). */
  list(filters: ReportFilters, beforeSeq: number | null, limit: number): Promise<StoredReport[]>;
  /** Reports by public id, in no particular order (missing ids are left out). */
  findByIds(ids: readonly string[]): Promise<StoredReport[]>;
  /** Other reports naming an identifier: how many, and the newest `limit` of them (with status). */
  othersNaming(kind: string, normalized: string, exceptSeq: number, limit: number): Promise<{ count: number; reports: StoredReport[] }>;
}

export function createReportStore(db: Db): ReportStore {
  const withIdentifiers = async (events: ReportEventRow[]): Promise<StoredReport[]> => {
    if (events.length === 0) return [];
    const seqs = events.map((e) => e.seq);
    const statusRows = await db
      .select({
        seq: reportEvents.seq,
        inCase: sql<boolean>`${inCase(reportEvents)}`,
        confirmed: sql<boolean>`${confirmedIdentifier(reportEvents)}`,
      })
      .from(reportEvents)
      .where(inArray(reportEvents.seq, seqs));
    const statusBySeq = new Map<number, ReportStatus>(
      statusRows.map((r) => [Number(r.seq), r.inCase ? "in_case" : r.confirmed ? "confirmed" : "new"] as [number, ReportStatus]),
    );
    const rows = await db
      .select()
      .from(reportIdentifiers)
      .where(
        inArray(
          reportIdentifiers.reportSeq,
          events.map((e) => e.seq),
        ),
      )
      .orderBy(reportIdentifiers.reportSeq, reportIdentifiers.position);
    const bySeq = new Map<number, ReportIdentifierRow[]>();
    for (const row of rows) {
      const list = bySeq.get(row.reportSeq) ?? [];
      list.push(row);
      bySeq.set(row.reportSeq, list);
    }
    return events.map((event) => ({ event, identifiers: bySeq.get(event.seq) ?? [], status: statusBySeq.get(event.seq) ?? "new" }));
  };

  return {
    async lockDedup(reporterKeyId, dedupHash) {
      await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`scamguard:report:${reporterKeyId}:${dedupHash}`}))`);
    },

    async findDuplicate(reporterKeyId, dedupHash, since) {
      const [row] = await db
        .select({ id: reportEvents.id })
        .from(reportEvents)
        .where(and(eq(reportEvents.reporterKeyId, reporterKeyId), eq(reportEvents.dedupHash, dedupHash), gt(reportEvents.createdAt, since)))
        .orderBy(desc(reportEvents.createdAt))
        .limit(1);
      return row?.id ?? null;
    },

    async insert(event, identifiers) {
      // ONE statement for the event and its identifiers (a report is filed inside a transaction whose every
      // round trip holds a pooled connection and costs a turn of a busy event loop): the rows cross as JSON
      // with the column names, populated onto the tables' own row types.
      const record = jsonRow(EVENT_COLUMNS, event);
      const ids = identifiers.map((i) => jsonRow(IDENTIFIER_COLUMNS, i));
      const result = await db.execute(sql`
        with e as (
          insert into ${reportEvents} (${sql.raw(EVENT_COLUMNS.list)})
          select ${sql.raw(EVENT_COLUMNS.list)}
          from json_populate_record(null::report_events, ${JSON.stringify(record)}::json)
          returning seq, created_at
        ), i as (
          insert into ${reportIdentifiers} (report_seq, ${sql.raw(IDENTIFIER_COLUMNS.list)})
          select e.seq, ${sql.raw(IDENTIFIER_COLUMNS.names.map((n) => `x."${n}"`).join(", "))} from e, json_populate_recordset(null::report_identifiers, ${JSON.stringify(ids)}::json) x
        )
        select seq::text as seq, (extract(epoch from created_at) * 1000)::float8 as at_ms from e`);
      const [row] = (result as unknown as { rows: { seq: string; at_ms: number | string }[] }).rows;
      if (!row) throw new Error("insert into report_events returned nothing");
      const written = Object.fromEntries(EVENT_COLUMNS.keys.map((key) => [key, (event as Record<string, unknown>)[key] ?? null]));
      const stored = { ...written, seq: Number(row.seq), type: "created", createdAt: new Date(Number(row.at_ms)) } as ReportEventRow;
      return stored;
    },

    async findById(id) {
      const [event] = await db
        .select()
        .from(reportEvents)
        .where(and(eq(reportEvents.id, id), eq(reportEvents.type, "created")))
        .limit(1);
      if (!event) return null;
      const [stored] = await withIdentifiers([event]);
      return stored ?? null;
    },

    async list(filters, beforeSeq, limit) {
      const events = await db
        .select()
        .from(reportEvents)
        .where(
          and(
            eq(reportEvents.type, "created"),
            filters.reporterKeyId == null ? undefined : eq(reportEvents.reporterKeyId, filters.reporterKeyId),
            beforeSeq === null ? undefined : lt(reportEvents.seq, beforeSeq),
            filters.mode === undefined ? undefined : eq(reportEvents.mode, filters.mode),
            filters.channel === undefined ? undefined : eq(reportEvents.channel, filters.channel),
            filters.from === undefined ? undefined : gte(reportEvents.createdAt, filters.from),
            filters.to === undefined ? undefined : lt(reportEvents.createdAt, filters.to),
            filters.kind === undefined
              ? undefined
              : sql`exists (select 1 from ${reportIdentifiers} where ${reportIdentifiers.reportSeq} = ${reportEvents.seq} and ${reportIdentifiers.kind} = ${filters.kind})`,
            filters.status === undefined ? undefined : statusCondition(filters.status),
          ),
        )
        .orderBy(desc(reportEvents.seq))
        .limit(limit);
      return withIdentifiers(events);
    },

    async othersNaming(kind, normalized, exceptSeq, limit) {
      const naming = sql`exists (select 1 from ${reportIdentifiers} where ${reportIdentifiers.reportSeq} = ${reportEvents.seq}
        and ${reportIdentifiers.kind} = ${kind} and ${reportIdentifiers.normalized} = ${normalized})`;
      const where = and(eq(reportEvents.type, "created"), sql`${reportEvents.seq} <> ${exceptSeq}`, naming);
      const [counted] = await db.select({ n: sql<number>`count(*)::int` }).from(reportEvents).where(where);
      const events = await db.select().from(reportEvents).where(where).orderBy(desc(reportEvents.seq)).limit(limit);
      return { count: Number(counted?.n ?? 0), reports: await withIdentifiers(events) };
    },

    async findByIds(ids) {
      if (ids.length === 0) return [];
      const events = await db
        .select()
        .from(reportEvents)
        .where(and(eq(reportEvents.type, "created"), inArray(reportEvents.id, [...ids])));
      return withIdentifiers(events);
    },
  };
}
