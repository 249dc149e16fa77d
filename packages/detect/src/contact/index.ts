/** Contacts: who is really calling (`analyzeCaller`) and the `contact` detector for texts. */
export { analyzeCaller, type AnalyzeCallerInput, type CallerVerdict } from "./analyze-caller.js";
export { contactDetector } from "./detector.js";
export { officialContactDetector, OFFICIAL_CONTACT_ID } from "./official-contact-detector.js";
