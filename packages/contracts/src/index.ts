/** @scamguard/contracts: every shape, event and enum of scamguard, defined once as zod schemas. */
export * from "./taxonomy.js";
export * from "./verdict.js";
export * from "./analyze.js";
export * from "./errors.js";
export * from "./directory.js";
export * from "./classify.js";
export * from "./identifiers.js";
export * from "./lookup.js";
export * from "./reports.js";
export * from "./directory-api.js";
export * from "./auth.js";
export * from "./health.js";
export * from "./pagination.js";
export * from "./sessions.js";
export * from "./conversations.js";
export * from "./transfers.js";
export * from "./guardians.js";
