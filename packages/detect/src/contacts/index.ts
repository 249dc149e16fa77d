/** Declared outbound contacts: the person's hash, the `from` key, and the verification answer. */
export { contactHash, contactHashOf, type ContactKind } from "./contact-hash.js";
export { normalizeContactFrom, contactFromKey, contactFromOwner, type ContactFrom } from "./contact-from.js";
export { answerContactVerification, directoryVerdict, resolveInstitution, type ContactVerificationFacts } from "./verify-contact.js";
export { channelLabel } from "./messages.js";
