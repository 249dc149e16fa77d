-- A reporter withdraws their own report: an append-only event (this table; triggers below), the report row
-- untouched as the audit trail; the reputation index counts only reports without a withdrawal.
CREATE TABLE "report_withdrawals" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"report_seq" bigint NOT NULL,
	"actor_key_id" text NOT NULL,
	"reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "report_withdrawals" ADD CONSTRAINT "report_withdrawals_report_seq_report_events_seq_fk" FOREIGN KEY ("report_seq") REFERENCES "public"."report_events"("seq") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- A report is withdrawn at most once (a second attempt is a 409), and reading a report looks its withdrawal up.
CREATE UNIQUE INDEX "report_withdrawals_report_idx" ON "report_withdrawals" USING btree ("report_seq");;--> statement-breakpoint
-- Withdrawals are part of the audit trail: never rewritten or removed in place.
CREATE FUNCTION "report_withdrawals_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only (% refused)', TG_TABLE_NAME, TG_OP;
END
$$;--> statement-breakpoint
CREATE TRIGGER "report_withdrawals_no_update" BEFORE UPDATE OR DELETE ON "report_withdrawals" FOR EACH ROW EXECUTE FUNCTION "report_withdrawals_append_only"();--> statement-breakpoint
-- Wake every server's reputation index (payload 'withdrawals', on the per-schema channel of reports).
CREATE FUNCTION "report_withdrawals_notify"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('sg_rep_' || left(md5(current_schema()), 16), 'withdrawals');
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "report_withdrawals_notify" AFTER INSERT ON "report_withdrawals" FOR EACH STATEMENT EXECUTE FUNCTION "report_withdrawals_notify"();
