-- The anti-fraud centre: identifier reviews (evidence levels), cases with their audit log, freeze requests.
-- identifier_review_events and case_events are append-only logs (triggers below); identifier_reviews, cases,
-- case_reports and freeze_requests are projections written in the same transaction as their event.
-- Index rationale beside each index. The report queue's filters (mode, channel, kind, status) walk
-- report_events newest first on its primary key and stop at a page: no extra index until a queue needs one.
CREATE TABLE "case_events" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"case_id" text NOT NULL,
	"type" text NOT NULL,
	"actor_key_id" text NOT NULL,
	"actor_role" text NOT NULL,
	"text" text,
	"data" jsonb NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_reports" (
	"case_id" text NOT NULL,
	"report_id" text NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "case_reports_case_id_report_id_pk" PRIMARY KEY("case_id","report_id")
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"id" text PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"victim_name" text NOT NULL,
	"victim_contact" text,
	"victim_note" text,
	"loss_amount" double precision,
	"loss_currency" text,
	"identifiers" jsonb NOT NULL,
	"timeline" jsonb NOT NULL,
	"opened_by_key_id" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp (3) with time zone,
	CONSTRAINT "cases_status_check" CHECK ("cases"."status" in ('open', 'closed'))
);
--> statement-breakpoint
CREATE TABLE "freeze_requests" (
	"id" text PRIMARY KEY NOT NULL,
	"case_id" text NOT NULL,
	"institution_id" text NOT NULL,
	"payee_kind" text NOT NULL,
	"payee_value" text NOT NULL,
	"payee_normalized" text NOT NULL,
	"amount" double precision NOT NULL,
	"currency" text NOT NULL,
	"deadline_minutes" integer NOT NULL,
	"deadline_at" timestamp (3) with time zone NOT NULL,
	"state" text DEFAULT 'sent' NOT NULL,
	"note" text,
	"requested_by_key_id" text NOT NULL,
	"acknowledged_at" timestamp (3) with time zone,
	"answered_at" timestamp (3) with time zone,
	"frozen_amount" double precision,
	"answer_reason" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "freeze_requests_state_check" CHECK ("freeze_requests"."state" in ('sent', 'acknowledged', 'frozen', 'partially_frozen', 'rejected', 'not_our_account'))
);
--> statement-breakpoint
CREATE TABLE "identifier_review_events" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"normalized" text NOT NULL,
	"action" text NOT NULL,
	"status" text NOT NULL,
	"reason" text NOT NULL,
	"case_id" text,
	"actor_key_id" text NOT NULL,
	"actor_role" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "identifier_review_events_action_check" CHECK ("identifier_review_events"."action" in ('confirm', 'withdraw')),
	CONSTRAINT "identifier_review_events_status_check" CHECK ("identifier_review_events"."status" in ('confirmed', 'none'))
);
--> statement-breakpoint
CREATE TABLE "identifier_reviews" (
	"kind" text NOT NULL,
	"normalized" text NOT NULL,
	"status" text NOT NULL,
	"last_seq" bigint NOT NULL,
	"confirmed_at" timestamp (3) with time zone,
	"case_id" text,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "identifier_reviews_kind_normalized_pk" PRIMARY KEY("kind","normalized"),
	CONSTRAINT "identifier_reviews_status_check" CHECK ("identifier_reviews"."status" in ('confirmed', 'none'))
);
--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_reports" ADD CONSTRAINT "case_reports_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "freeze_requests" ADD CONSTRAINT "freeze_requests_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- A case shows its audit trail in order.
CREATE INDEX "case_events_case_seq_idx" ON "case_events" USING btree ("case_id","seq");--> statement-breakpoint
-- A report's status (in_case) and the cases it is in are looked up by report id.
CREATE INDEX "case_reports_report_idx" ON "case_reports" USING btree ("report_id");--> statement-breakpoint
-- GET /v1/cases pages newest first by (created_at, id).
CREATE INDEX "cases_created_id_idx" ON "cases" USING btree ("created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
-- Staff list every freeze request newest first by (created_at, id).
CREATE INDEX "freeze_requests_created_id_idx" ON "freeze_requests" USING btree ("created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
-- A bank lists only the requests addressed to its institution, newest first.
CREATE INDEX "freeze_requests_institution_created_idx" ON "freeze_requests" USING btree ("institution_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
-- A case shows its freeze requests.
CREATE INDEX "freeze_requests_case_idx" ON "freeze_requests" USING btree ("case_id");--> statement-breakpoint
-- Overdue = unanswered and past the deadline: the partial index holds only the open few.
CREATE INDEX "freeze_requests_open_deadline_idx" ON "freeze_requests" USING btree ("deadline_at") WHERE "freeze_requests"."state" in ('sent', 'acknowledged');--> statement-breakpoint
-- The review history of one identifier, in order (GET /v1/reviews, report detail).
CREATE INDEX "identifier_review_events_identifier_idx" ON "identifier_review_events" USING btree ("kind","normalized","seq");--> statement-breakpoint
-- Review decisions and case actions are the audit trail: never rewritten or removed in place.
CREATE FUNCTION "centre_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only (% refused)', TG_TABLE_NAME, TG_OP;
END
$$;--> statement-breakpoint
CREATE TRIGGER "identifier_review_events_no_update" BEFORE UPDATE OR DELETE ON "identifier_review_events" FOR EACH ROW EXECUTE FUNCTION "centre_append_only"();--> statement-breakpoint
CREATE TRIGGER "case_events_no_update" BEFORE UPDATE OR DELETE ON "case_events" FOR EACH ROW EXECUTE FUNCTION "centre_append_only"();--> statement-breakpoint
-- Wake every server's reputation index when a review changes an evidence level (payload 'reviews', on the
-- same per-schema channel as reports and imports).
CREATE FUNCTION "review_notify"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('sg_rep_' || left(md5(current_schema()), 16), 'reviews');
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "identifier_review_events_notify" AFTER INSERT ON "identifier_review_events" FOR EACH STATEMENT EXECUTE FUNCTION "review_notify"();
