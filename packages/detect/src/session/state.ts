/** The kill-chain session state and the dependencies the engine is fed. Plain JSON throughout. */
import type { DecisionAction, IdentifierKind, Lang, Payee, Stage } from "@scamguard/contracts";
import { type ConversationOptions, type ConversationState, createConversation } from "../conversation/analyser.js";
import type { AnalyzeCaller } from "./caller.js";

/**
 * A declared-contact verification, as a fact handed in (the engine does no I/O).
 * @example { result: "not_verified", institution: { zh: "京东", en: "JD.com" } }
 */
export interface ContactFact {
  result: "verified" | "not_verified" | "not_participating";
  institution: { zh: string; en: string } | null;
}

/** Reputation of an identifier as the reputation store sees it. */
export type Reputation = "official" | "clean" | "unknown" | "suspicious" | "scam";

/** A rule that fired, kept with the last time it fired (escalations stay in force for a while). */
export interface Firing {
  id: string;
  action: DecisionAction;
  at: string;
}

/**
 * A session: everything the guard has established, serialisable with JSON.stringify and restorable
 * with JSON.parse. Bounded: lists keep the most recent entries only.
 */
export interface SessionState {
  v: 1;
  events: number;
  startedAt: string | null;
  lastAt: string | null;
  /** Fact → ISO time it was last established. */
  facts: Record<string, string>;
  active: { call: boolean; screenshare: boolean };
  /** Institution the latest caller presented as (directory name, else the display name), for reasons. */
  institution: { zh: string; en: string } | null;
  conversation: ConversationState;
  /** Payees added during the session (`kind:value`). */
  payees: string[];
  transfers: { at: string; amount: number; currency: string; payee: string }[];
  loans: { at: string; amount: number; currency: string }[];
  fired: Firing[];
}

/**
 * What the engine is fed from outside. Every function is synchronous and pure from the engine's point
 * of view: a server looks reputations up first, then passes closures over the answers.
 */
export interface SessionDeps {
  /** Language of reasons' `text` and of advice (both languages are always in `zh`/`en`). Default zh. */
  lang?: Lang;
  /** The directory's caller analysis (official contact? display-name impersonation?). */
  analyzeCaller?: AnalyzeCaller;
  callerReputation?: (kind: IdentifierKind, value: string) => Reputation | undefined;
  payeeReputation?: (payee: Payee) => Reputation | undefined;
  /**
   * For `call.started` with a `toHash`: the server's verification of this call against the contacts the
   * claimed institution declared. `not_verified` (the institution declares its contacts and declared no
   * such one) makes the caller an impostor at once, even from an official number (caller ID is spoofable).
   */
  contact?: ContactFact;
  conversation?: ConversationOptions;
}

export const MAX_PAYEES = 50;
export const MAX_TRANSFERS = 20;
export const MAX_LOANS = 10;

/**
 * A fresh session.
 * @example JSON.parse(JSON.stringify(createSession())).events // 0
 */
export function createSession(lang?: Lang): SessionState {
  return {
    v: 1,
    events: 0,
    startedAt: null,
    lastAt: null,
    facts: {},
    active: { call: false, screenshare: false },
    institution: null,
    conversation: createConversation(lang),
    payees: [],
    transfers: [],
    loans: [],
    fired: [],
  };
}

/** Stable key of a payee or caller: kind plus the value without spaces, dashes and case. */
export const identifierKey = (kind: string, value: string): string => `${kind}:${value.replace(/[\s-]/g, "").toLowerCase()}`;

export type { Stage };
