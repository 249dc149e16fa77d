/**
 * From one event to the facts it establishes. This is where device events, caller analysis, the
 * conversation analyser, payee reputation and amount patterns meet; rules only ever read facts.
 */
import type { ConversationAlert, SessionEvent, SessionEventOf } from "@scamguard/contracts";
import { addUtterance } from "../conversation/analyser.js";
import { matchCues } from "../conversation/cues.js";
import { directoryAnalyzeCaller, institutionName } from "./caller.js";
import { SETTINGS } from "./rules.js";
import { isoMs } from "./time.js";
import { identifierKey, MAX_LOANS, MAX_PAYEES, MAX_TRANSFERS, type SessionDeps, type SessionState } from "./state.js";

export interface EventFacts {
  /** Facts derived from this event. */
  current: Set<string>;
  /** Conversation alerts raised by an utterance event. */
  alerts: ConversationAlert[];
}

const MINUTE_MS = 60_000;

/** Apply one event to a (cloned, mutable) state; returns the facts it established. */
export function absorbEvent(state: SessionState, event: SessionEvent, deps: SessionDeps): EventFacts {
  const current = new Set<string>();
  let alerts: ConversationAlert[] = [];
  switch (event.type) {
    case "call.started":
      callStarted(state, event, deps, current);
      break;
    case "call.ended":
      state.active.call = false;
      current.add("call.ended");
      break;
    case "utterance": {
      const r = addUtterance(state.conversation, { speaker: event.speaker, text: event.text }, deps.conversation);
      state.conversation = r.state;
      alerts = r.alerts;
      for (const hit of r.heard) {
        current.add(`talk:${hit.id}`);
        if (hit.stage) current.add(`talk.stage:${hit.stage}`);
      }
      const untrusted = state.facts["call.untrusted"] !== undefined && state.active.call;
      if (event.speaker === "remote" && untrusted && current.has("talk.stage:impersonation")) current.add("call.impersonator");
      break;
    }
    case "app.installed":
      current.add(`app.installed:${event.category}`);
      break;
    case "app.opened":
      current.add(`app.opened:${event.category}`);
      break;
    case "screenshare.started":
      state.active.screenshare = true;
      current.add("screenshare");
      break;
    case "screenshare.stopped":
      state.active.screenshare = false;
      current.add("screenshare.stopped");
      break;
    case "otp.received":
      current.add("otp");
      break;
    case "payee.added":
      current.add("payee.added");
      state.payees = [...state.payees.filter((k) => k !== payeeKey(event.payee)), payeeKey(event.payee)].slice(-MAX_PAYEES);
      break;
    case "loan.disbursed":
      current.add("loan.disbursed");
      state.loans = [...state.loans, { at: event.at, amount: event.amount, currency: event.currency }].slice(-MAX_LOANS);
      break;
    case "transfer.initiated":
      transferFacts(state, event, deps, current);
      break;
  }
  return { current, alerts };
}

const payeeKey = (payee: { kind: string; value: string }) => identifierKey(payee.kind, payee.value);

function callStarted(state: SessionState, event: SessionEventOf<"call.started">, deps: SessionDeps, current: Set<string>): void {
  state.active.call = true;
  current.add("call");
  const analysis = (deps.analyzeCaller ?? directoryAnalyzeCaller)({
    channel: event.channel,
    caller: event.caller,
    ...(event.displayName !== undefined ? { displayName: event.displayName } : {}),
  });
  const reputation = deps.callerReputation?.(event.caller.kind, event.caller.value);
  const official = analysis.official || reputation === "official";
  if (official) current.add("call.official");
  if (!event.known) current.add("call.unknown");
  if (event.channel === "facetime") current.add("call.facetime");
  if (event.channel === "facetime" && !event.known && !official) current.add("call.stranger-facetime");
  if (!event.known && !official) current.add("call.untrusted");
  if (analysis.mismatch && !official) current.add("call.impersonator");
  if (reputation === "scam" || reputation === "suspicious") {
    current.add("caller.reported");
    current.add("call.untrusted");
  }
  state.institution = institutionName(analysis.claimedInstitution) ?? institutionName(event.displayName);
  if (deps.contact?.result === "not_verified") {
    // The institution declares every contact and declared none: whatever the number, this is not them.
    current.delete("call.official");
    current.add("call.undeclared");
    current.add("call.untrusted");
    current.add("call.impersonator");
    if (deps.contact.institution) state.institution = deps.contact.institution;
  } else if (deps.contact?.result === "verified") {
    current.add("call.declared");
  }
}

function transferFacts(state: SessionState, event: SessionEventOf<"transfer.initiated">, deps: SessionDeps, current: Set<string>): void {
  const key = payeeKey(event.payee);
  const now = isoMs(event.at);
  const addedHere = state.payees.includes(key);
  const paidBefore = state.transfers.some((t) => t.payee === key);
  if (event.payeeKnown === true && !addedHere) current.add("transfer.known-payee");
  else if (event.payeeKnown === false || addedHere) {
    if (!paidBefore) current.add("transfer.new-payee");
  }
  const { amount } = event;
  if (amount >= SETTINGS.roundUnit && amount % SETTINGS.roundUnit === 0) current.add("transfer.round");
  if (amount >= SETTINGS.largeAmount) current.add("transfer.large");
  if (Number.isInteger(amount) && amount >= SETTINGS.codeLike.min && amount <= SETTINGS.codeLike.max && amount % 100 !== 0) {
    current.add("transfer.code-like");
  }
  const recent = state.transfers.filter((t) => now - isoMs(t.at) <= SETTINGS.burst.minutes * MINUTE_MS).length;
  if (recent + 1 >= SETTINGS.burst.count) current.add("transfer.burst");
  const reputation = deps.payeeReputation?.(event.payee);
  if (reputation) current.add(`payee.${reputation}`);
  if (event.payee.name && matchCues(event.payee.name, "remote").some((h) => h.id === "money:safe-account")) {
    current.add("payee.named-safe-account");
  }
  state.transfers = [...state.transfers, { at: event.at, amount, currency: event.currency, payee: key }].slice(-MAX_TRANSFERS);
}
