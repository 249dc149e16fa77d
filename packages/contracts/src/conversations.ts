/**
 * The live call assistant: a person's app streams what is being said and gets an alert the moment the
 * script turns dangerous (`/v1/conversations`).
 */
import { z } from "zod";
import { aliasedEnum } from "./aliased-enum.js";
import { LangSchema, RiskLevelSchema, StageSchema } from "./taxonomy.js";
import { AdviceSchema } from "./verdict.js";
import { MAX_UTTERANCE_CHARS, type Speaker, SpeakerSchema } from "./sessions.js";
import { ContactFromSchema, ContactHashSchema, OutboundChannelInputSchema } from "./contacts.js";

/**
 * Where in the conversation a cue was heard: utterance index (0-based), who said it, and the span of
 * that utterance's text (UTF-16 offsets, end exclusive).
 * @example { utterance: 3, speaker: "remote", start: 5, end: 9, text: "共享屏幕" }
 */
export const ConversationEvidenceSchema = z.object({
  utterance: z.number().int().nonnegative(),
  speaker: SpeakerSchema,
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string(),
});
export type ConversationEvidence = z.infer<typeof ConversationEvidenceSchema>;

/**
 * An alert raised while the call goes on: why (`kind`), where the call now stands, what to do, and
 * the words that triggered it.
 * @example { seq: 1, utterance: 4, kind: "stage", stage: "channel_switch", risk: "high",
 *            cues: ["channel:screen-share"], title: "They asked you to share your screen",
 *            advice: [{ id: "stop-screen-share", text: "Stop sharing: open the meeting app and press Stop ..." }],
 *            evidence: [{ utterance: 4, speaker: "remote", start: 6, end: 23, text: "share your screen" }] }
 */
export const ConversationAlertSchema = z.object({
  seq: z.number().int().positive(),
  utterance: z.number().int().nonnegative(),
  kind: z.enum(["stage", "risk", "cue"]),
  stage: StageSchema.nullable(),
  risk: RiskLevelSchema,
  cues: z.array(z.string()),
  title: z.string(),
  advice: z.array(AdviceSchema),
  evidence: z.array(ConversationEvidenceSchema),
});
export type ConversationAlert = z.infer<typeof ConversationAlertSchema>;

/**
 * `POST /v1/conversations` body. With `toHash` (the person's own hash, detect's contactHash) and `from`
 * (the caller's number or ID as shown), a caller who names an institution that declares its contacts is
 * checked against its declarations; no such declaration raises the risk at once.
 * @example { lang: "zh", toHash: "cac67161…", from: "950618", channel: "phone" }
 */
export const CreateConversationRequestSchema = z
  .strictObject({
    lang: LangSchema.optional(),
    toHash: ContactHashSchema.optional(),
    from: ContactFromSchema.optional(),
    /** How the caller reached the person (default phone). */
    channel: OutboundChannelInputSchema.optional(),
  })
  .refine((body) => (body.toHash === undefined) === (body.from === undefined), {
    message: "toHash and from go together: the hash of your own number and the caller's number or ID",
    path: ["from"],
  });
export type CreateConversationRequest = z.infer<typeof CreateConversationRequestSchema>;

/** `POST /v1/conversations` answer: the id is unguessable (128 random bits) and is the only credential. */
export const CreateConversationResponseSchema = z.object({
  id: z.string(),
  lang: LangSchema.nullable(),
  eventsUrl: z.string(),
});
export type CreateConversationResponse = z.infer<typeof CreateConversationResponseSchema>;

/**
 * Who said an utterance, as a request may name it: `remote` / `user`, or `caller` / `me` as a transcript's
 * prefixes name them (parseTranscript reads both; a client that posts lines should not have to rename them).
 */
const SpeakerInputSchema = aliasedEnum(SpeakerSchema.options, { caller: "remote", me: "user" });

/** `POST /v1/conversations/{id}/utterances` body. @example { speaker: "remote", text: "请您下载 Zoom 共享屏幕" } */
export const UtteranceRequestSchema = z.strictObject({
  speaker: SpeakerInputSchema,
  text: z.string().min(1).max(MAX_UTTERANCE_CHARS),
});
export type UtteranceRequest = z.infer<typeof UtteranceRequestSchema>;

/** Where the call stands after an utterance, and the alerts that utterance raised (often none). */
export const UtteranceResponseSchema = z.object({
  utterances: z.number().int().nonnegative(),
  stage: StageSchema.nullable(),
  risk: RiskLevelSchema,
  alerts: z.array(ConversationAlertSchema),
});
export type UtteranceResponse = z.infer<typeof UtteranceResponseSchema>;

/**
 * One live-call cue of `packages/detect/data/killchain/cues.json`: regular expressions per language
 * (matched on one NFKC-normalised, lower-cased utterance), the playbook stage it shows, and what to say.
 * @example { id: "channel:screen-share", stage: "channel_switch", alert: true, zh: ["共享屏幕"], en: ["share (your )?screen"],
 *            title: { zh: "对方要求您共享屏幕", en: "They asked you to share your screen" }, advice: ["stop-screen-share"] }
 */
export const ConversationCueSchema = z.strictObject({
  id: z.string().regex(/^[a-z]+:[a-z0-9-]+$/),
  stage: StageSchema.nullable(),
  speaker: SpeakerSchema.optional(),
  alert: z.boolean().optional(),
  suppressedBy: z.array(z.string()).optional(),
  zh: z.array(z.string()),
  en: z.array(z.string()),
  title: z.strictObject({ zh: z.string(), en: z.string() }),
  advice: z.array(z.string()),
});
export type ConversationCue = z.infer<typeof ConversationCueSchema>;

const CueSetSchema = z.strictObject({ all: z.array(z.string()).optional(), any: z.array(z.string()).optional() });
/** Risk ladder: the first entry whose cue and stage sets all hold gives the risk level. */
export const ConversationRiskRuleSchema = z.strictObject({ level: RiskLevelSchema, cues: CueSetSchema.optional(), stages: CueSetSchema.optional() });
export type ConversationRiskRule = z.infer<typeof ConversationRiskRuleSchema>;

export const ConversationCueFileSchema = z.strictObject({
  $comment: z.string().optional(),
  version: z.literal(1),
  cues: z.array(ConversationCueSchema).min(1),
  risk: z.array(ConversationRiskRuleSchema),
});
export type ConversationCueFile = z.infer<typeof ConversationCueFileSchema>;

/** Path of the conversation routes: `cv_` and 22 base64url characters (128 random bits). */
export const ConversationParamsSchema = z.strictObject({ id: z.string().regex(/^cv_[A-Za-z0-9_-]{22}$/, "expected a conversation id (cv_…)") });

const TRANSCRIPT_PREFIX = /^\s*(remote|user|r|u|caller|me|对方|我|骗子|来电)\s*[:：]\s*/i;
/** Prefixes that mark the person's own words; every other prefix (and none) is the remote party. */
const TRANSCRIPT_USER = new Set(["user", "u", "me", "我"]);

/**
 * A call transcript as utterances, the one format of `scamguard replay` and the Live call page's replay: one
 * utterance per line, `remote:` / `user:` first (also `对方：` / `我：`, `caller:` / `me:`, `R:` / `U:`); a line
 * without a prefix is the remote party's; blank lines and `#` comments are skipped. `line` is 1-based.
 * @example parseTranscript("对方：请共享屏幕\n我：好") // [{ line: 1, speaker: "remote", text: "请共享屏幕" }, { line: 2, speaker: "user", text: "好" }]
 */
export function parseTranscript(text: string): { line: number; speaker: Speaker; text: string }[] {
  const out: { line: number; speaker: Speaker; text: string }[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) return;
    const m = TRANSCRIPT_PREFIX.exec(line);
    const who = m?.[1]?.toLowerCase();
    const speaker: Speaker = who !== undefined && TRANSCRIPT_USER.has(who) ? "user" : "remote";
    const body = m ? line.slice(m[0].length) : line;
    if (body !== "") out.push({ line: i + 1, speaker, text: body });
  });
  return out;
}
