/** API keys: only a SHA-256 of each key is stored; the key itself is shown once at creation. */
import { sql } from "drizzle-orm";
import { check, index, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";

export const apiKeys = pgTable(
  "api_keys",
  {
    /** Public id (`k_…`), safe to show and log. */
    id: text("id").primaryKey(),
    /** Hex SHA-256 of the full key. */
    keyHash: text("key_hash").notNull(),
    /** First characters of the key (`sg_live_AbCd`), to recognise it in a list. */
    prefix: text("prefix").notNull(),
    role: text("role").$type<"reporter" | "institution" | "analyst" | "admin">().notNull(),
    label: text("label"),
    /**
     * Directory id (`jd`, `icbc`, `webank`) an institution key acts for, or null for an unbound key. Only a
     * bound key may act in an institution's name (declare contacts, receive its freeze requests); checked
     * against packages/detect/data/directory.json when the key is created, not by a foreign key, because the
     * directory is data shipped with the code.
     */
    institutionId: text("institution_id"),
    /** Millisecond precision: a keyset cursor carries a JS Date, which cannot hold microseconds. */
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date", precision: 3 }).notNull().defaultNow(),
    revokedAt: timestamp("revoked_at", { withTimezone: true, mode: "date", precision: 3 }),
  },
  (t) => [
    // Every authenticated request looks its key up by hash: unique, and the uniqueness also rejects a (vanishingly unlikely) collision.
    uniqueIndex("api_keys_key_hash_idx").on(t.keyHash),
    // The admin list pages newest first by (created_at, id): keyset pagination needs this order indexed.
    index("api_keys_created_at_id_idx").on(t.createdAt.desc(), t.id.desc()),
    check("api_keys_role_check", sql`${t.role} in ('reporter', 'institution', 'analyst', 'admin')`),
    // A binding only means something on an institution key; the database refuses any other combination.
    check("api_keys_institution_role_check", sql`${t.institutionId} is null or ${t.role} = 'institution'`),
  ],
);
export type ApiKeyRow = typeof apiKeys.$inferSelect;
