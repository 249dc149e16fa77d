/**
 * What the pure kill-chain engine needs from the service, fetched before it runs: reputation answers
 * from the in-memory index, handed to the engine as synchronous closures. A lookup that fails (an
 * identifier the index cannot normalise) counts as "no reputation", never as an error of the event.
 */
import type { CallChannel, IdentifierKind, Lang } from "@scamguard/contracts";
import type { Reputation, SessionDeps } from "@scamguard/detect/session/index";
import type { ReputationService } from "./reputation-service.js";
import type { ContactService } from "./contacts.js";
import { contactFactFor } from "./contact-facts.js";

export async function reputationOf(reputation: ReputationService, kind: IdentifierKind, value: string): Promise<Reputation | undefined> {
  try {
    return (await reputation.lookup({ kind, value })).verdict;
  } catch {
    return undefined;
  }
}

/** Engine dependencies for one event: the caller's or the payee's reputation, looked up once. */
export async function guardDeps(
  reputation: ReputationService,
  event: {
    type: string;
    caller?: { kind: IdentifierKind; value: string };
    payee?: { kind: IdentifierKind; value: string };
    channel?: CallChannel;
    displayName?: string;
    toHash?: string;
  },
  lang: Lang = "zh",
  contacts?: ContactService,
): Promise<SessionDeps> {
  const deps: SessionDeps = { lang };
  if (contacts && event.type === "call.started" && event.caller && event.channel && event.toHash) {
    const contact = await contactFactFor(contacts, { ...event, caller: event.caller, channel: event.channel });
    if (contact) deps.contact = contact;
  }
  if (event.type === "call.started" && event.caller) {
    const verdict = await reputationOf(reputation, event.caller.kind, event.caller.value);
    deps.callerReputation = () => verdict;
  }
  if (event.type === "transfer.initiated" && event.payee) {
    const verdict = await reputationOf(reputation, event.payee.kind, event.payee.value);
    deps.payeeReputation = () => verdict;
  }
  return deps;
}
