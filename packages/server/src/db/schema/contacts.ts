/**
 * Declared outbound contacts: an institution (through a key bound to it) says "we are contacting this
 * person, from this number, on this channel, right now". The person appears only as a hash, and only while
 * the declaration is live: ending it clears the hash at once, expiry clears it at the next purge; what
 * remains (who declared, from what, when, why) is the per-key audit trail, deleted after its retention.
 */
import { sql } from "drizzle-orm";
import { bigserial, check, index, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";

export const outboundContacts = pgTable(
  "outbound_contacts",
  {
    /** Order of declarations: the audit list pages by it. */
    seq: bigserial("seq", { mode: "number" }).primaryKey(),
    /** Public id (`oc_…`), random: ids reveal neither order nor volume. */
    id: text("id").notNull(),
    /** Directory id of the institution that declared (the key's binding at the time). */
    institutionId: text("institution_id").notNull(),
    /** The key that declared: the audit is per key. */
    keyId: text("key_id").notNull(),
    channel: text("channel").$type<"phone" | "sms" | "facetime" | "video" | "app_chat">().notNull(),
    /** `from` as matched (`phone:950618`, `email:…`, `account:…`; detect's contactFromKey). */
    fromKey: text("from_key").notNull(),
    /** Hex SHA-256 of the person's `phone:<E.164>` / `email:<address>`; null once ended or expired. */
    toHash: text("to_hash"),
    purpose: text("purpose"),
    agentRef: text("agent_ref"),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date", precision: 3 }).notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true, mode: "date", precision: 3 }).notNull(),
    endedAt: timestamp("ended_at", { withTimezone: true, mode: "date", precision: 3 }),
  },
  (t) => [
    // DELETE /v1/contacts/outbound/:id finds a declaration by its public id.
    uniqueIndex("outbound_contacts_id_idx").on(t.id),
    // Start-up load of the live declarations and the purge of expired hashes: both read only rows still holding a hash, by expiry.
    index("outbound_contacts_live_idx").on(t.expiresAt).where(sql`${t.toHash} is not null`),
    // The audit list of an institution's declarations, newest first, keyset by seq.
    index("outbound_contacts_institution_seq_idx").on(t.institutionId, t.seq.desc()),
    check("outbound_contacts_channel_check", sql`${t.channel} in ('phone', 'sms', 'facetime', 'video', 'app_chat')`),
    check("outbound_contacts_to_hash_check", sql`${t.toHash} is null or ${t.toHash} ~ '^[0-9a-f]{64}$'`),
  ],
);
export type OutboundContactRow = typeof outboundContacts.$inferSelect;

/**
 * Institutions that declare their outbound contacts: one row each, touched by every declaration. An
 * institution "participates" while its last declaration is recent (services/contact-index.ts), so
 * verification can say "no such contact: impostor" only for an institution that really declares.
 */
export const contactParticipants = pgTable("contact_participants", {
  institutionId: text("institution_id").primaryKey(),
  firstDeclaredAt: timestamp("first_declared_at", { withTimezone: true, mode: "date", precision: 3 }).notNull(),
  lastDeclaredAt: timestamp("last_declared_at", { withTimezone: true, mode: "date", precision: 3 }).notNull(),
});
