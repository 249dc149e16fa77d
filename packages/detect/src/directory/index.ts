/**
 * The official directory: who the institutions are, their real numbers, domains and apps, what they never
 * do, and the checks built on it (mentions in text, claimed identity vs. contact).
 */
export { DIRECTORY } from "./data.js";
export {
  listInstitutions,
  getInstitution,
  isOfficialContact,
  officialContactOwner,
  institutionByKey,
  isPublicMailbox,
  officialNumbers,
  officialDomains,
  PUBLIC_MAILBOX_DOMAINS,
} from "./lookup.js";
export { findInstitutionMentions, resolveClaim, type InstitutionMention } from "./mentions.js";
export { searchDirectory } from "./search.js";
export { verifyClaim, callBackAdvice, type VerifyClaimInput, type ContactChannel } from "./verify.js";
export { message, institutionLabel, type MessageId } from "./messages.js";
