-- api_keys: only a SHA-256 of each key is stored; the key is shown once at creation.
CREATE TABLE "api_keys" (
	"id" text PRIMARY KEY NOT NULL,
	"key_hash" text NOT NULL,
	"prefix" text NOT NULL,
	"role" text NOT NULL,
	"label" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp (3) with time zone,
	CONSTRAINT "api_keys_role_check" CHECK ("api_keys"."role" in ('reporter', 'institution', 'analyst', 'admin'))
);
--> statement-breakpoint
-- Why: every authenticated request looks its key up by hash; unique also rejects a (vanishingly unlikely) collision.
CREATE UNIQUE INDEX "api_keys_key_hash_idx" ON "api_keys" USING btree ("key_hash");--> statement-breakpoint
-- Why: the admin key list pages newest first by (created_at, id); keyset pagination reads this order.
CREATE INDEX "api_keys_created_at_id_idx" ON "api_keys" USING btree ("created_at" DESC NULLS LAST,"id" DESC NULLS LAST);