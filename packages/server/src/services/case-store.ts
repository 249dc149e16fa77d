/**
 * Storage of cases and freeze requests: the append-only case event log and the projections it backs
 * (`cases`, `case_reports`, `freeze_requests`). Writes happen in the caller's transaction, so an event and
 * the projection change it explains commit together. No rules here (commands/cases.ts, freeze-requests.ts).
 */
import { and, asc, desc, eq, inArray, or, type SQL, sql } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { type CaseEventRow, type CaseRow, caseEvents, caseReports, cases, type FreezeRequestRow, freezeRequests } from "../db/schema/cases.js";
import { keysetAfter, type CursorValue } from "../db/pagination.js";

export type NewCase = typeof cases.$inferInsert;
export type NewFreezeRequest = typeof freezeRequests.$inferInsert;
export type CaseChanges = Partial<Omit<typeof cases.$inferInsert, "id">>;
export type FreezeChanges = Partial<Omit<typeof freezeRequests.$inferInsert, "id">>;

export interface NewCaseEvent {
  caseId: string;
  type: string;
  actorKeyId: string;
  actorRole: string;
  text: string | null;
  data: Record<string, unknown>;
}

export interface FreezeFilters {
  /** Only requests addressed to this directory institution (a bank's view); undefined: all (staff). */
  institutionId?: string | null;
  caseId?: string;
  state?: string;
  overdue?: boolean;
}

const OPEN_STATES = sql`('sent', 'acknowledged')`;

export interface CaseStore {
  insertCase(row: NewCase, reportIds: readonly string[]): Promise<CaseRow>;
  /** The case, locked until the transaction ends when `forUpdate` (actions serialise per case). */
  findCase(id: string, forUpdate?: boolean): Promise<CaseRow | null>;
  updateCase(id: string, changes: CaseChanges): Promise<void>;
  listCases(status: string | undefined, after: CursorValue[] | null, limit: number): Promise<CaseRow[]>;
  reportIdsOf(caseId: string): Promise<string[]>;
  reportIdsOfMany(caseIds: readonly string[]): Promise<Map<string, string[]>>;
  linkReport(caseId: string, reportId: string): Promise<void>;
  casesOfReport(reportId: string): Promise<string[]>;
  appendEvent(event: NewCaseEvent): Promise<CaseEventRow>;
  events(caseId: string): Promise<CaseEventRow[]>;
  insertFreeze(row: NewFreezeRequest): Promise<FreezeRequestRow>;
  findFreeze(id: string, forUpdate?: boolean): Promise<FreezeRequestRow | null>;
  updateFreeze(id: string, changes: FreezeChanges): Promise<FreezeRequestRow>;
  freezesOfCase(caseId: string): Promise<FreezeRequestRow[]>;
  listFreezes(filters: FreezeFilters, after: CursorValue[] | null, limit: number): Promise<FreezeRequestRow[]>;
  /** Freeze requests per state, for /metrics. */
  freezeCountsByState(): Promise<Array<{ state: string; count: number }>>;
}

export function createCaseStore(db: Db): CaseStore {
  return {
    async insertCase(row, reportIds) {
      const [inserted] = await db.insert(cases).values(row).returning();
      if (!inserted) throw new Error("insert into cases returned nothing");
      if (reportIds.length > 0) {
        await db.insert(caseReports).values(reportIds.map((reportId, position) => ({ caseId: inserted.id, reportId, position })));
      }
      return inserted;
    },

    async findCase(id, forUpdate = false) {
      const query = db.select().from(cases).where(eq(cases.id, id)).limit(1);
      const [row] = forUpdate ? await query.for("update") : await query;
      return row ?? null;
    },

    async updateCase(id, changes) {
      await db.update(cases).set(changes).where(eq(cases.id, id));
    },

    async listCases(status, after, limit) {
      return db
        .select()
        .from(cases)
        .where(and(status === undefined ? undefined : eq(cases.status, status as "open" | "closed"), keysetAfter([cases.createdAt, cases.id], after, "desc")))
        .orderBy(desc(cases.createdAt), desc(cases.id))
        .limit(limit);
    },

    async reportIdsOf(caseId) {
      const rows = await db.select({ reportId: caseReports.reportId }).from(caseReports).where(eq(caseReports.caseId, caseId)).orderBy(asc(caseReports.position));
      return rows.map((r) => r.reportId);
    },

    async reportIdsOfMany(caseIds) {
      const byCase = new Map<string, string[]>();
      if (caseIds.length === 0) return byCase;
      const rows = await db
        .select()
        .from(caseReports)
        .where(inArray(caseReports.caseId, [...caseIds]))
        .orderBy(asc(caseReports.caseId), asc(caseReports.position));
      for (const row of rows) byCase.set(row.caseId, [...(byCase.get(row.caseId) ?? []), row.reportId]);
      return byCase;
    },

    async linkReport(caseId, reportId) {
      const [{ next } = { next: 0 }] = await db
        .select({ next: sql<number>`coalesce(max(${caseReports.position}) + 1, 0)::int` })
        .from(caseReports)
        .where(eq(caseReports.caseId, caseId));
      await db.insert(caseReports).values({ caseId, reportId, position: Number(next) });
    },

    async casesOfReport(reportId) {
      const rows = await db.select({ caseId: caseReports.caseId }).from(caseReports).where(eq(caseReports.reportId, reportId)).orderBy(asc(caseReports.caseId));
      return rows.map((r) => r.caseId);
    },

    async appendEvent(event) {
      const [row] = await db.insert(caseEvents).values(event).returning();
      if (!row) throw new Error("insert into case_events returned nothing");
      return row;
    },

    async events(caseId) {
      return db.select().from(caseEvents).where(eq(caseEvents.caseId, caseId)).orderBy(asc(caseEvents.seq));
    },

    async insertFreeze(row) {
      const [inserted] = await db.insert(freezeRequests).values(row).returning();
      if (!inserted) throw new Error("insert into freeze_requests returned nothing");
      return inserted;
    },

    async findFreeze(id, forUpdate = false) {
      const query = db.select().from(freezeRequests).where(eq(freezeRequests.id, id)).limit(1);
      const [row] = forUpdate ? await query.for("update") : await query;
      return row ?? null;
    },

    async updateFreeze(id, changes) {
      const [row] = await db.update(freezeRequests).set(changes).where(eq(freezeRequests.id, id)).returning();
      if (!row) throw new Error(`freeze request ${id} vanished`);
      return row;
    },

    async freezesOfCase(caseId) {
      return db.select().from(freezeRequests).where(eq(freezeRequests.caseId, caseId)).orderBy(asc(freezeRequests.createdAt), asc(freezeRequests.id));
    },

    async listFreezes(filters, after, limit) {
      const overdue: SQL | undefined =
        filters.overdue === undefined
          ? undefined
          : filters.overdue
            ? sql`${freezeRequests.state} in ${OPEN_STATES} and ${freezeRequests.deadlineAt} < now()`
            : or(sql`${freezeRequests.state} not in ${OPEN_STATES}`, sql`${freezeRequests.deadlineAt} >= now()`);
      return db
        .select()
        .from(freezeRequests)
        .where(
          and(
            // An unbound institution key (institutionId null) is addressed by nothing.
            filters.institutionId === undefined ? undefined : filters.institutionId === null ? sql`false` : eq(freezeRequests.institutionId, filters.institutionId),
            filters.caseId === undefined ? undefined : eq(freezeRequests.caseId, filters.caseId),
            filters.state === undefined ? undefined : eq(freezeRequests.state, filters.state),
            overdue,
            keysetAfter([freezeRequests.createdAt, freezeRequests.id], after, "desc"),
          ),
        )
        .orderBy(desc(freezeRequests.createdAt), desc(freezeRequests.id))
        .limit(limit);
    },

    async freezeCountsByState() {
      const rows = await db
        .select({ state: freezeRequests.state, count: sql<number>`count(*)::int` })
        .from(freezeRequests)
        .groupBy(freezeRequests.state);
      return rows.map((r) => ({ state: r.state, count: Number(r.count) }));
    },
  };
}

