-- Scam-in-progress: kill-chain sessions (append-only event log + state projection), transfer screenings,
-- guardians, guardian alerts, webhooks and their durable outbox. Index rationale beside each index;
-- the trigger at the end keeps session_events append-only.
CREATE TABLE "guardian_alerts" (
	"id" text PRIMARY KEY NOT NULL,
	"subject" text,
	"guardian_ids" jsonb NOT NULL,
	"source" text NOT NULL,
	"source_id" text NOT NULL,
	"audience" text[] NOT NULL,
	"decision" text NOT NULL,
	"risk" text NOT NULL,
	"stage" text,
	"reasons" jsonb NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "guardians" (
	"id" text PRIMARY KEY NOT NULL,
	"subject" text NOT NULL,
	"name" text NOT NULL,
	"contact_kind" text NOT NULL,
	"contact_value" text NOT NULL,
	"relation" text NOT NULL,
	"created_by_key_id" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "session_events" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"session_id" text NOT NULL,
	"ordinal" integer NOT NULL,
	"kind" text NOT NULL,
	"actor_key_id" text NOT NULL,
	"payload" jsonb NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "session_events_kind_check" CHECK ("session_events"."kind" in ('event', 'decision'))
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"owner_key_id" text NOT NULL,
	"subject" text,
	"state" jsonb NOT NULL,
	"events" integer DEFAULT 0 NOT NULL,
	"decision" text DEFAULT 'allow' NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "transfer_screenings" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"actor_key_id" text NOT NULL,
	"session_id" text,
	"payer" text,
	"payee" text NOT NULL,
	"amount" double precision NOT NULL,
	"currency" text NOT NULL,
	"decision" text NOT NULL,
	"reasons" jsonb NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "webhook_outbox" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"webhook_id" text NOT NULL,
	"alert_id" text NOT NULL,
	"body" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"last_error" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"delivered_at" timestamp (3) with time zone,
	CONSTRAINT "webhook_outbox_status_check" CHECK ("webhook_outbox"."status" in ('pending', 'delivered', 'dead'))
);
--> statement-breakpoint
CREATE TABLE "webhooks" (
	"id" text PRIMARY KEY NOT NULL,
	"owner_key_id" text NOT NULL,
	"url" text NOT NULL,
	"secret" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
-- Why: GET /v1/alerts pages newest first by (created_at, id), keyset.
CREATE INDEX "guardian_alerts_created_id_idx" ON "guardian_alerts" USING btree ("created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
-- Why: non-staff callers see alerts whose audience holds their key (array containment: GIN).
CREATE INDEX "guardian_alerts_audience_idx" ON "guardian_alerts" USING gin ("audience");--> statement-breakpoint
-- Why: every hold or block looks up the guardians of its subject.
CREATE INDEX "guardians_subject_idx" ON "guardians" USING btree ("subject");--> statement-breakpoint
-- Why: a session's history is read in order, and an ordinal is written once per kind (event, decision).
CREATE UNIQUE INDEX "session_events_session_ordinal_idx" ON "session_events" USING btree ("session_id","ordinal","kind");--> statement-breakpoint
-- Why: an institution reviews its own screenings, newest first.
CREATE INDEX "transfer_screenings_actor_seq_idx" ON "transfer_screenings" USING btree ("actor_key_id","seq" DESC NULLS LAST);--> statement-breakpoint
-- Why: the delivery worker polls due pending rows; partial, so delivered history costs nothing.
CREATE INDEX "webhook_outbox_due_idx" ON "webhook_outbox" USING btree ("next_attempt_at") WHERE "webhook_outbox"."status" = 'pending';--> statement-breakpoint
-- Why: each alert fans out to the webhooks of its source's owner.
CREATE INDEX "webhooks_owner_idx" ON "webhooks" USING btree ("owner_key_id");--> statement-breakpoint
-- Sessions are evidence: events and decisions are never rewritten or removed in place.
CREATE FUNCTION "session_events_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'session_events is append-only (% refused)', TG_OP;
END
$$;--> statement-breakpoint
CREATE TRIGGER "session_events_no_update" BEFORE UPDATE OR DELETE ON "session_events" FOR EACH ROW EXECUTE FUNCTION "session_events_append_only"();
