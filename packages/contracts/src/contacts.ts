/**
 * "Is it really them, right now?": institutions declare their live outbound contacts
 * (`POST /v1/contacts/outbound`, bound institution keys) and anyone checks one in one step
 * (`POST /v1/contacts/verify`). Only a hash of the person contacted is ever sent or stored, and it expires.
 */
import { z } from "zod";
import { aliasedEnum } from "./aliased-enum.js";
import { LangSchema } from "./taxonomy.js";

/** Most declarations one `POST /v1/contacts/outbound` may carry. */
export const MAX_OUTBOUND_BATCH = 1000;
/** Lifetime of a declaration when `ttlSeconds` is not given: half an hour. */
export const DEFAULT_OUTBOUND_TTL_SECONDS = 1800;
/** Longest a declaration may live: a day. */
export const MAX_OUTBOUND_TTL_SECONDS = 86_400;

/**
 * How the institution reaches the person. `facetime` and `video` are listed so that an institution that
 * really uses them can say so; any contact over a channel the institution did not declare is `not_verified`.
 * @example OutboundChannelSchema.parse("phone")
 */
export const OutboundChannelSchema = z.enum(["phone", "sms", "facetime", "video", "app_chat"]);
export type OutboundChannel = z.infer<typeof OutboundChannelSchema>;

/**
 * An outbound channel as a request may spell it: also a report's names (`phone_call`, `video_call`, `chat`)
 * and the plain words (`call`, `text`, `wechat`), read as the channel they mean.
 * @example OutboundChannelInputSchema.parse("phone_call") // "phone"
 */
export const OutboundChannelInputSchema = aliasedEnum(OutboundChannelSchema.options, {
  phone_call: "phone",
  call: "phone",
  text: "sms",
  video_call: "video",
  chat: "app_chat",
  wechat: "app_chat",
});

/**
 * Hex SHA-256 (64 lower-case characters) of `phone:<E.164>` or `email:<address>` of the person contacted,
 * as `contactHash` of @scamguard/detect computes it. Upper case is accepted and lowered.
 * @example ContactHashSchema.parse("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")
 */
export const ContactHashSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[0-9a-f]{64}$/, 'expected the hex SHA-256 (64 characters) of "phone:<E.164>" or "email:<address>"');

/**
 * The number or ID the person will see (a phone or short service number, an Apple ID / e-mail, an app
 * account ID).
 */
export const ContactFromSchema = z.string().trim().min(1, "must not be empty").max(200, "at most 200 characters");

/**
 * One declared outbound contact.
 * @example { channel: "phone", from: "950618", toHash: "3b1f…", purpose: "repayment reminder", ttlSeconds: 1800 }
 */
export const OutboundContactSchema = z.strictObject({
  channel: OutboundChannelInputSchema,
  from: ContactFromSchema,
  toHash: ContactHashSchema,
  /** Why the institution calls, shown to the person when the contact verifies (no personal data here). */
  purpose: z.string().trim().min(1).max(200).optional(),
  /** The institution's own reference for the agent (kept for its audit, never shown to the person). */
  agentRef: z.string().trim().min(1).max(100).optional(),
  ttlSeconds: z.number().int().min(1).max(MAX_OUTBOUND_TTL_SECONDS, `at most ${MAX_OUTBOUND_TTL_SECONDS} (a day)`).optional(),
});
export type OutboundContact = z.infer<typeof OutboundContactSchema>;

/**
 * Body of `POST /v1/contacts/outbound`: one declaration, or `{ items: [...] }` with up to 1,000.
 * @example { items: [{ channel: "phone", from: "950618", toHash: "3b1f…" }] }
 */
export const DeclareOutboundRequestSchema = z.union([
  OutboundContactSchema,
  z.strictObject({
    items: z.array(OutboundContactSchema).min(1, "at least 1 item").max(MAX_OUTBOUND_BATCH, `at most ${MAX_OUTBOUND_BATCH} items`),
  }),
]);
export type DeclareOutboundRequest = z.infer<typeof DeclareOutboundRequestSchema>;

/**
 * One declaration as stored: never the hash of the person.
 * @example { id: "oc_5f2c…", institution: "jd", channel: "phone", from: "950618", expiresAt: "…" }
 */
export const DeclaredContactSchema = z.object({
  id: z.string(),
  institution: z.string(),
  channel: OutboundChannelSchema,
  /** `from` normalised (`+8613800000001`, `950618`, `kefu@jd.com`). */
  from: z.string(),
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  endedAt: z.iso.datetime().nullable(),
});
export type DeclaredContact = z.infer<typeof DeclaredContactSchema>;

/** Answer of `POST /v1/contacts/outbound`, in request order. @example { items: [{ id: "oc_…", … }] } */
export const DeclareOutboundResponseSchema = z.object({ items: z.array(DeclaredContactSchema) });
export type DeclareOutboundResponse = z.infer<typeof DeclareOutboundResponseSchema>;

/**
 * Body of `POST /v1/contacts/verify`: who the caller says they are (a directory id, or the name as they
 * said it: "京东金融客服"), how and from what they reached you, and the hash of your own number or address.
 * @example { institution: "京东金融客服", channel: "phone", from: "950618", toHash: "3b1f…" }
 */
export const VerifyContactRequestSchema = z.strictObject({
  institution: z.string().trim().min(1, "must not be empty").max(200, "at most 200 characters"),
  channel: OutboundChannelInputSchema,
  from: ContactFromSchema,
  toHash: ContactHashSchema,
  /** Language of `advice`/`reasons` listed first (both languages are always present). */
  lang: LangSchema.optional(),
});
export type VerifyContactRequest = z.infer<typeof VerifyContactRequestSchema>;

/**
 * `verified`: the institution declared a live contact to you from this `from` on this channel;
 * `not_verified`: it takes part and declared no such contact — treat the caller as an impostor, hang up
 * and call the official number; `not_participating`: it does not declare its contacts (or the name is no
 * institution of the directory), so only the directory's verdict on `from` is known.
 */
export const ContactVerificationSchema = z.enum(["verified", "not_verified", "not_participating"]);
export type ContactVerification = z.infer<typeof ContactVerificationSchema>;

/** The directory's verdict on `from` for the claimed institution: its official contact, not it, or no such institution. */
export const DirectoryVerdictSchema = z.enum(["official", "mismatch", "unknown"]);
export type DirectoryVerdict = z.infer<typeof DirectoryVerdictSchema>;

/** Both languages, always. @example { zh: ["…"], en: ["…"] } */
export const BilingualListSchema = z.object({ zh: z.array(z.string()), en: z.array(z.string()) });

/**
 * Answer of `POST /v1/contacts/verify`: the same shape whatever the result, and nothing about any other
 * contact. `purpose` is the declared purpose, only when `verified`.
 * @example { result: "not_verified", institution: { id: "jd", name: { zh: "京东", en: "JD.com" } }, directory: "mismatch",
 *   callBack: ["950618"], purpose: null, reasons: { zh: ["…"], en: ["…"] }, advice: { zh: ["…"], en: ["…"] } }
 */
export const VerifyContactResponseSchema = z.object({
  result: ContactVerificationSchema,
  institution: z.object({ id: z.string(), name: z.object({ zh: z.string(), en: z.string() }) }).nullable(),
  directory: DirectoryVerdictSchema,
  callBack: z.array(z.string()),
  purpose: z.string().nullable(),
  reasons: BilingualListSchema,
  advice: BilingualListSchema,
});
export type VerifyContactResponse = z.infer<typeof VerifyContactResponseSchema>;
