/** The live-call assistant: streaming conversation analysis with alerts and advice. */
export { addUtterance, createConversation, type ConversationOptions, type ConversationState, TRANSCRIPT_WINDOW, type UtteranceResult } from "./analyser.js";
export { addContactFact, CONTACT_NOT_DECLARED } from "./contact-fact.js";
export { CUES as CONVERSATION_CUES, matchCues, type CueHit } from "./cues.js";
export { adviceTexts as killchainAdvice, hasAdvice as hasKillchainAdvice } from "./advice-texts.js";
