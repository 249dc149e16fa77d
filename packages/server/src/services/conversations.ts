/**
 * Live calls, held in memory only: a transcript of someone's phone call is the most private thing this
 * service sees, so utterances are analysed and dropped; only the analyser's state (cue ids, stage, risk)
 * and the alerts raised are kept, and a conversation idle for CONVERSATION_TTL_MS is forgotten. Ids are
 * 128 random bits: whoever holds one may post to it and listen to it, nobody can guess one.
 * A restart ends live calls (the app simply starts a new conversation).
 */
import { randomBytes } from "node:crypto";
import type { ConversationAlert, Lang, OutboundChannel, Speaker, UtteranceResponse } from "@scamguard/contracts";
import { addContactFact, addUtterance, type ConversationState, createConversation } from "@scamguard/detect/conversation/index";
import type { ContactFact } from "@scamguard/detect/session/index";
import type { CoreContext } from "../context.js";
import type { Db } from "../db/client.js";
import { AppError, notFound } from "../errors.js";

export const CONVERSATION_TTL_MS = 2 * 60 * 60 * 1000;
/** Live conversations held at once; beyond this, new ones are refused (503) until old ones expire. */
export const MAX_CONVERSATIONS = 100_000;
/** Utterances one conversation may carry (a 2-hour call is ~2,000). */
export const MAX_UTTERANCES = 5_000;
/** Alerts kept per conversation for listeners that connect late. */
const BACKLOG = 50;

export type AlertListener = (alert: ConversationAlert) => void;

/**
 * The person's own hash and the caller's `from`, when the app gave them: an institution the caller names
 * is then checked against its declared contacts (once per institution).
 */
export interface ConversationContact {
  toHash: string;
  from: string;
  channel: OutboundChannel;
  checked: Set<string>;
}

interface Live {
  state: ConversationState;
  /** The call's recent text, in memory only (read whole after each utterance; see detect's addUtterance). */
  transcript: string;
  contact: ConversationContact | null;
  lastAt: number;
  alerts: ConversationAlert[];
  listeners: Set<AlertListener>;
}

export class ConversationHub {
  private readonly live = new Map<string, Live>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(private readonly ttlMs = CONVERSATION_TTL_MS, private readonly max = MAX_CONVERSATIONS) {
    this.sweeper = setInterval(() => this.sweep(Date.now()), 60_000);
    this.sweeper.unref();
  }

  create(lang?: Lang, contact?: Omit<ConversationContact, "checked">): { id: string; lang: Lang | null } {
    if (this.live.size >= this.max) this.sweep(Date.now());
    if (this.live.size >= this.max) throw new AppError(503, "too_many_conversations", "too many live conversations; try again shortly");
    const id = `cv_${randomBytes(16).toString("base64url")}`;
    this.live.set(id, {
      state: createConversation(lang),
      transcript: "",
      contact: contact ? { ...contact, checked: new Set() } : null,
      lastAt: Date.now(),
      alerts: [],
      listeners: new Set(),
    });
    return { id, lang: lang ?? null };
  }

  /** @throws AppError 404 `conversation_not_found`, 409 `conversation_full` */
  add(id: string, utterance: { speaker: Speaker; text: string }): UtteranceResponse {
    const live = this.get(id);
    if (live.state.utterances >= MAX_UTTERANCES) throw new AppError(409, "conversation_full", `id: conversation has ${MAX_UTTERANCES} utterances; start a new one`);
    const r = addUtterance(live.state, utterance, { transcript: live.transcript });
    live.state = r.state;
    live.transcript = r.transcript;
    live.lastAt = Date.now();
    this.publish(live, r.alerts);
    return { utterances: r.state.utterances, stage: r.state.stage, risk: r.state.risk, alerts: r.alerts };
  }

  /** The contact to check this call against, or null when the app gave none. @throws AppError 404 */
  contactOf(id: string): ConversationContact | null {
    return this.get(id).contact;
  }

  /** Folds a declared-contact verification into the call (see detect's addContactFact). @throws AppError 404 */
  addContactFact(id: string, fact: ContactFact): UtteranceResponse {
    const live = this.get(id);
    const r = addContactFact(live.state, fact);
    live.state = r.state;
    this.publish(live, r.alerts);
    return { utterances: r.state.utterances, stage: r.state.stage, risk: r.state.risk, alerts: r.alerts };
  }

  private publish(live: Live, alerts: ConversationAlert[]): void {
    for (const alert of alerts) {
      live.alerts.push(alert);
      if (live.alerts.length > BACKLOG) live.alerts.shift();
      for (const listener of live.listeners) listener(alert);
    }
  }

  /** Alerts so far (after `afterSeq`), and a subscription to the next ones; call the returned function to stop. */
  subscribe(id: string, afterSeq: number, listener: AlertListener): { backlog: ConversationAlert[]; unsubscribe: () => void } {
    const live = this.get(id);
    live.listeners.add(listener);
    return { backlog: live.alerts.filter((a) => a.seq > afterSeq), unsubscribe: () => live.listeners.delete(listener) };
  }

  private get(id: string): Live {
    const live = this.live.get(id);
    if (!live || Date.now() - live.lastAt > this.ttlMs) throw notFound("conversation_not_found", `id: no live conversation ${id}`);
    return live;
  }

  private sweep(now: number): void {
    for (const [id, live] of this.live) if (now - live.lastAt > this.ttlMs && live.listeners.size === 0) this.live.delete(id);
  }

  close(): void {
    clearInterval(this.sweeper);
    this.live.clear();
  }
}

export function createConversationService(_db: Db, ctx: CoreContext): ConversationHub {
  return ctx.singleton("conversation-hub", () => new ConversationHub());
}
