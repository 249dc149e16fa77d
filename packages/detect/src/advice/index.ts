/** Advice: what to do now, per stage and mode, in zh and en. */
export { ADVICE_RULES, type AdviceInput, adviceFor, callOfficialAdvice, officialNumber } from "./advice.js";
