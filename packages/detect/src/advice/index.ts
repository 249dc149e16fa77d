/** Advice: what to do now, per stage and mode, in zh and en. */
export { adviceFor, ADVICE_RULES, type AdviceInput } from "./advice.js";
