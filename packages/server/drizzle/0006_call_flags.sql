-- Calling-pattern flags from call-detail records: an append-only log of raised / cleared events.
CREATE TABLE "call_flag_events" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"caller" text NOT NULL,
	"type" text NOT NULL,
	"kind" text,
	"score" double precision,
	"window_start" timestamp with time zone,
	"flag" jsonb,
	"actor_key_id" text,
	"reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "call_flag_events_type_check" CHECK ("call_flag_events"."type" in ('raised', 'cleared'))
);
--> statement-breakpoint
-- One raise per caller, window and kind: re-ingesting the same day adds nothing (INSERT ... ON CONFLICT DO
-- NOTHING), and a flag an analyst cleared stays cleared for that window.
CREATE UNIQUE INDEX "call_flag_events_raised_idx" ON "call_flag_events" USING btree ("caller","window_start","kind") WHERE "call_flag_events"."type" = 'raised';--> statement-breakpoint
-- GET /v1/flags/:caller reads one caller's trail, newest first.
CREATE INDEX "call_flag_events_caller_seq_idx" ON "call_flag_events" USING btree ("caller","seq" DESC NULLS LAST);--> statement-breakpoint
-- Decisions are events: never updated or deleted in place (a clear is a new event with its reason).
CREATE FUNCTION "call_flag_events_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'call_flag_events is append-only (% refused)', TG_OP;
END
$$;--> statement-breakpoint
CREATE TRIGGER "call_flag_events_no_update" BEFORE UPDATE OR DELETE ON "call_flag_events" FOR EACH ROW EXECUTE FUNCTION "call_flag_events_append_only"();--> statement-breakpoint
-- Wake running servers' in-memory index (payload 'imports': they load new flag events with the imports).
CREATE TRIGGER "call_flag_events_notify" AFTER INSERT ON "call_flag_events" FOR EACH STATEMENT EXECUTE FUNCTION "reputation_notify"();
