/**
 * Declared-contact verification as a fact for the pure engines (kill-chain guard, live-call analyser):
 * the server verifies against the in-memory index, detect only reads the result.
 */
import type { CallChannel, Caller, OutboundChannel } from "@scamguard/contracts";
import { officialContactOwner, resolveInstitution } from "@scamguard/detect";
import type { ContactFact } from "@scamguard/detect/session/index";
import type { ContactService } from "./contacts.js";

/** Call channels of session events as declared-contact channels (a VoIP call is an app's video/voice call). */
const CALL_CHANNEL: Record<CallChannel, OutboundChannel> = { phone: "phone", facetime: "facetime", voip: "video", chat: "app_chat" };

/**
 * The verification of a `call.started` that carries the person's hash: the institution the display name
 * claims, else the one whose official contact the caller shows (a spoofed official number). Null when the
 * event has no hash or claims no institution.
 */
export async function contactFactFor(
  contacts: ContactService,
  event: { channel: CallChannel; caller: Caller; displayName?: string | undefined; toHash?: string | undefined },
): Promise<ContactFact | null> {
  if (!event.toHash) return null;
  let institution = event.displayName ? resolveInstitution(event.displayName) : undefined;
  try {
    institution ??= officialContactOwner(event.caller.kind, event.caller.value);
  } catch {
    // an unparsable caller claims nothing
  }
  if (!institution) return null;
  const answer = await contacts.verify({ institution: institution.id, channel: CALL_CHANNEL[event.channel], from: event.caller.value, toHash: event.toHash });
  return { result: answer.result, institution: answer.institution?.name ?? null };
}

/** The same for a live call: the institution a remote utterance names, checked once per institution. */
export async function contactFactForClaim(
  contacts: ContactService,
  claim: { institutionId: string; channel: OutboundChannel; from: string; toHash: string },
): Promise<ContactFact> {
  const answer = await contacts.verify({ institution: claim.institutionId, channel: claim.channel, from: claim.from, toHash: claim.toHash });
  return { result: answer.result, institution: answer.institution?.name ?? null };
}
