/**
 * Storage of the centre's identifier reviews: the append-only event log and its projection (standing status
 * per identifier), written together. No rules here (commands/review-identifier.ts decides what may happen).
 */
import { and, asc, eq, sql } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { type IdentifierReviewEventRow, type IdentifierReviewRow, identifierReviewEvents, identifierReviews } from "../db/schema/review.js";

export interface NewReviewEvent {
  kind: string;
  normalized: string;
  action: "confirm" | "withdraw";
  status: "confirmed" | "none";
  reason: string;
  caseId: string | null;
  actorKeyId: string;
  actorRole: string;
}

export interface ReviewStore {
  /** Serialises reviews of one identifier until the transaction ends (two analysts clicking at once). */
  lock(kind: string, normalized: string): Promise<void>;
  current(kind: string, normalized: string): Promise<IdentifierReviewRow | null>;
  /** Appends the event and moves the projection to its status, in the caller's transaction. */
  append(event: NewReviewEvent): Promise<IdentifierReviewEventRow>;
  history(kind: string, normalized: string): Promise<IdentifierReviewEventRow[]>;
}

export function createReviewStore(db: Db): ReviewStore {
  return {
    async lock(kind, normalized) {
      await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`scamguard:review:${kind}:${normalized}`}))`);
    },

    async current(kind, normalized) {
      const [row] = await db
        .select()
        .from(identifierReviews)
        .where(and(eq(identifierReviews.kind, kind), eq(identifierReviews.normalized, normalized)))
        .limit(1);
      return row ?? null;
    },

    async append(event) {
      const [row] = await db.insert(identifierReviewEvents).values(event).returning();
      if (!row) throw new Error("insert into identifier_review_events returned nothing");
      const projection = {
        status: event.status,
        lastSeq: row.seq,
        confirmedAt: event.status === "confirmed" ? row.createdAt : null,
        caseId: event.status === "confirmed" ? event.caseId : null,
        updatedAt: row.createdAt,
      };
      await db
        .insert(identifierReviews)
        .values({ kind: event.kind, normalized: event.normalized, ...projection })
        .onConflictDoUpdate({ target: [identifierReviews.kind, identifierReviews.normalized], set: projection });
      return row;
    },

    async history(kind, normalized) {
      return db
        .select()
        .from(identifierReviewEvents)
        .where(and(eq(identifierReviewEvents.kind, kind), eq(identifierReviewEvents.normalized, normalized)))
        .orderBy(asc(identifierReviewEvents.seq));
    },
  };
}
