/**
 * "Is it really them, right now?": the answer to a contact verification, from facts the caller gathered
 * (does the institution declare its contacts, is there a live declaration matching this one). Pure: the
 * server looks the declaration up, this only judges and words the answer. Everything in the answer is a
 * function of the request and of THIS contact's declaration, so it says nothing about anyone else's.
 */
import type {
  ContactChannel,
  DirectoryEntry,
  DirectoryVerdict,
  IdentifierKind,
  Lang,
  OutboundChannel,
  VerifyContactResponse,
} from "@scamguard/contracts";
import { getInstitution } from "../directory/lookup.js";
import { resolveClaim } from "../directory/mentions.js";
import { institutionLabel } from "../directory/messages.js";
import { verifyClaim } from "../directory/verify.js";
import { normalizeContactFrom } from "./contact-from.js";
import { channelLabel, contactMessage } from "./messages.js";

const LANGS: readonly Lang[] = ["zh", "en"];

/** Outbound channels as the directory's claim check knows them. */
const DIRECTORY_CHANNEL: Record<OutboundChannel, ContactChannel> = { phone: "phone", sms: "sms", facetime: "facetime", video: "voip", app_chat: "chat" };
const FROM_KIND: Record<"phone" | "email" | "account", IdentifierKind> = { phone: "phone", email: "email", account: "display_name" };

/**
 * The institution a caller claims: a directory id (`jd`), else the name as they said it ("京东金融客服").
 * @example resolveInstitution("京东金融客服")?.id // "jd"
 * @example resolveInstitution("icbc")?.id // "icbc"
 */
export function resolveInstitution(claimed: string): DirectoryEntry | undefined {
  return getInstitution(claimed.trim().toLowerCase()) ?? resolveClaim(claimed);
}

/** What the server found out about one contact. */
export interface ContactVerificationFacts {
  /** The institution as the caller named it. */
  claimed: string;
  /** `resolveInstitution(claimed)`, or null when it names no institution of the directory. */
  institution: DirectoryEntry | null;
  channel: OutboundChannel;
  /** As the person sees it. */
  from: string;
  /** The institution declares its outbound contacts (see the server's participation rule). */
  participates: boolean;
  /** The live declaration matching institution, channel, from and the person's hash, or null. */
  declared: { purpose: string | null } | null;
}

/**
 * The directory's verdict on `from` for the claimed institution (`official`, `mismatch`, `unknown`).
 * @example directoryVerdict({ claimed: "jd", institution: getInstitution("jd")!, channel: "phone", from: "950618" }) // "official"
 */
export function directoryVerdict(facts: Pick<ContactVerificationFacts, "claimed" | "institution" | "channel" | "from">, lang: Lang = "en") {
  const from = normalizeContactFrom(facts.from);
  const answer = verifyClaim({
    claimed: facts.institution ? facts.institution.name.zh : facts.claimed,
    contact: { kind: FROM_KIND[from.kind], value: from.kind === "account" ? facts.from : from.normalized },
    channel: DIRECTORY_CHANNEL[facts.channel],
    lang,
  });
  const verdict: DirectoryVerdict = answer.result === "match" ? "official" : answer.result;
  return { verdict, reasons: answer.reasons };
}

/**
 * The verification answer, with reasons and advice in zh and en.
 * @example answerContactVerification({ claimed: "jd", institution: getInstitution("jd")!, channel: "phone", from: "950618",
 *   participates: true, declared: null }).result // "not_verified"
 */
export function answerContactVerification(facts: ContactVerificationFacts): VerifyContactResponse {
  const { institution } = facts;
  const result = facts.declared !== null && institution !== null ? "verified" : facts.participates && institution !== null ? "not_verified" : "not_participating";
  const reasons = { zh: [] as string[], en: [] as string[] };
  const advice = { zh: [] as string[], en: [] as string[] };
  let directory: DirectoryVerdict = "unknown";
  for (const lang of LANGS) {
    const name = institution ? institutionLabel(institution, lang) : facts.claimed;
    const numbers = institution?.numbers.join(" / ") ?? "";
    const channel = channelLabel(lang, facts.channel);
    const say = (id: Parameters<typeof contactMessage>[1], ...args: string[]) => contactMessage(lang, id, ...args);
    const callBack = institution && institution.numbers.length > 0 ? say("callYourself", name, numbers) : say("callYourselfApp", name);
    const judged = directoryVerdict(facts, lang);
    // verifyClaim ends a mismatch with "hang up and call …", which the advice below already says.
    const directoryReasons = judged.verdict === "mismatch" ? judged.reasons.slice(0, -1) : judged.reasons;
    directory = judged.verdict;
    if (result === "verified") {
      reasons[lang].push(say("declaredLive", name, channel, facts.from));
      if (facts.declared?.purpose) reasons[lang].push(say("purpose", facts.declared.purpose));
      advice[lang].push(say("stillNever"), institution && institution.numbers.length > 0 ? say("inDoubt", name, numbers) : callBack);
    } else if (result === "not_verified") {
      reasons[lang].push(say("notDeclared", name, channel, facts.from));
      if (judged.verdict === "mismatch") reasons[lang].push(...directoryReasons);
      advice[lang].push(say("hangUp"), callBack, say("doNothing"));
    } else {
      if (institution) reasons[lang].push(say("notParticipating", name));
      reasons[lang].push(...directoryReasons);
      if (judged.verdict === "official") advice[lang].push(say("callerIdFaked", name, numbers));
      else if (judged.verdict === "mismatch") advice[lang].push(say("hangUp"), callBack, say("doNothing"));
      else advice[lang].push(say("unknownInstitution"), say("doNothing"));
    }
  }
  return {
    result,
    institution: institution ? { id: institution.id, name: { zh: institution.name.zh, en: institution.name.en } } : null,
    directory,
    callBack: institution ? [...institution.numbers] : [],
    purpose: result === "verified" ? (facts.declared?.purpose ?? null) : null,
    reasons,
    advice,
  };
}
