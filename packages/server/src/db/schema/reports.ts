/**
 * Reports and imported signals: the evidence behind reputation.
 *
 * `report_events` is an append-only log: a report is one `created` event, never updated or deleted in
 * place (a trigger in the migration enforces it); later decisions about a report (retraction, an
 * analyst's confirmation) will be further events. `report_identifiers` holds the normalised
 * identifiers each report names. `import_signals` holds the weak, labelled listings loaded from public
 * lists by `scamguard import`, one row per (source, identifier), so re-imports are idempotent.
 */
import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  check,
  date,
  doublePrecision,
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";

export const reportEvents = pgTable(
  "report_events",
  {
    /** Global order of events: keyset pagination and the reputation sync's catch-up both walk it. */
    seq: bigserial("seq", { mode: "number" }).primaryKey(),
    /** Public report id (`rpt_…`), random so ids reveal neither order nor volume. */
    id: text("id").notNull(),
    type: text("type").$type<"created">().notNull().default("created"),
    /** The API key that filed it: used to count distinct reporters and for ownership, never shown. */
    reporterKeyId: text("reporter_key_id").notNull(),
    /** Role of that key when it filed, which sets the report's trust. */
    reporterRole: text("reporter_role").notNull(),
    /** SHA-256 of the sorted identifier keys and the trimmed text: the per-reporter dedup key. */
    dedupHash: text("dedup_hash").notNull(),
    text: text("text"),
    channel: text("channel"),
    lossAmount: doublePrecision("loss_amount"),
    lossCurrency: text("loss_currency"),
    occurredAt: timestamp("occurred_at", { withTimezone: true, mode: "date" }),
    /** What the engine classified the text as when filed. */
    mode: text("mode"),
    stage: text("stage"),
    engineScore: doublePrecision("engine_score"),
    modelVersion: text("model_version"),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    // GET /v1/reports/:id looks a report up by its public id; one `created` event per id.
    uniqueIndex("report_events_id_created_idx").on(t.id).where(sql`${t.type} = 'created'`),
    // A reporter's own list pages newest first by seq; also serves ownership checks.
    index("report_events_reporter_seq_idx").on(t.reporterKeyId, t.seq.desc()),
    // Deduplication looks for the same reporter + same content within the window.
    index("report_events_dedup_idx").on(t.reporterKeyId, t.dedupHash, t.createdAt.desc()),
    check("report_events_type_check", sql`${t.type} in ('created')`),
  ],
);
export type ReportEventRow = typeof reportEvents.$inferSelect;

export const reportIdentifiers = pgTable(
  "report_identifiers",
  {
    reportSeq: bigint("report_seq", { mode: "number" })
      .notNull()
      .references(() => reportEvents.seq),
    /** Order as the reporter gave them. */
    position: smallint("position").notNull(),
    kind: text("kind").notNull(),
    /** As the reporter wrote it. */
    value: text("value").notNull(),
    /** The lookup key (E.164, lower-cased domain, …). */
    normalized: text("normalized").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.reportSeq, t.position] }),
    // Everything reported about one identifier (analyst views, targeted index repair).
    index("report_identifiers_kind_normalized_idx").on(t.kind, t.normalized),
  ],
);
export type ReportIdentifierRow = typeof reportIdentifiers.$inferSelect;

export const importSignals = pgTable(
  "import_signals",
  {
    /** Insertion order: the reputation sync loads rows above the last id it has seen. */
    id: bigserial("id", { mode: "number" }).primaryKey(),
    /** Which public list (`ftc-dnc`, `durablenapkin`). */
    source: text("source").notNull(),
    kind: text("kind").notNull(),
    value: text("value").notNull(),
    normalized: text("normalized").notNull(),
    /** Complaints behind the listing in the source itself (1 for plain block lists). */
    reports: integer("reports").notNull().default(1),
    firstSeen: date("first_seen", { mode: "string" }),
    lastSeen: date("last_seen", { mode: "string" }),
    importedAt: timestamp("imported_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    // One row per source and identifier: `INSERT … ON CONFLICT DO NOTHING` makes re-imports idempotent.
    uniqueIndex("import_signals_source_kind_normalized_idx").on(t.source, t.kind, t.normalized),
  ],
);
export type ImportSignalRow = typeof importSignals.$inferSelect;
