/**
 * Cases and emergency freeze requests of the anti-fraud centre.
 *
 * `case_events` is THE audit log of a case (append-only, a trigger forbids UPDATE and DELETE): opening,
 * notes, timeline entries, linked reports, identifiers, and every freeze request, acknowledgement and
 * answer, each with actor and time. `cases`, `case_reports` and `freeze_requests` are projections written in
 * the same transaction as the event that changes them, so what a read shows is always backed by the log.
 */
import { sql } from "drizzle-orm";
import { bigserial, check, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

const ms = (name: string) => timestamp(name, { withTimezone: true, mode: "date", precision: 3 });

export const cases = pgTable(
  "cases",
  {
    /** Public id (`case_…`), random. */
    id: text("id").primaryKey(),
    title: text("title").notNull(),
    status: text("status").$type<"open" | "closed">().notNull().default("open"),
    victimName: text("victim_name").notNull(),
    victimContact: text("victim_contact"),
    victimNote: text("victim_note"),
    lossAmount: doublePrecision("loss_amount"),
    lossCurrency: text("loss_currency"),
    /** The scammer's identifiers: [{kind, value, normalized}], in the order added. */
    identifiers: jsonb("identifiers").$type<Array<{ kind: string; value: string; normalized: string }>>().notNull(),
    /** [{at, what}] sorted by `at`. */
    timeline: jsonb("timeline").$type<Array<{ at: string; what: string }>>().notNull(),
    openedByKeyId: text("opened_by_key_id").notNull(),
    createdAt: ms("created_at").notNull().defaultNow(),
    updatedAt: ms("updated_at").notNull().defaultNow(),
    closedAt: ms("closed_at"),
  },
  (t) => [
    // GET /v1/cases pages newest first by (created_at, id), optionally by status.
    index("cases_created_id_idx").on(t.createdAt.desc(), t.id.desc()),
    check("cases_status_check", sql`${t.status} in ('open', 'closed')`),
  ],
);
export type CaseRow = typeof cases.$inferSelect;

export const caseReports = pgTable(
  "case_reports",
  {
    caseId: text("case_id")
      .notNull()
      .references(() => cases.id),
    reportId: text("report_id").notNull(),
    position: integer("position").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.caseId, t.reportId] }),
    // A report's status (`in_case`) and the cases it is in: looked up by report id.
    index("case_reports_report_idx").on(t.reportId),
  ],
);

export const caseEvents = pgTable(
  "case_events",
  {
    seq: bigserial("seq", { mode: "number" }).primaryKey(),
    caseId: text("case_id")
      .notNull()
      .references(() => cases.id),
    type: text("type").notNull(),
    actorKeyId: text("actor_key_id").notNull(),
    actorRole: text("actor_role").notNull(),
    text: text("text"),
    data: jsonb("data").$type<Record<string, unknown>>().notNull(),
    createdAt: ms("created_at").notNull().defaultNow(),
  },
  (t) => [
    // A case shows its audit trail in order.
    index("case_events_case_seq_idx").on(t.caseId, t.seq),
  ],
);
export type CaseEventRow = typeof caseEvents.$inferSelect;

export const freezeRequests = pgTable(
  "freeze_requests",
  {
    /** Public id (`frz_…`), random. */
    id: text("id").primaryKey(),
    caseId: text("case_id")
      .notNull()
      .references(() => cases.id),
    /** The addressed bank's directory id; keys bound to it (api_keys.institution_id) see and answer it. */
    institutionId: text("institution_id").notNull(),
    payeeKind: text("payee_kind").notNull(),
    payeeValue: text("payee_value").notNull(),
    payeeNormalized: text("payee_normalized").notNull(),
    amount: doublePrecision("amount").notNull(),
    currency: text("currency").notNull(),
    deadlineMinutes: integer("deadline_minutes").notNull(),
    deadlineAt: ms("deadline_at").notNull(),
    state: text("state").notNull().default("sent"),
    note: text("note"),
    requestedByKeyId: text("requested_by_key_id").notNull(),
    acknowledgedAt: ms("acknowledged_at"),
    answeredAt: ms("answered_at"),
    frozenAmount: doublePrecision("frozen_amount"),
    answerReason: text("answer_reason"),
    createdAt: ms("created_at").notNull().defaultNow(),
  },
  (t) => [
    // Staff list every request newest first by (created_at, id).
    index("freeze_requests_created_id_idx").on(t.createdAt.desc(), t.id.desc()),
    // A bank lists only the requests addressed to it, newest first.
    index("freeze_requests_institution_created_idx").on(t.institutionId, t.createdAt.desc(), t.id.desc()),
    // A case shows its freeze requests.
    index("freeze_requests_case_idx").on(t.caseId),
    // Overdue = unanswered and past the deadline: a partial index keeps that scan to the open few.
    index("freeze_requests_open_deadline_idx").on(t.deadlineAt).where(sql`${t.state} in ('sent', 'acknowledged')`),
    check(
      "freeze_requests_state_check",
      sql`${t.state} in ('sent', 'acknowledged', 'frozen', 'partially_frozen', 'rejected', 'not_our_account')`,
    ),
  ],
);
export type FreezeRequestRow = typeof freezeRequests.$inferSelect;
