/** API keys and roles: who may call which route. */
import { z } from "zod";

/**
 * Roles, from least to most trusted. `reporter`: people and apps filing reports; `institution`:
 * banks, telecoms, platforms (batch lookups, sessions, transfer screening); `analyst`: anti-fraud
 * centre staff (all reports, cases); `admin`: key management.
 * @example RoleSchema.parse("analyst") // "analyst"
 */
export const ROLES = ["reporter", "institution", "analyst", "admin"] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

/**
 * A directory id (`jd`, `icbc`, `webank`: the `id` of an entry of the official directory).
 * @example InstitutionIdSchema.parse("jd") // "jd"
 */
export const InstitutionIdSchema = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9-]*$/, "expected a directory id such as jd, icbc or webank (lower case, digits, hyphens)");

/**
 * Request of `POST /v1/admin/keys`. `institution` binds an institution key to one directory entry: only
 * a bound key acts in that institution's name (declared outbound contacts, freeze requests addressed to it).
 * @example { role: "institution", institution: "icbc", label: "ICBC fraud desk" }
 */
export const CreateKeyRequestSchema = z.object({
  role: RoleSchema,
  label: z.string().trim().min(1).max(200).optional(),
  institution: InstitutionIdSchema.optional(),
});
export type CreateKeyRequest = z.infer<typeof CreateKeyRequestSchema>;

/**
 * An API key as listed: never the secret itself, only its public id and prefix.
 * @example { id: "k_3f9a…", role: "analyst", label: null, prefix: "sg_live_AbC1", createdAt: "…", revokedAt: null }
 */
export const ApiKeyInfoSchema = z.object({
  id: z.string(),
  role: RoleSchema,
  label: z.string().nullable(),
  /** Directory id the key is bound to (institution keys only), or null. */
  institution: z.string().nullable(),
  /** The first characters of the key, to recognise it in a list. */
  prefix: z.string(),
  createdAt: z.iso.datetime(),
  revokedAt: z.iso.datetime().nullable(),
});
export type ApiKeyInfo = z.infer<typeof ApiKeyInfoSchema>;

/**
 * Response of `POST /v1/admin/keys`: the secret is shown this once and stored only as a hash.
 * @example { key: "sg_live_…", info: { id: "…", role: "analyst", … } }
 */
export const CreateKeyResponseSchema = z.object({ key: z.string(), info: ApiKeyInfoSchema });
export type CreateKeyResponse = z.infer<typeof CreateKeyResponseSchema>;

/** @example { items: [ … ], nextCursor: null } */
export const ApiKeyListSchema = z.object({ items: z.array(ApiKeyInfoSchema), nextCursor: z.string().nullable() });
export type ApiKeyList = z.infer<typeof ApiKeyListSchema>;
