/**
 * @scamguard/detect: pure detection that runs in Node and the browser.
 * Each area exports from its own folder; this file only re-exports.
 */
export * from "./types.js";
export * from "./analyze.js";
export * from "./text/index.js";
export * from "./signals/index.js";
export * from "./advice/index.js";
export * from "./model/index.js";
export * from "./session/index.js";
export * from "./conversation/index.js";
export * from "./identifiers/index.js";
export * from "./directory/index.js";
export * from "./link/index.js";
export * from "./contact/index.js";
export * from "./contacts/index.js";
export * from "./reputation/index.js";
