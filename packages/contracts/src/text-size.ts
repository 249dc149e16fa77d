/** Size limits counted as the wire counts them: UTF-8 bytes, not UTF-16 code units. */
import { z } from "zod";

/**
 * UTF-8 length of a string without allocating it (works in browsers too, no Buffer).
 * @example utf8ByteLength("京东") // 6
 */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * A string of at most `maxBytes` UTF-8 bytes; `label` names it in the message ("text: at most 1 MiB (UTF-8 bytes)").
 * The character check first is free and rejects most oversized values (a character is at least one byte).
 * @example boundedText(1_048_576, "text: at most 1 MiB (UTF-8 bytes)")
 */
export const boundedText = (maxBytes: number, message: string) =>
  z
    .string()
    .max(maxBytes, { message, abort: true })
    .refine((text) => text.length * 3 <= maxBytes || utf8ByteLength(text) <= maxBytes, message);
