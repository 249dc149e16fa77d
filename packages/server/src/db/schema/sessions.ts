/**
 * Scam-in-progress: kill-chain sessions, transfer screenings, guardians, guardian alerts and the webhook
 * outbox.
 *
 * `session_events` is the append-only log (a trigger in the migration forbids UPDATE and DELETE): every
 * event an institution sends and every decision the guard answers, in order. `sessions` is the derived
 * projection — the engine's state as JSON — updated in the same transaction, so a restart continues a
 * session exactly where it was. `webhook_outbox` is written in the transaction that creates an alert and
 * drained by the delivery worker, so a crash between commit and delivery loses nothing.
 */
import { sql } from "drizzle-orm";
import { bigserial, check, doublePrecision, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";

const ms = (name: string) => timestamp(name, { withTimezone: true, mode: "date", precision: 3 });

export const sessionEvents = pgTable(
  "session_events",
  {
    seq: bigserial("seq", { mode: "number" }).primaryKey(),
    sessionId: text("session_id").notNull(),
    /** 1-based number of the event within its session; its decision carries the same ordinal. */
    ordinal: integer("ordinal").notNull(),
    kind: text("kind").$type<"event" | "decision">().notNull(),
    /** The API key that sent the event (the session's owner). */
    actorKeyId: text("actor_key_id").notNull(),
    /** The validated event, or the decision answered for it. */
    payload: jsonb("payload").notNull(),
    createdAt: ms("created_at").notNull().defaultNow(),
  },
  (t) => [
    // Reading a session's history in order, and the guarantee that an ordinal is written once per kind.
    uniqueIndex("session_events_session_ordinal_idx").on(t.sessionId, t.ordinal, t.kind),
    check("session_events_kind_check", sql`${t.kind} in ('event', 'decision')`),
  ],
);

export const sessions = pgTable("sessions", {
  id: text("id").primaryKey(),
  ownerKeyId: text("owner_key_id").notNull(),
  /** The protected person as the institution names them (guardians are registered for it). */
  subject: text("subject"),
  /** The kill-chain engine's SessionState, JSON. */
  state: jsonb("state").notNull(),
  events: integer("events").notNull().default(0),
  /** Last decision answered, for listing without parsing state. */
  decision: text("decision").notNull().default("allow"),
  createdAt: ms("created_at").notNull().defaultNow(),
  updatedAt: ms("updated_at").notNull().defaultNow(),
});

export const transferScreenings = pgTable(
  "transfer_screenings",
  {
    seq: bigserial("seq", { mode: "number" }).primaryKey(),
    actorKeyId: text("actor_key_id").notNull(),
    sessionId: text("session_id"),
    payer: text("payer"),
    payee: text("payee").notNull(),
    amount: doublePrecision("amount").notNull(),
    currency: text("currency").notNull(),
    decision: text("decision").notNull(),
    reasons: jsonb("reasons").notNull(),
    createdAt: ms("created_at").notNull().defaultNow(),
  },
  (t) => [
    // An institution reviews its own held and blocked transfers, newest first.
    index("transfer_screenings_actor_seq_idx").on(t.actorKeyId, t.seq.desc()),
  ],
);

export const guardians = pgTable(
  "guardians",
  {
    id: text("id").primaryKey(),
    subject: text("subject").notNull(),
    name: text("name").notNull(),
    contactKind: text("contact_kind").notNull(),
    contactValue: text("contact_value").notNull(),
    relation: text("relation").notNull(),
    createdByKeyId: text("created_by_key_id").notNull(),
    createdAt: ms("created_at").notNull().defaultNow(),
  },
  (t) => [
    // Every hold or block looks up the guardians of its subject.
    index("guardians_subject_idx").on(t.subject),
  ],
);

export const guardianAlerts = pgTable(
  "guardian_alerts",
  {
    id: text("id").primaryKey(),
    subject: text("subject"),
    guardianIds: jsonb("guardian_ids").$type<string[]>().notNull(),
    source: text("source").$type<"session" | "transfer">().notNull(),
    sourceId: text("source_id").notNull(),
    /** Keys that may read the alert: the source's owner and whoever registered a guardian for the subject. */
    audience: text("audience").array().notNull(),
    decision: text("decision").notNull(),
    risk: text("risk").notNull(),
    stage: text("stage"),
    reasons: jsonb("reasons").notNull(),
    createdAt: ms("created_at").notNull().defaultNow(),
  },
  (t) => [
    // GET /v1/alerts pages newest first by (created_at, id).
    index("guardian_alerts_created_id_idx").on(t.createdAt.desc(), t.id.desc()),
    // A non-staff caller sees only alerts whose audience holds its key: array containment needs GIN.
    index("guardian_alerts_audience_idx").using("gin", t.audience),
  ],
);

export const webhooks = pgTable(
  "webhooks",
  {
    id: text("id").primaryKey(),
    ownerKeyId: text("owner_key_id").notNull(),
    url: text("url").notNull(),
    /** HMAC-SHA256 signing secret, shown once at registration. */
    secret: text("secret").notNull(),
    createdAt: ms("created_at").notNull().defaultNow(),
  },
  (t) => [
    // Each alert fans out to the webhooks of its source's owner.
    index("webhooks_owner_idx").on(t.ownerKeyId),
  ],
);

export const webhookOutbox = pgTable(
  "webhook_outbox",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    webhookId: text("webhook_id").notNull(),
    alertId: text("alert_id").notNull(),
    /** The exact bytes delivered (and signed), so every retry sends the same body. */
    body: text("body").notNull(),
    status: text("status").$type<"pending" | "delivered" | "dead">().notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: ms("next_attempt_at").notNull().defaultNow(),
    lastError: text("last_error"),
    createdAt: ms("created_at").notNull().defaultNow(),
    deliveredAt: ms("delivered_at"),
  },
  (t) => [
    // The worker polls for due pending deliveries; a partial index keeps that scan to the pending few.
    index("webhook_outbox_due_idx").on(t.nextAttemptAt).where(sql`${t.status} = 'pending'`),
    check("webhook_outbox_status_check", sql`${t.status} in ('pending', 'delivered', 'dead')`),
  ],
);
