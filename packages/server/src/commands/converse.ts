/**
 * One utterance of a live call, and — when the app gave the person's hash and the caller's `from` — the
 * declared-contact check of the institution a remote utterance names: a caller claiming an institution
 * that declares its contacts, with no such declaration, raises the call's risk at once with that reason.
 */
import type { UtteranceRequest, UtteranceResponse } from "@scamguard/contracts";
import { resolveClaim } from "@scamguard/detect";
import { contactFactForClaim } from "../services/contact-facts.js";
import type { Services } from "../services/index.js";

export async function addConversationUtterance(services: Services, id: string, utterance: UtteranceRequest): Promise<UtteranceResponse> {
  const response = services.conversations.add(id, utterance);
  const contact = utterance.speaker === "remote" ? services.conversations.contactOf(id) : null;
  if (contact === null) return response;
  const claimed = resolveClaim(utterance.text);
  if (claimed === undefined || contact.checked.has(claimed.id)) return response;
  contact.checked.add(claimed.id);
  const fact = await contactFactForClaim(services.contacts, { institutionId: claimed.id, channel: contact.channel, from: contact.from, toHash: contact.toHash });
  const folded = services.conversations.addContactFact(id, fact);
  return { ...folded, alerts: [...response.alerts, ...folded.alerts] };
}
