/**
 * What a failed call says to a person, in the page's language: the failures a person can fix themselves
 * (a wrong or revoked key, a key of the wrong kind, too many tries, no connection) in their own words;
 * anything else is the server's message, which names the field and what is wrong with it.
 */
import type { MessageKey } from "../i18n/messages.js";
import { ApiError } from "./client.js";

const OWN_WORDS: Record<string, MessageKey> = {
  network: "error.network",
  unauthorized: "error.unauthorized",
  forbidden: "error.forbidden",
  rate_limited: "error.rateLimited",
};

/**
 * @example errorText(new ApiError(401, "unauthorized", "Authorization: invalid, unknown or revoked API key"), t)
 *   // "这个密钥无效、未知或已被吊销……" on the Chinese page
 */
export function errorText(caught: unknown, t: (key: MessageKey) => string): string {
  if (caught instanceof ApiError) {
    const key = OWN_WORDS[caught.code];
    return key ? t(key) : caught.message;
  }
  return caught instanceof Error ? caught.message : String(caught);
}
