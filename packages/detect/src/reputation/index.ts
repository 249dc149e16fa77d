/** Reputation of the identifiers in a text, counted in its verdict. */
export { HIGH_RISK_REPORTERS, type IdentifierStanding, withReputation } from "./in-verdict.js";
