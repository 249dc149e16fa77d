/** The verdict the detection engine gives for one text: the central shape of scamguard. */
import { z } from "zod";
import { FraudModeSchema, LangSchema, RiskLevelSchema, SignalFamilySchema, StageSchema } from "./taxonomy.js";

/**
 * A span of the ORIGINAL input text (UTF-16 offsets, end exclusive) that shows a signal.
 * @example { start: 10, end: 14, text: "共享屏幕" }
 */
export const EvidenceSchema = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string(),
});
export type Evidence = z.infer<typeof EvidenceSchema>;

/**
 * One explainable signal: a namespaced id (`channel:screen-share`), its family, the playbook stage it
 * belongs to, and where in the text it was seen.
 */
export const SignalSchema = z.object({
  id: z.string().regex(/^[a-z]+:[a-z0-9-]+$/),
  family: SignalFamilySchema,
  stage: StageSchema.nullable(),
  weight: z.number(),
  description: z.string(),
  evidence: z.array(EvidenceSchema),
});
export type Signal = z.infer<typeof SignalSchema>;

/** One piece of advice: a stable id and the text in the verdict's language. */
export const AdviceSchema = z.object({ id: z.string(), text: z.string() });
export type Advice = z.infer<typeof AdviceSchema>;

/**
 * The verdict for one message or transcript.
 * `score` is a calibrated probability that the text is a scam; `label` is 1 when score ≥ the
 * operating threshold; `risk` also reflects how far the playbook has gone (`stage`).
 */
export const VerdictSchema = z.object({
  score: z.number().min(0).max(1),
  label: z.union([z.literal(0), z.literal(1)]),
  risk: RiskLevelSchema,
  mode: FraudModeSchema.nullable(),
  stage: StageSchema.nullable(),
  /** Directory id of the institution the text claims to speak for, if any (e.g. `webank`). */
  impersonating: z.string().nullable(),
  signals: z.array(SignalSchema),
  advice: z.array(AdviceSchema),
  lang: LangSchema,
  /** Why the verdict is what it is, in plain words (also: "empty text", "truncated to 64 KiB"). */
  reasons: z.array(z.string()),
  truncated: z.boolean(),
  /** Characters actually analysed (after the size cap). */
  analyzedChars: z.number().int().nonnegative(),
  modelVersion: z.string(),
});
export type Verdict = z.infer<typeof VerdictSchema>;

/**
 * A low verdict on a text recognised as an anti-fraud warning that names the tactics it warns about (a police
 * or bank reminder: "凡是要求您共享屏幕、转账到安全账户的，都是诈骗"). Its cues are the tactics described, so the
 * page and the CLI say so first, instead of "no scam tactics found" above a list of "asks to transfer to a safe
 * account" that a reader takes for what the text asks of them.
 * @example readsAsWarning({ risk: "low", signals: [warningSignal, safeAccountSignal] }) // true
 */
export function readsAsWarning(verdict: Pick<Verdict, "risk" | "signals">): boolean {
  return (
    verdict.risk === "low" &&
    verdict.signals.some((s) => s.id === "protective:anti-fraud-warning") &&
    verdict.signals.some((s) => s.family !== "protective")
  );
}

/**
 * What the Check page and `scamguard check` say around a low verdict, kept in one place so the two never drift:
 * `lowNote` under any low verdict (never an all-clear), `warning` for a text that reads as an anti-fraud warning
 * (readsAsWarning), and the heading of a low verdict's lone cues, `cuesLow` and `cuesLowWhy` (the page says
 * between them that the cues are highlighted, the terminal marks them «…»).
 * @example LOW_VERDICT_WORDS.en.lowNote // "That does not make it safe. If someone asks for codes, …"
 */
export const LOW_VERDICT_WORDS = {
  zh: {
    lowNote: "没有发现诈骗手法不代表安全。只要有人要您提供验证码、共享屏幕或转账，就是诈骗。",
    warning: "这像是一条防骗提示：它讲的是骗子的手法，并没有要您这样做",
    cuesLow: "值得留意",
    cuesLowWhy: "单独出现，还不构成诈骗手法",
  },
  en: {
    lowNote: "That does not make it safe. If someone asks for codes, screen sharing or a transfer, it is a scam.",
    warning: "This reads as an anti-fraud warning: it describes the scam, it does not ask you to do it",
    cuesLow: "Worth a second look",
    cuesLowWhy: "signs on their own, not yet a scam tactic",
  },
} as const;
