-- Declared outbound contacts (issue 12): an institution, through a key bound to it, declares a live contact;
-- the person appears only as a SHA-256 hash, cleared when the declaration ends or expires (purge); the rest
-- of the row is the per-key audit trail. contact_participants: institutions that declare, and when last.
CREATE TABLE "contact_participants" (
	"institution_id" text PRIMARY KEY NOT NULL,
	"first_declared_at" timestamp (3) with time zone NOT NULL,
	"last_declared_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outbound_contacts" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"id" text NOT NULL,
	"institution_id" text NOT NULL,
	"key_id" text NOT NULL,
	"channel" text NOT NULL,
	"from_key" text NOT NULL,
	"to_hash" text,
	"purpose" text,
	"agent_ref" text,
	"created_at" timestamp (3) with time zone NOT NULL,
	"expires_at" timestamp (3) with time zone NOT NULL,
	"ended_at" timestamp (3) with time zone,
	CONSTRAINT "outbound_contacts_channel_check" CHECK ("outbound_contacts"."channel" in ('phone', 'sms', 'facetime', 'video', 'app_chat')),
	CONSTRAINT "outbound_contacts_to_hash_check" CHECK ("outbound_contacts"."to_hash" is null or "outbound_contacts"."to_hash" ~ '^[0-9a-f]{64}$')
);
--> statement-breakpoint
-- Why: DELETE /v1/contacts/outbound/:id finds a declaration by its public id.
CREATE UNIQUE INDEX "outbound_contacts_id_idx" ON "outbound_contacts" USING btree ("id");--> statement-breakpoint
-- Why: the start-up load of live declarations and the purge of expired hashes read only rows still holding a hash, by expiry.
CREATE INDEX "outbound_contacts_live_idx" ON "outbound_contacts" USING btree ("expires_at") WHERE "outbound_contacts"."to_hash" is not null;--> statement-breakpoint
-- Why: the audit list of an institution's declarations, newest first, keyset by seq.
CREATE INDEX "outbound_contacts_institution_seq_idx" ON "outbound_contacts" USING btree ("institution_id","seq" DESC NULLS LAST);--> statement-breakpoint
-- Wake every server's in-memory contact index on commit (other processes on PostgreSQL): a new declaration,
-- or one ended early (ended_at set; its hash is cleared in the same statement, so OLD carries it). The
-- purge, which only clears expired hashes, notifies nobody: every index drops expired entries by itself.
-- The payload is the row itself (< 1 kB), so a listener applies it without a query. Per schema channel.
CREATE FUNCTION "outbound_contacts_notify"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('sg_oc_' || left(md5(current_schema()), 16), json_build_object(
    's', NEW.seq, 'i', NEW.institution_id, 'c', NEW.channel, 'f', NEW.from_key,
    'h', coalesce(NEW.to_hash, OLD.to_hash), 'p', NEW.purpose,
    'e', (extract(epoch from NEW.expires_at) * 1000)::bigint,
    'd', (extract(epoch from NEW.created_at) * 1000)::bigint,
    'x', NEW.ended_at is not null)::text);
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "outbound_contacts_notify_insert" AFTER INSERT ON "outbound_contacts" FOR EACH ROW EXECUTE FUNCTION "outbound_contacts_notify"();--> statement-breakpoint
CREATE TRIGGER "outbound_contacts_notify_end" AFTER UPDATE OF "ended_at" ON "outbound_contacts" FOR EACH ROW EXECUTE FUNCTION "outbound_contacts_notify"();
