/** The official directory: institutions, their real contacts, and what they never do. */
import { z } from "zod";

/**
 * One institution. `numbers` are the official service numbers (short codes like 95588 kept as written);
 * `policy` lists what the institution never does, each a stable id (`never_facetime`, `never_asks_codes`,
 * `never_safe_account`, `never_screen_share`, `never_cancels_credit_by_phone`); the web page words each one (a test checks).
 * @example { id: "webank", kind: "bank", name: { zh: "微众银行", en: "WeBank" }, aliases: ["微粒贷"], numbers: ["95384"], ... }
 */
export const DirectoryEntrySchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  kind: z.enum(["police", "regulator", "bank", "payment", "ecommerce", "social", "telecom", "loan", "logistics", "hotline", "tech", "other"]),
  name: z.object({ zh: z.string(), en: z.string() }),
  aliases: z.array(z.string()),
  products: z.array(z.string()),
  numbers: z.array(z.string()),
  domains: z.array(z.string()),
  apps: z.array(z.string()),
  policy: z.array(z.string()),
});
export type DirectoryEntry = z.infer<typeof DirectoryEntrySchema>;

/** Result of checking a claimed identity against a contact. */
export const VerifyResultSchema = z.enum(["match", "mismatch", "unknown"]);
export type VerifyResult = z.infer<typeof VerifyResultSchema>;
