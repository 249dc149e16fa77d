-- Reports (append-only events), the identifiers they name, and signals imported from public lists.
-- Index rationale beside each index; the triggers at the end keep report_events append-only and wake
-- every server's reputation index (LISTEN sg_rep_<md5(schema)[0:16]>) when evidence is added.
CREATE TABLE "import_signals" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"source" text NOT NULL,
	"kind" text NOT NULL,
	"value" text NOT NULL,
	"normalized" text NOT NULL,
	"reports" integer DEFAULT 1 NOT NULL,
	"first_seen" date,
	"last_seen" date,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_events" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"id" text NOT NULL,
	"type" text DEFAULT 'created' NOT NULL,
	"reporter_key_id" text NOT NULL,
	"reporter_role" text NOT NULL,
	"dedup_hash" text NOT NULL,
	"text" text,
	"channel" text,
	"loss_amount" double precision,
	"loss_currency" text,
	"occurred_at" timestamp with time zone,
	"mode" text,
	"stage" text,
	"engine_score" double precision,
	"model_version" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_events_type_check" CHECK ("report_events"."type" in ('created'))
);
--> statement-breakpoint
CREATE TABLE "report_identifiers" (
	"report_seq" bigint NOT NULL,
	"position" smallint NOT NULL,
	"kind" text NOT NULL,
	"value" text NOT NULL,
	"normalized" text NOT NULL,
	CONSTRAINT "report_identifiers_report_seq_position_pk" PRIMARY KEY("report_seq","position")
);
--> statement-breakpoint
ALTER TABLE "report_identifiers" ADD CONSTRAINT "report_identifiers_report_seq_report_events_seq_fk" FOREIGN KEY ("report_seq") REFERENCES "public"."report_events"("seq") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- One row per (source, identifier): INSERT ... ON CONFLICT DO NOTHING makes re-imports idempotent.
CREATE UNIQUE INDEX "import_signals_source_kind_normalized_idx" ON "import_signals" USING btree ("source","kind","normalized");--> statement-breakpoint
-- GET /v1/reports/:id finds a report by its public id; exactly one created event per id.
CREATE UNIQUE INDEX "report_events_id_created_idx" ON "report_events" USING btree ("id") WHERE "report_events"."type" = 'created';--> statement-breakpoint
-- A reporter pages through their own reports newest first (keyset on seq).
CREATE INDEX "report_events_reporter_seq_idx" ON "report_events" USING btree ("reporter_key_id","seq" DESC NULLS LAST);--> statement-breakpoint
-- Dedup: same reporter + same content hash within the window, newest first.
CREATE INDEX "report_events_dedup_idx" ON "report_events" USING btree ("reporter_key_id","dedup_hash","created_at" DESC NULLS LAST);--> statement-breakpoint
-- Everything reported about one identifier (analyst views, targeted index repair).
CREATE INDEX "report_identifiers_kind_normalized_idx" ON "report_identifiers" USING btree ("kind","normalized");--> statement-breakpoint
-- Reports are evidence: never rewritten or removed in place. Later decisions are new events.
CREATE FUNCTION "report_events_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'report_events is append-only (% refused)', TG_OP;
END
$$;--> statement-breakpoint
CREATE TRIGGER "report_events_no_update" BEFORE UPDATE OR DELETE ON "report_events" FOR EACH ROW EXECUTE FUNCTION "report_events_append_only"();--> statement-breakpoint
CREATE TRIGGER "report_identifiers_no_update" BEFORE UPDATE OR DELETE ON "report_identifiers" FOR EACH ROW EXECUTE FUNCTION "report_events_append_only"();--> statement-breakpoint
-- Wake every server's in-memory index on commit: the payload is the report's seq, or 'imports'.
-- The channel is per schema so test schemas (and tenants) never hear each other.
CREATE FUNCTION "reputation_notify"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'report_events' THEN
    PERFORM pg_notify('sg_rep_' || left(md5(current_schema()), 16), NEW.seq::text);
  ELSE
    PERFORM pg_notify('sg_rep_' || left(md5(current_schema()), 16), 'imports');
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "report_events_notify" AFTER INSERT ON "report_events" FOR EACH ROW EXECUTE FUNCTION "reputation_notify"();--> statement-breakpoint
CREATE TRIGGER "import_signals_notify" AFTER INSERT ON "import_signals" FOR EACH STATEMENT EXECUTE FUNCTION "reputation_notify"();
