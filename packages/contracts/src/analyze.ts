/** Request and response of `POST /v1/analyze`. */
import { z } from "zod";
import { aliasedEnum } from "./aliased-enum.js";
import { LangSchema } from "./taxonomy.js";
import { FoundIdentifierSchema } from "./lookup.js";
import { VerdictSchema } from "./verdict.js";
import { boundedText } from "./text-size.js";

/** Largest text accepted over HTTP (the engine itself analyses at most MAX_ANALYZED_CHARS of it). */
export const MAX_TEXT_BYTES = 1_048_576;

/**
 * The reply language a request may ask for: zh, en or auto, also as a browser's locale says it (`zh-CN`,
 * `en-US`), read as the language it names.
 * @example RequestLangSchema.parse("zh-CN") // "zh"
 */
export const RequestLangSchema = aliasedEnum([...LangSchema.options, "auto"], {
  "zh-CN": "zh",
  "zh-cn": "zh",
  "zh-Hans": "zh",
  "zh-TW": "zh",
  "zh-HK": "zh",
  cn: "zh",
  "en-US": "en",
  "en-us": "en",
  "en-GB": "en",
  "en-gb": "en",
});

/**
 * @example { text: "您好，我是京东客服，您的学生账户需要注销", lang: "zh" }
 */
export const AnalyzeRequestSchema = z.object({
  // A blank text is a client mistake, not a text that is safe: a 200 "low risk" would read as a verdict.
  text: boundedText(MAX_TEXT_BYTES, "text: at most 1 MiB (UTF-8 bytes)").refine(
    (text) => text.trim() !== "",
    "text: empty; send the message, call transcript, number or link to check",
  ),
  lang: RequestLangSchema.optional(),
});
export type AnalyzeRequest = z.infer<typeof AnalyzeRequestSchema>;

/**
 * The engine's verdict, plus every identifier found in the analysed text (phones, e-mails/Apple IDs, bank
 * accounts, URLs/domains, meeting IDs, apps) with its reputation lookup, in order of position.
 * @example { verdict: { risk: "high", ... }, identifiers: [{ kind: "phone", value: "95588", normalized: "95588",
 *   start: 12, end: 17, lookup: { verdict: "official", ... } }] }
 */
export const AnalyzeResponseSchema = z.object({ verdict: VerdictSchema, identifiers: z.array(FoundIdentifierSchema) });
export type AnalyzeResponse = z.infer<typeof AnalyzeResponseSchema>;
