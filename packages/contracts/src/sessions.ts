/**
 * Scam-in-progress sessions: the closed vocabulary of device and bank events an institution sends
 * (`POST /v1/sessions/{id}/events`), and the decision the kill-chain guard answers with.
 * Every event object is strict: an unknown field or type is a validation error naming it.
 */
import { z } from "zod";
import { IdentifierKindSchema, RiskLevelSchema, StageSchema } from "./taxonomy.js";
import { AdviceSchema } from "./verdict.js";
import { ContactHashSchema } from "./contacts.js";

/** ISO 8601 time with an offset (`2026-07-05T10:00:00Z`, `2026-07-05T18:00:00+08:00`). */
/** Every time a caller sends: with an example, since "2026-12-02 10:00" (no T, no offset) is the usual first try. */
export const IsoTimeSchema = z.iso.datetime({ offset: true, message: "expected an ISO 8601 time with offset, such as 2026-12-02T10:00:00+08:00 or 2026-12-02T02:00:00Z" });

/** Largest utterance accepted in one event (a transcript line, not a document). */
export const MAX_UTTERANCE_CHARS = 4_000;

/**
 * Who is on the other end of a call, as the device sees it.
 * @example { kind: "email", value: "kefu.weilidai@icloud.com" }
 */
export const CallerSchema = z.strictObject({
  kind: IdentifierKindSchema,
  value: z.string().min(1).max(256),
});
export type Caller = z.infer<typeof CallerSchema>;

/**
 * A payee: an account, phone or handle money goes to; `name` is the name shown to the payer.
 * @example { kind: "bank_account", value: "6222021234567890123", name: "银保监会认证账户" }
 */
export const PayeeSchema = z.strictObject({
  kind: IdentifierKindSchema,
  value: z.string().min(1).max(256),
  name: z.string().max(200).optional(),
});
export type Payee = z.infer<typeof PayeeSchema>;

/** Amounts are in major units of `currency` (yuan, not fen). */
const AmountSchema = z.number().positive().max(1e12);
/**
 * ISO 4217 code, stored upper case: "cny", " usd " are read as CNY, USD (a person types them so; refusing
 * them helps nobody), anything else is refused with the reason.
 * @example CurrencySchema.parse("cny") // "CNY"
 */
export const CurrencySchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z]{3}$/, "expected an ISO 4217 code such as CNY")
  .toUpperCase()
  .meta({ description: "ISO 4217 code (CNY, USD …); lower case is accepted and stored upper case" });

export const CallChannelSchema = z.enum(["phone", "facetime", "voip", "chat"]);
export type CallChannel = z.infer<typeof CallChannelSchema>;
export const InstalledAppCategorySchema = z.enum(["meeting", "remote_control", "loan", "chat", "other"]);
export const OpenedAppCategorySchema = z.enum(["bank", "loan", "payment", "other"]);
export const SpeakerSchema = z.enum(["remote", "user"]);
export type Speaker = z.infer<typeof SpeakerSchema>;

const at = { at: IsoTimeSchema };

/**
 * One session event; `type` picks the shape.
 * @example { type: "call.started", at: "2026-07-05T10:00:00Z", channel: "facetime",
 *            caller: { kind: "email", value: "kefu@icloud.com" }, displayName: "微粒贷客服", known: false }
 * @example { type: "transfer.initiated", at: "2026-07-05T10:20:00Z", amount: 50000, currency: "CNY",
 *            payee: { kind: "bank_account", value: "6222021234567890123" }, payeeKnown: false }
 */
export const SessionEventSchema = z.discriminatedUnion("type", [
  z.strictObject({
    type: z.literal("call.started"),
    ...at,
    channel: CallChannelSchema,
    caller: CallerSchema,
    displayName: z.string().max(200).optional(),
    known: z.boolean(),
    /**
     * Hex SHA-256 of the person's own `phone:<E.164>` / `email:<address>` (detect's contactHash): the call is
     * then checked against the contacts the claimed institution declared (POST /v1/contacts/verify).
     */
    toHash: ContactHashSchema.optional(),
  }),
  z.strictObject({ type: z.literal("call.ended"), ...at }),
  z.strictObject({ type: z.literal("utterance"), ...at, speaker: SpeakerSchema, text: z.string().max(MAX_UTTERANCE_CHARS) }),
  z.strictObject({ type: z.literal("app.installed"), ...at, category: InstalledAppCategorySchema, name: z.string().min(1).max(200) }),
  z.strictObject({ type: z.literal("screenshare.started"), ...at }),
  z.strictObject({ type: z.literal("screenshare.stopped"), ...at }),
  z.strictObject({ type: z.literal("otp.received"), ...at, source: z.string().min(1).max(200) }),
  z.strictObject({ type: z.literal("app.opened"), ...at, category: OpenedAppCategorySchema }),
  z.strictObject({ type: z.literal("payee.added"), ...at, payee: PayeeSchema }),
  z.strictObject({ type: z.literal("loan.disbursed"), ...at, amount: AmountSchema, currency: CurrencySchema }),
  z.strictObject({
    type: z.literal("transfer.initiated"),
    ...at,
    amount: AmountSchema,
    currency: CurrencySchema,
    payee: PayeeSchema,
    payeeKnown: z.boolean().optional(),
  }),
]);
export type SessionEvent = z.infer<typeof SessionEventSchema>;
export type SessionEventType = SessionEvent["type"];
export type SessionEventOf<T extends SessionEventType> = Extract<SessionEvent, { type: T }>;

/**
 * What the guard tells the institution to do, mildest first: let it through, warn the person,
 * make them wait (cooling-off), hold the money for review, or refuse.
 * @example DecisionActionSchema.parse("hold")
 */
export const DecisionActionSchema = z.enum(["allow", "warn", "cooling_off", "hold", "block"]);
export type DecisionAction = z.infer<typeof DecisionActionSchema>;
/** Severity order of actions, 0 = allow. */
export const actionRank = (action: DecisionAction): number => DecisionActionSchema.options.indexOf(action);

/**
 * One reason: a stable rule id and the sentence a person reads, in the decision's language; `zh` and
 * `en` carry both so an institution can show either.
 * @example { id: "screenshare-after-stranger-call", text: "Screen sharing began ...", zh: "...", en: "..." }
 */
export const DecisionReasonSchema = z.object({
  id: z.string(),
  text: z.string(),
  zh: z.string(),
  en: z.string(),
});
export type DecisionReason = z.infer<typeof DecisionReasonSchema>;

/**
 * The guard's answer to one event (and to a transfer screen).
 * @example { decision: "hold", risk: "critical", stage: "money", reasons: [...], advice: [{ id: "call-110", text: "..." }] }
 */
export const SessionDecisionSchema = z.object({
  decision: DecisionActionSchema,
  risk: RiskLevelSchema,
  stage: StageSchema.nullable(),
  reasons: z.array(DecisionReasonSchema),
  advice: z.array(AdviceSchema),
});
export type SessionDecision = z.infer<typeof SessionDecisionSchema>;

/** Session ids are chosen by the institution: 8–128 url-safe characters. */
export const SessionIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,128}$/, "expected 8-128 characters of A-Z a-z 0-9 _ -");

/** Path of the session routes. */
export const SessionParamsSchema = z.strictObject({ id: SessionIdSchema });

/**
 * Query of `POST /v1/sessions/{id}/events`: `subject` names the protected person (guardians are registered
 * for it; the first event that names one binds it), `lang` the language of reasons' `text` and advice.
 * @example { subject: "cust-000123", lang: "en" }
 */
export const SessionEventQuerySchema = z.strictObject({
  subject: z.string().regex(/^[A-Za-z0-9_.:@+-]{3,128}$/, "expected 3-128 characters of A-Z a-z 0-9 _ . : @ + -").optional(),
  lang: z.enum(["zh", "en"]).optional(),
});
export type SessionEventQuery = z.infer<typeof SessionEventQuerySchema>;

/** Query of `GET /v1/sessions/{id}`. */
export const SessionViewQuerySchema = z.strictObject({ lang: z.enum(["zh", "en"]).optional() });

/** Response of `POST /v1/sessions/{id}/events`. */
export const SessionEventResponseSchema = z.object({
  sessionId: z.string(),
  seq: z.number().int().nonnegative(),
  decision: SessionDecisionSchema,
});
export type SessionEventResponse = z.infer<typeof SessionEventResponseSchema>;

/** Response of `GET /v1/sessions/{id}`: the current decision and the event count. */
export const SessionViewSchema = z.object({
  sessionId: z.string(),
  events: z.number().int().nonnegative(),
  startedAt: z.string().nullable(),
  lastAt: z.string().nullable(),
  decision: SessionDecisionSchema,
  /** Facts the guard has established, each with the time it was last seen. */
  facts: z.record(z.string(), z.string()),
});
export type SessionView = z.infer<typeof SessionViewSchema>;

/** A sentence in both languages of the product. */
export const BilingualTextSchema = z.strictObject({ zh: z.string().min(1), en: z.string().min(1) });

/**
 * A kill-chain rule condition, a closed vocabulary (rules are data, not code):
 * `event` — the current event's type is one of these; `fact` — the fact was established within
 * `within` minutes of the current event (ever, without `within`); `now` — the fact was derived from the
 * current event; `active` — a call or a screen share is going on; `all` / `any` / `not` combine.
 * @example { all: [{ event: "screenshare.started" }, { fact: "call.untrusted", within: 30 }] }
 */
export type KillchainCondition =
  | { all: KillchainCondition[] }
  | { any: KillchainCondition[] }
  | { not: KillchainCondition }
  | { event: string | string[] }
  | { fact: string; within?: number }
  | { now: string }
  | { active: "call" | "screenshare" };
export const KillchainConditionSchema: z.ZodType<KillchainCondition> = z.lazy(() =>
  z.union([
    z.strictObject({ all: z.array(KillchainConditionSchema).min(1) }),
    z.strictObject({ any: z.array(KillchainConditionSchema).min(1) }),
    z.strictObject({ not: KillchainConditionSchema }),
    z.strictObject({ event: z.union([z.string(), z.array(z.string()).min(1)]) }),
    z.strictObject({ fact: z.string(), within: z.number().nonnegative().optional() }),
    z.strictObject({ now: z.string() }),
    z.strictObject({ active: z.enum(["call", "screenshare"]) }),
  ]),
);

/**
 * One kill-chain rule: when the condition holds at an event, the guard answers at least `action`, for
 * the reason given (`{institution}` is replaced by the name the caller claimed).
 * @example { id: "otp-while-sharing", when: { all: [{ event: "otp.received" }, { active: "screenshare" }] },
 *            action: "hold", stage: "harvest", reason: { zh: "...", en: "..." }, advice: ["stop-screen-share"] }
 */
export const KillchainRuleSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  when: KillchainConditionSchema,
  action: DecisionActionSchema,
  stage: StageSchema.nullable(),
  reason: BilingualTextSchema,
  advice: z.array(z.string()),
});
export type KillchainRule = z.infer<typeof KillchainRuleSchema>;

/** The rule file: thresholds (minutes, major currency units) and the rules, evaluated in file order. */
export const KillchainRuleFileSchema = z.strictObject({
  $comment: z.string().optional(),
  version: z.literal(1),
  settings: z.strictObject({
    /** How long an escalated decision stays in force after its last trigger, minutes. */
    stickyMinutes: z.number().positive(),
    /** A "round" sum is a multiple of this. */
    roundUnit: z.number().positive(),
    /** A transfer at or above this is "large". */
    largeAmount: z.number().positive(),
    /** `count` transfers (this one included) within `minutes` is a burst. */
    burst: z.strictObject({ minutes: z.number().positive(), count: z.number().int().min(2) }),
    /** Integer amounts in [min, max] that are not multiples of 100 read like a 6-digit code. */
    codeLike: z.strictObject({ min: z.number().int(), max: z.number().int() }),
    /** Short official numbers trusted when no directory function is injected. */
    fallbackOfficialNumbers: z.array(z.string()),
    /** Display-name fragments that claim an institution, used when no directory function is injected. */
    fallbackInstitutionNames: z.array(z.string()),
  }),
  rules: z.array(KillchainRuleSchema).min(1),
});
export type KillchainRuleFile = z.infer<typeof KillchainRuleFileSchema>;

/**
 * A replay fixture (`packages/detect/data/replays/*.json`): a scam or benign story as session events and
 * what the guard must answer. Scams: some decision strictly before the first transfer in
 * `beforeFirstTransfer` (when given), every transfer's decision in `atTransfer`, the rules in `mustFire`
 * fire at some point. Benign: every decision is `allow`.
 */
export const ReplayFixtureSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  seed: z.string().nullable(),
  title: BilingualTextSchema,
  expect: z.strictObject({
    kind: z.enum(["scam", "benign"]),
    beforeFirstTransfer: z.array(DecisionActionSchema).optional(),
    atTransfer: z.array(DecisionActionSchema).optional(),
    mustFire: z.array(z.string()).optional(),
  }),
  /** Reputation answers to inject, keyed `kind:value` (value without spaces or dashes, lower case). */
  reputation: z.record(z.string(), z.enum(["official", "clean", "unknown", "suspicious", "scam"])).optional(),
  events: z.array(SessionEventSchema).min(1),
});
export type ReplayFixture = z.infer<typeof ReplayFixtureSchema>;
