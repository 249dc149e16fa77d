-- api_keys.institution_id: an institution key bound to one directory entry (jd, icbc, …) acts in that
-- institution's name (declared outbound contacts, freeze requests addressed to it). Existing keys stay
-- unbound (null) and keep working for screening and lookup. No index: keys are found by key_hash.
ALTER TABLE "api_keys" ADD COLUMN "institution_id" text;--> statement-breakpoint
-- Why: a binding means something only on an institution key; refuse any other combination.
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_institution_role_check" CHECK ("api_keys"."institution_id" is null or "api_keys"."role" = 'institution');