/** The scam-in-progress guard: session events → kill-chain state → allow / warn / cooling-off / hold / block. */
export { applyEvent, currentDecision, type ApplyResult } from "./engine.js";
export { createSession, identifierKey, type ContactFact, type Reputation, type SessionDeps, type SessionState } from "./state.js";
export { directoryAnalyzeCaller, fallbackAnalyzeCaller, type AnalyzeCaller, type CallerAnalysis } from "./caller.js";
export { RULES as KILLCHAIN_RULES, SETTINGS as KILLCHAIN_SETTINGS } from "./rules.js";
export { replaySession, type ReplayStep } from "./replay.js";
