/**
 * The anti-fraud centre's review of identifiers (evidence levels, ARCHITECTURE.md flow 9).
 *
 * `identifier_review_events` is the append-only log (a trigger forbids UPDATE and DELETE): every confirm and
 * withdraw with actor, time and reason, and the case a confirmation came from. `identifier_reviews` is its
 * projection — the standing status per identifier — written in the same transaction; the report queue
 * filters on it. The reputation index replays the log (NOTIFY payload `reviews` on PostgreSQL).
 */
import { sql } from "drizzle-orm";
import { bigint, bigserial, check, index, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

const ms = (name: string) => timestamp(name, { withTimezone: true, mode: "date", precision: 3 });

export const identifierReviewEvents = pgTable(
  "identifier_review_events",
  {
    seq: bigserial("seq", { mode: "number" }).primaryKey(),
    kind: text("kind").notNull(),
    normalized: text("normalized").notNull(),
    action: text("action").$type<"confirm" | "withdraw">().notNull(),
    /** The standing status after this event (what the projection and the index take). */
    status: text("status").$type<"confirmed" | "none">().notNull(),
    reason: text("reason").notNull(),
    /** Set when a case's identifiers were confirmed by opening or extending the case. */
    caseId: text("case_id"),
    actorKeyId: text("actor_key_id").notNull(),
    actorRole: text("actor_role").notNull(),
    createdAt: ms("created_at").notNull().defaultNow(),
  },
  (t) => [
    // The history of one identifier, in order (GET /v1/reviews, report detail).
    index("identifier_review_events_identifier_idx").on(t.kind, t.normalized, t.seq),
    check("identifier_review_events_action_check", sql`${t.action} in ('confirm', 'withdraw')`),
    check("identifier_review_events_status_check", sql`${t.status} in ('confirmed', 'none')`),
  ],
);
export type IdentifierReviewEventRow = typeof identifierReviewEvents.$inferSelect;

export const identifierReviews = pgTable(
  "identifier_reviews",
  {
    kind: text("kind").notNull(),
    normalized: text("normalized").notNull(),
    status: text("status").$type<"confirmed" | "none">().notNull(),
    /** The event that set this status. */
    lastSeq: bigint("last_seq", { mode: "number" }).notNull(),
    confirmedAt: ms("confirmed_at"),
    caseId: text("case_id"),
    updatedAt: ms("updated_at").notNull().defaultNow(),
  },
  (t) => [
    // One standing status per identifier; the primary key also serves the report queue's join on (kind, normalized).
    primaryKey({ columns: [t.kind, t.normalized] }),
    check("identifier_reviews_status_check", sql`${t.status} in ('confirmed', 'none')`),
  ],
);
export type IdentifierReviewRow = typeof identifierReviews.$inferSelect;
