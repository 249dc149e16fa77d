/**
 * Declared outbound contacts: storage (one statement per declaration batch, the participant touched in the
 * same transaction), ending early, the purge of expired hashes and old audit rows, and verification
 * answered from the in-memory ContactIndex (one per app, kept in step by ContactSync).
 *
 * The clock is injectable (`contactServiceFactory({ now })`) so tests move time instead of sleeping.
 */
import { randomBytes } from "node:crypto";
import type { DeclaredContact, DirectoryEntry, OutboundChannel, VerifyContactRequest, VerifyContactResponse } from "@scamguard/contracts";
import { answerContactVerification, contactFromKey, resolveInstitution } from "@scamguard/detect";
import { sql } from "drizzle-orm";
import type { CoreContext } from "../context.js";
import type { Db } from "../db/client.js";
import { contactParticipants, type OutboundContactRow, outboundContacts } from "../db/schema/index.js";
import { ContactIndex } from "./contact-index.js";
import { type AppliedDeclaration, ContactSync, type ContactSyncLogger } from "./contact-sync.js";

/** How long the audit of a declaration (who, from what, when; never whom) is kept. */
export const AUDIT_RETENTION_MS = 90 * 24 * 3600 * 1000;
/** Expired declarations are dropped from memory this often, and their hashes cleared from the database. */
const SWEEP_MS = 10_000;
const PURGE_MS = 60_000;
/** Presented answers kept (they never depend on the person's hash, see verify). */
const ANSWER_CACHE_MAX = 20_000;

/** One declaration ready to store: validated and authorised by the declare command. */
export interface NewDeclaration {
  institution: string;
  keyId: string;
  channel: OutboundChannel;
  fromKey: string;
  toHash: string;
  purpose: string | null;
  agentRef: string | null;
  ttlSeconds: number;
}

export interface ContactService {
  /** Resolves once the index holds every live declaration committed before. */
  ready(): Promise<void>;
  /** Stores declarations (call inside a transaction); apply the result after the commit with `applyDeclared`. */
  insert(declarations: readonly NewDeclaration[]): Promise<{ contacts: DeclaredContact[]; applied: AppliedDeclaration[] }>;
  /**
   * Ends `id` early if it is `institution`'s: clears its hash. Null when there is no such declaration of
   * that institution. `ended` (hash and seq) is what to apply after the commit, null when it had ended before.
   */
  end(institution: string, id: string): Promise<{ contact: DeclaredContact; ended: { toHash: string; seq: number } | null } | null>;
  applyDeclared(applied: readonly AppliedDeclaration[]): void;
  applyEnded(ended: { toHash: string; seq: number }): void;
  /** The answer to `POST /v1/contacts/verify`, from memory. */
  verify(input: VerifyContactRequest): Promise<VerifyContactResponse>;
  /** The same answer as JSON text (HTTP): serialised once per distinct answer, not per request. */
  verifyJson(input: VerifyContactRequest): Promise<string>;
  /** Clears expired hashes and deletes audit rows past retention; returns the counts. */
  purge(): Promise<{ hashesCleared: number; rowsDeleted: number }>;
  /** The clock everything here uses (epoch ms). */
  now(): number;
  readonly index: ContactIndex;
}

export interface ContactServiceOptions {
  /** Epoch milliseconds; Date.now by default. */
  now?: () => number;
}

const toContact = (row: Pick<OutboundContactRow, "id" | "institutionId" | "channel" | "fromKey" | "createdAt" | "expiresAt" | "endedAt">): DeclaredContact => ({
  id: row.id,
  institution: row.institutionId,
  channel: row.channel,
  from: row.fromKey,
  createdAt: row.createdAt.toISOString(),
  expiresAt: row.expiresAt.toISOString(),
  endedAt: row.endedAt?.toISOString() ?? null,
});

const stderrLogger = (silent: boolean): ContactSyncLogger => ({
  warn(obj, msg) {
    if (!silent) process.stderr.write(`${JSON.stringify({ level: "warn", msg, err: String((obj as { err?: unknown }).err ?? "") })}\n`);
  },
});

interface LiveState {
  sync: ContactSync;
  answers: Map<string, { answer: VerifyContactResponse; json: string }>;
  /** Claimed names and `from`s as written → resolved; bounded like the answers. */
  claims: Map<string, DirectoryEntry | null>;
  froms: Map<string, string>;
  timers: NodeJS.Timeout[];
}

/** A contact service factory with its own clock (tests); `createContactService` is the default one. */
export function contactServiceFactory(options: ContactServiceOptions = {}) {
  const now = options.now ?? Date.now;
  return function createContactService(db: Db, ctx: CoreContext): ContactService {
    const live = ctx.singleton<LiveState & { close(): Promise<void> }>("contacts-live", () => {
      const state: LiveState = {
        sync: new ContactSync(new ContactIndex(), ctx.rootDb, ctx.engine, ctx.config, now, stderrLogger(ctx.config.logLevel === "silent")),
        answers: new Map(),
        claims: new Map(),
        froms: new Map(),
        timers: [],
      };
      return {
        ...state,
        async close() {
          for (const timer of state.timers) clearInterval(timer);
          await state.sync.close();
        },
      };
    });
    const { sync, answers, claims, froms } = live;
    const memo = <T>(map: Map<string, T>, key: string, compute: (key: string) => T): T => {
      let value = map.get(key);
      if (value === undefined && !map.has(key)) {
        value = compute(key);
        if (map.size >= ANSWER_CACHE_MAX) map.clear();
        map.set(key, value);
      }
      return value as T;
    };

    const purge = async () => {
      const nowDate = new Date(now());
      const cleared = await ctx.rootDb.execute(sql`
        update outbound_contacts set to_hash = null where to_hash is not null and expires_at <= ${nowDate}`);
      const deleted = await ctx.rootDb.execute(sql`
        delete from outbound_contacts where created_at < ${new Date(now() - AUDIT_RETENTION_MS)}`);
      const count = (r: unknown) => Number((r as { rowCount?: number; affectedRows?: number }).rowCount ?? (r as { affectedRows?: number }).affectedRows ?? 0);
      return { hashesCleared: count(cleared), rowsDeleted: count(deleted) };
    };

    const ready = async () => {
      if (sync.isReady) return;
      await sync.ready();
      if (live.timers.length === 0) {
        const sweep = setInterval(() => sync.index.sweep(now()), SWEEP_MS);
        const purgeTimer = setInterval(() => void purge().catch(() => {}), PURGE_MS);
        sweep.unref();
        purgeTimer.unref();
        live.timers.push(sweep, purgeTimer);
      }
    };

    /**
     * Same work whatever the answer: resolve (memoised), one index lookup by this person's hash, one cached
     * presentation. The cache key never contains the hash, only what the answer shows.
     */
    const presented = async (input: VerifyContactRequest) => {
      if (!sync.isReady) await ready();
      const at = now();
      const institution = memo(claims, input.institution, (claimed) => resolveInstitution(claimed) ?? null);
      const fromKey = memo(froms, input.from, contactFromKey);
      const declared = institution ? sync.index.find(input.toHash, institution.id, input.channel, fromKey, at) : null;
      const participates = institution !== null && sync.index.participates(institution.id, at);
      const key = `${institution?.id ?? `?${input.institution}`}\u0000${input.channel}\u0000${input.from}\u0000${participates ? 1 : 0}\u0000${declared ? `+${declared.purpose ?? ""}` : "-"}`;
      let cached = answers.get(key);
      if (cached === undefined) {
        const answer = answerContactVerification({
          claimed: input.institution,
          institution,
          channel: input.channel,
          from: input.from,
          participates,
          declared: declared ? { purpose: declared.purpose } : null,
        });
        cached = { answer, json: JSON.stringify(answer) };
        if (answers.size >= ANSWER_CACHE_MAX) answers.clear();
        answers.set(key, cached);
      }
      return cached;
    };

    return {
      get index() {
        return sync.index;
      },
      now,
      ready,
      purge,

      async insert(declarations) {
        const at = now();
        const createdAt = new Date(at);
        const rows = declarations.map((d) => ({
          id: `oc_${randomBytes(10).toString("hex")}`,
          institutionId: d.institution,
          keyId: d.keyId,
          channel: d.channel,
          fromKey: d.fromKey,
          toHash: d.toHash,
          purpose: d.purpose,
          agentRef: d.agentRef,
          createdAt,
          expiresAt: new Date(at + d.ttlSeconds * 1000),
        }));
        const stored = await db.insert(outboundContacts).values(rows).returning({
          seq: outboundContacts.seq,
          id: outboundContacts.id,
          institutionId: outboundContacts.institutionId,
          channel: outboundContacts.channel,
          fromKey: outboundContacts.fromKey,
          createdAt: outboundContacts.createdAt,
          expiresAt: outboundContacts.expiresAt,
          endedAt: outboundContacts.endedAt,
        });
        for (const institution of new Set(declarations.map((d) => d.institution))) {
          await db
            .insert(contactParticipants)
            .values({ institutionId: institution, firstDeclaredAt: createdAt, lastDeclaredAt: createdAt })
            .onConflictDoUpdate({
              target: contactParticipants.institutionId,
              set: { lastDeclaredAt: sql`greatest(${contactParticipants.lastDeclaredAt}, excluded.last_declared_at)` },
            });
        }
        const bySeq = [...stored].sort((a, b) => a.seq - b.seq);
        // RETURNING gives rows in insertion order on both engines; ids tie them to the input regardless.
        const byId = new Map(rows.map((r, i) => [r.id, declarations[i] as NewDeclaration]));
        return {
          contacts: rows.map((r) => toContact(stored.find((s) => s.id === r.id) ?? { ...r, endedAt: null })),
          applied: bySeq.map((s) => {
            const d = byId.get(s.id) as NewDeclaration;
            return {
              seq: s.seq,
              institution: d.institution,
              channel: d.channel,
              fromKey: d.fromKey,
              purpose: d.purpose,
              toHash: d.toHash,
              expiresAtMs: s.expiresAt.getTime(),
              createdAtMs: s.createdAt.getTime(),
            };
          }),
        };
      },

      async end(institution, id) {
        const result = await db.execute(sql`
          with old as (
            select seq, to_hash from outbound_contacts where id = ${id} and institution_id = ${institution} for update
          )
          update outbound_contacts o set ended_at = coalesce(o.ended_at, ${new Date(now())}), to_hash = null
          from old where o.seq = old.seq
          returning o.seq, o.id, o.institution_id, o.channel, o.from_key, o.created_at, o.expires_at, o.ended_at, old.to_hash as old_hash`);
        const row = (result as unknown as { rows: Array<Record<string, unknown>> }).rows[0];
        if (row === undefined) return null;
        const date = (v: unknown) => (v instanceof Date ? v : new Date(String(v)));
        const contact = toContact({
          id: String(row.id),
          institutionId: String(row.institution_id),
          channel: row.channel as OutboundChannel,
          fromKey: String(row.from_key),
          createdAt: date(row.created_at),
          expiresAt: date(row.expires_at),
          endedAt: date(row.ended_at),
        });
        const oldHash = row.old_hash === null ? null : String(row.old_hash);
        return { contact, ended: oldHash === null ? null : { toHash: oldHash, seq: Number(row.seq) } };
      },

      applyDeclared(applied) {
        sync.applyDeclared(applied);
      },
      applyEnded(ended) {
        sync.applyEnded(ended.toHash, ended.seq);
      },

      async verify(input) {
        return (await presented(input)).answer;
      },
      async verifyJson(input) {
        return (await presented(input)).json;
      },
    };
  };
}

export const createContactService = contactServiceFactory();
