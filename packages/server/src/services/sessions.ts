/**
 * Kill-chain sessions: the append-only log of events and decisions, and the engine state as a projection
 * updated in the same transaction. The row is locked for the event (SELECT … FOR UPDATE), so concurrent
 * events of one session apply one after the other and ordinals never collide.
 *
 * Session ids are scoped by the key that creates them: the API id `sess-42` of institution A and the
 * same id sent by institution B are two sessions (stored as `<keyId>:<id>`; API ids cannot contain
 * `:`), so B cannot squat a predictable id and lock A out. An admin (support) reads another key's
 * session by its API id when exactly one key has a session of that id.
 */
import { and, asc, eq, like } from "drizzle-orm";
import type { DecisionAction, Lang, SessionDecision, SessionEvent, SessionView } from "@scamguard/contracts";
import { applyEvent, createSession, currentDecision, type SessionDeps, type SessionState } from "@scamguard/detect/session/index";
import type { Principal } from "../auth/principal.js";
import type { CoreContext } from "../context.js";
import type { Db } from "../db/client.js";
import { sessionEvents, sessions } from "../db/schema/index.js";
import { notFound } from "../errors.js";
import { retainedEvent } from "./session-retention.js";

export interface AppendResult {
  seq: number;
  decision: SessionDecision;
  /** Decision answered for the previous event ("allow" for the first). */
  previous: DecisionAction;
  subject: string | null;
  ownerKeyId: string;
}

export interface SessionService {
  /** @throws AppError 404 `session_not_found` when the session belongs to another key */
  append(input: { sessionId: string; event: SessionEvent; principal: Principal; subject?: string | undefined; deps: SessionDeps }): Promise<AppendResult>;
  /** @throws AppError 404 `session_not_found` */
  view(sessionId: string, principal: Principal, lang: Lang): Promise<SessionView>;
  /** The state of a session the caller may see, or null (transfer screening). */
  stateFor(sessionId: string, principal: Principal): Promise<{ state: SessionState; subject: string | null; ownerKeyId: string } | null>;
  /** Every stored event and decision of `owner`'s session, in order (audit, tests). */
  history(sessionId: string, owner: Principal): Promise<{ ordinal: number; kind: "event" | "decision"; payload: unknown }[]>;
}

const missing = (id: string) => notFound("session_not_found", `id: no session ${id}`);

/** The stored id of the API session `sessionId` created by `keyId`. */
export const scopedSessionId = (keyId: string, sessionId: string) => `${keyId}:${sessionId}`;

export function createSessionService(db: Db, _ctx: CoreContext): SessionService {
  /** The caller's own session of that API id; for an admin, else the one other key's session of that id. */
  const visible = async (apiId: string, principal: Principal) => {
    const [own] = await db.select().from(sessions).where(eq(sessions.id, scopedSessionId(principal.keyId, apiId))).limit(1);
    if (own || principal.role !== "admin") return own;
    // API ids are [A-Za-z0-9_-]: `_` is a LIKE wildcard, so compare the suffix exactly too.
    const candidates = await db.select().from(sessions).where(like(sessions.id, `%:${apiId}`)).limit(10);
    const exact = candidates.filter((r) => r.id.endsWith(`:${apiId}`) && r.id.length === r.ownerKeyId.length + 1 + apiId.length);
    return exact.length === 1 ? exact[0] : undefined;
  };
  return {
    async append({ sessionId: apiId, event, principal, subject, deps }) {
      const sessionId = scopedSessionId(principal.keyId, apiId);
      await db
        .insert(sessions)
        .values({ id: sessionId, ownerKeyId: principal.keyId, subject: subject ?? null, state: createSession(deps.lang) })
        .onConflictDoNothing();
      const [row] = await db.select().from(sessions).where(eq(sessions.id, sessionId)).for("update");
      if (!row) throw missing(apiId);
      const result = applyEvent(row.state as SessionState, event, deps);
      const ordinal = row.events + 1;
      await db.insert(sessionEvents).values([
        { sessionId, ordinal, kind: "event", actorKeyId: principal.keyId, payload: retainedEvent(event, result) },
        { sessionId, ordinal, kind: "decision", actorKeyId: principal.keyId, payload: { ...result.decision, fired: result.fired } },
      ]);
      const boundSubject = row.subject ?? subject ?? null;
      await db
        .update(sessions)
        .set({ state: result.state, events: ordinal, decision: result.decision.decision, subject: boundSubject, updatedAt: new Date() })
        .where(eq(sessions.id, sessionId));
      return { seq: ordinal, decision: result.decision, previous: row.decision as DecisionAction, subject: boundSubject, ownerKeyId: row.ownerKeyId };
    },

    async view(sessionId, principal, lang) {
      const row = await visible(sessionId, principal);
      if (!row) throw missing(sessionId);
      const state = row.state as SessionState;
      const now = state.lastAt ? Date.parse(state.lastAt) : Date.now();
      return {
        sessionId,
        events: row.events,
        startedAt: state.startedAt,
        lastAt: state.lastAt,
        decision: currentDecision(state, now, lang),
        facts: state.facts,
      };
    },

    async stateFor(sessionId, principal) {
      const row = await visible(sessionId, principal);
      if (!row) return null;
      return { state: row.state as SessionState, subject: row.subject, ownerKeyId: row.ownerKeyId };
    },

    async history(sessionId, owner) {
      const rows = await db
        .select({ ordinal: sessionEvents.ordinal, kind: sessionEvents.kind, payload: sessionEvents.payload })
        .from(sessionEvents)
        .where(and(eq(sessionEvents.sessionId, scopedSessionId(owner.keyId, sessionId))))
        .orderBy(asc(sessionEvents.seq));
      return rows;
    },
  };
}
