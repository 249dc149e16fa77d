/** The official directory over HTTP: `GET /v1/directory?q=` and `POST /v1/directory/verify`. */
import { z } from "zod";
import { aliasedEnum } from "./aliased-enum.js";
import { RequestLangSchema } from "./analyze.js";
import { DirectoryEntrySchema, VerifyResultSchema } from "./directory.js";
import { IdentifierInputSchema } from "./identifiers.js";

/**
 * Query of `GET /v1/directory`: a name, alias, product, number or domain, in zh or en; without `q`,
 * every institution.
 * @example { q: "微粒贷" }
 */
export const DirectorySearchQuerySchema = z.object({ q: z.string().trim().max(200, "at most 200 characters").optional() });
export type DirectorySearchQuery = z.infer<typeof DirectorySearchQuerySchema>;

/** @example { items: [{ id: "webank", name: { zh: "微众银行", en: "WeBank" }, numbers: ["95384"], ... }] } */
export const DirectorySearchResponseSchema = z.object({ items: z.array(DirectoryEntrySchema) });
export type DirectorySearchResponse = z.infer<typeof DirectorySearchResponseSchema>;

/**
 * How the contact reached the person. FaceTime and iMessage callers are identified by a phone number or
 * an Apple ID, and no institution uses them: any claim over them is a mismatch.
 * @example ContactChannelSchema.parse("facetime")
 */
export const ContactChannelSchema = z.enum(["phone", "sms", "facetime", "imessage", "voip", "chat", "email", "web"]);
export type ContactChannel = z.infer<typeof ContactChannelSchema>;

/**
 * A contact channel as a request may spell it: also the report and contacts APIs' names (`phone_call`,
 * `app_chat`) and plain words (`call`, `text`, `wechat`), read as the channel they mean.
 * @example ContactChannelInputSchema.parse("phone_call") // "phone"
 */
export const ContactChannelInputSchema = aliasedEnum(ContactChannelSchema.options, {
  phone_call: "phone",
  call: "phone",
  text: "sms",
  app_chat: "chat",
  wechat: "chat",
  "e-mail": "email",
});

/**
 * Body of `POST /v1/directory/verify`: who the caller claims to be, the contact they used and, if known,
 * the channel; `lang` picks the language of the reasons (zh, en; auto or absent: the claim's language, so
 * "京东客服" is answered in Chinese).
 * @example { claimed: "京东客服", contact: { kind: "email", value: "jd-kefu@icloud.com" }, channel: "facetime" }
 */
export const VerifyRequestSchema = z.object({
  claimed: z.string().trim().min(1, "must not be empty").max(200, "at most 200 characters"),
  contact: IdentifierInputSchema,
  channel: ContactChannelInputSchema.optional(),
  lang: RequestLangSchema.optional(),
});
export type VerifyRequest = z.infer<typeof VerifyRequestSchema>;

/**
 * `match`: the contact is an official one of the claimed institution; `mismatch`: it is not (a FaceTime
 * or e-mail caller claiming an institution always is); `unknown`: the claim names no known institution.
 * `callBack` lists the official numbers to call back yourself.
 * @example { result: "mismatch", institution: { id: "jd", ... }, callBack: ["950618"],
 *   reasons: ["950618 is JD.com's official number; +8613800138000 is not"] }
 */
export const VerifyResponseSchema = z.object({
  result: VerifyResultSchema,
  institution: DirectoryEntrySchema.nullable(),
  callBack: z.array(z.string()),
  reasons: z.array(z.string()),
});
export type VerifyResponse = z.infer<typeof VerifyResponseSchema>;
