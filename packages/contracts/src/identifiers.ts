/** Identifiers as the API carries them: what a person typed, and what scamguard keys it by. */
import { z } from "zod";
import { IdentifierKindSchema } from "./taxonomy.js";

/** Longest identifier value accepted (URLs are the long ones). */
export const MAX_IDENTIFIER_CHARS = 2048;

/**
 * An identifier as given by a caller: a kind and the raw value. The server normalises it
 * (phone → E.164, short service numbers such as 95588 kept as written; e-mail lower-cased; domains
 * lower-cased without `www.`), and answers 422 naming the field when it cannot.
 * @example IdentifierInputSchema.parse({ kind: "phone", value: "138 0013 8000" })
 */
export const IdentifierInputSchema = z.object({
  kind: IdentifierKindSchema,
  value: z.string().trim().min(1, "must not be empty").max(MAX_IDENTIFIER_CHARS, `at most ${MAX_IDENTIFIER_CHARS} characters`),
});
export type IdentifierInput = z.infer<typeof IdentifierInputSchema>;

/**
 * An identifier after normalisation: `normalized` is the key scamguard stores and looks up by.
 * @example { kind: "phone", value: "138 0013 8000", normalized: "+8613800138000" }
 */
export const NormalizedIdentifierSchema = z.object({
  kind: IdentifierKindSchema,
  value: z.string(),
  normalized: z.string(),
});
export type NormalizedIdentifier = z.infer<typeof NormalizedIdentifierSchema>;
