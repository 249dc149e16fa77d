/** Identifiers: extraction from text and the one normalisation used for reports and lookups. */
export { extractIdentifiers, type ExtractedIdentifier, type ExtractOptions } from "./extract.js";
export { identifiersOf } from "./per-text.js";
export { AliasMatcher, type AliasMatch } from "./alias-matcher.js";
export { identifierHash, identifierHashInput, identifierDigest, hashInputOf, normalizedHash, rangePrefix, findInRange } from "./hash.js";
export { rangeProbes, privateVerdict, type RangeProbe, type PrivateVerdict } from "./range-client.js";
export { normalizeIdentifier, canonicalUrl, registrableDomain, hostToAscii, hostToUnicode, type NormalizeResult } from "./normalize.js";
export { normalizePhone, type NormalizedPhone, type PhoneClass, phoneHint } from "./phone.js";
export { luhnValid, isCardNumber } from "./luhn.js";
export { KNOWN_APPS, appName, findKnownApp, type KnownApp, type AppCategory } from "./apps.js";
export { foldText, foldKey } from "./fold.js";
export { typedIdentifierKind } from "./typed-kind.js";
