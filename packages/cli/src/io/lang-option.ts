/** `--lang` as the API reads `lang`: zh, en or auto, also as a locale says it (zh-CN, en-US, cn). */
import { RequestLangSchema } from "@scamguard/contracts";

/**
 * The canonical language for a --lang value the API would accept; anything else is handed on unchanged, for
 * the command to refuse with the list ("--lang: expected zh, en or auto, got \"fr\"").
 * @example readLang("zh-CN") // "zh"
 */
export function readLang(value: string): string {
  const parsed = RequestLangSchema.safeParse(value);
  return parsed.success ? parsed.data : value;
}
