/**
 * Guardians, guardian alerts and institution webhooks. A guardian is someone a person trusts (a
 * relative, or the institution's own protection desk) who is told when the guard holds or blocks money.
 */
import { z } from "zod";
import { PageQuerySchema, pageSchema } from "./pagination.js";
import { DecisionActionSchema, DecisionReasonSchema } from "./sessions.js";
import { RiskLevelSchema, StageSchema } from "./taxonomy.js";

/**
 * The protected person as the institution knows them: an opaque reference (customer id, hashed phone).
 * Sessions and transfers name it in `subject` (sessions) or `payer.value` (transfers).
 */
export const SubjectSchema = z.string().regex(/^[A-Za-z0-9_.:@+-]{3,128}$/, "expected 3-128 characters of A-Z a-z 0-9 _ . : @ + -");

/**
 * `POST /v1/guardians`. An institution registers guardians for its own customers' subjects (they apply to
 * its own sessions and transfers); a person's app (reporter key) registers under its own namespace,
 * `<its key id>:<anything>`, and gives that subject to its bank, whose sessions then name it.
 * @example { subject: "cust-000123", name: "Zhang Wei (son)", contact: { kind: "phone", value: "+8613800000000" }, relation: "family" }
 */
export const RegisterGuardianRequestSchema = z.strictObject({
  subject: SubjectSchema,
  name: z.string().min(1).max(120),
  contact: z.strictObject({ kind: z.enum(["phone", "email"]), value: z.string().min(3).max(256) }),
  relation: z.enum(["family", "friend", "caregiver", "institution"]).default("family"),
});
export type RegisterGuardianRequest = z.infer<typeof RegisterGuardianRequestSchema>;

export const GuardianSchema = z.object({
  id: z.string(),
  subject: z.string(),
  name: z.string(),
  contact: z.object({ kind: z.enum(["phone", "email"]), value: z.string() }),
  relation: z.string(),
  createdAt: z.string(),
});
export type Guardian = z.infer<typeof GuardianSchema>;

/**
 * A guardian alert: the guard held or blocked money for `subject`.
 * @example { id: "01J...", subject: "cust-000123", guardianIds: ["g_..."], source: "session", sourceId: "sess-zhang-0001",
 *            decision: "hold", risk: "critical", stage: "money", reasons: [...], createdAt: "..." }
 */
export const GuardianAlertSchema = z.object({
  id: z.string(),
  /** Null when the source named no subject (the owner still sees the alert). */
  subject: z.string().nullable(),
  guardianIds: z.array(z.string()),
  source: z.enum(["session", "transfer"]),
  sourceId: z.string(),
  decision: DecisionActionSchema,
  risk: RiskLevelSchema,
  stage: StageSchema.nullable(),
  reasons: z.array(DecisionReasonSchema),
  createdAt: z.string(),
});
export type GuardianAlert = z.infer<typeof GuardianAlertSchema>;

/** `GET /v1/alerts` query: keyset pages (`limit`, `cursor`). */
export const AlertListQuerySchema = PageQuerySchema;
/** `GET /v1/alerts` answer: newest first. */
export const AlertListResponseSchema = pageSchema(GuardianAlertSchema);
export type AlertListResponse = z.infer<typeof AlertListResponseSchema>;

/**
 * `POST /v1/webhooks` (institutions): where guardian alerts are delivered, signed with HMAC-SHA256
 * (`x-scamguard-signature: t=<unix seconds>,v1=<hex hmac of "t.body">`). https only, except hosts on
 * the server's explicit allowlist.
 * @example { url: "https://bank.example.com/scamguard/alerts" }
 */
export const RegisterWebhookRequestSchema = z.strictObject({ url: z.url().max(2048) });
export type RegisterWebhookRequest = z.infer<typeof RegisterWebhookRequestSchema>;

/** The secret is shown once, at registration. */
export const WebhookSchema = z.object({ id: z.string(), url: z.string(), createdAt: z.string(), secret: z.string().optional() });
export type Webhook = z.infer<typeof WebhookSchema>;

/** `GET /v1/guardians` query. */
export const GuardianListQuerySchema = z.strictObject({ subject: SubjectSchema.optional() });
export const GuardianListResponseSchema = z.object({ items: z.array(GuardianSchema) });
export const WebhookListResponseSchema = z.object({ items: z.array(WebhookSchema) });
