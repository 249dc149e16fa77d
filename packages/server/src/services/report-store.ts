/**
 * Storage of reports: append-only inserts and reads. Bound to a handle or a transaction by its factory;
 * no business rules here (dedup policy, ownership and presentation live in commands/).
 */
import { and, desc, eq, gt, inArray, lt, sql } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { type ReportEventRow, type ReportIdentifierRow, reportEvents, reportIdentifiers } from "../db/schema/reports.js";

export type NewReportEvent = Omit<typeof reportEvents.$inferInsert, "seq" | "createdAt" | "type">;
export type NewReportIdentifier = Omit<typeof reportIdentifiers.$inferInsert, "reportSeq">;

export interface StoredReport {
  event: ReportEventRow;
  identifiers: ReportIdentifierRow[];
}

export interface ReportStore {
  /** Serialises concurrent filings of the same content by the same key until the transaction ends. */
  lockDedup(reporterKeyId: string, dedupHash: string): Promise<void>;
  /** The id of the same report filed by the same key after `since`, if any. */
  findDuplicate(reporterKeyId: string, dedupHash: string, since: Date): Promise<string | null>;
  insert(event: NewReportEvent, identifiers: NewReportIdentifier[]): Promise<ReportEventRow>;
  findById(id: string): Promise<StoredReport | null>;
  /** Newest first, strictly below `beforeSeq`; `reporterKeyId` null means everyone's. */
  list(reporterKeyId: string | null, beforeSeq: number | null, limit: number): Promise<StoredReport[]>;
}

export function createReportStore(db: Db): ReportStore {
  const withIdentifiers = async (events: ReportEventRow[]): Promise<StoredReport[]> => {
    if (events.length === 0) return [];
    const rows = await db
      .select()
      .from(reportIdentifiers)
      .where(inArray(reportIdentifiers.reportSeq, events.map((e) => e.seq)))
      .orderBy(reportIdentifiers.reportSeq, reportIdentifiers.position);
    const bySeq = new Map<number, ReportIdentifierRow[]>();
    for (const row of rows) {
      const list = bySeq.get(row.reportSeq) ?? [];
      list.push(row);
      bySeq.set(row.reportSeq, list);
    }
    return events.map((event) => ({ event, identifiers: bySeq.get(event.seq) ?? [] }));
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
      const [row] = await db.insert(reportEvents).values(event).returning();
      if (!row) throw new Error("insert into report_events returned nothing");
      await db.insert(reportIdentifiers).values(identifiers.map((identifier) => ({ ...identifier, reportSeq: row.seq })));
      return row;
    },

    async findById(id) {
      const [event] = await db.select().from(reportEvents).where(and(eq(reportEvents.id, id), eq(reportEvents.type, "created"))).limit(1);
      if (!event) return null;
      const [stored] = await withIdentifiers([event]);
      return stored ?? null;
    },

    async list(reporterKeyId, beforeSeq, limit) {
      const events = await db
        .select()
        .from(reportEvents)
        .where(
          and(
            eq(reportEvents.type, "created"),
            reporterKeyId === null ? undefined : eq(reportEvents.reporterKeyId, reporterKeyId),
            beforeSeq === null ? undefined : lt(reportEvents.seq, beforeSeq),
          ),
        )
        .orderBy(desc(reportEvents.seq))
        .limit(limit);
      return withIdentifiers(events);
    },
  };
}
