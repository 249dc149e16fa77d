/**
 * The characters a message may carry that no reader sees: zero-width characters, bidi controls (LRM, embeddings,
 * isolates), soft hyphen, BOM, the combining keycap. One list for the text normaliser (text/char-tables.ts) and for
 * identifiers (identifiers/fold.ts), so a link or a name sprinkled with them reads as the same link or name.
 */
export const INVISIBLE_CODES: readonly number[] = [
  0x200b, 0x200c, 0x200d, 0x200e, 0x200f, 0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0xfeff, 0x00ad, 0x180e, 0x034f, 0x061c, 0x202a, 0x202b,
  0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069, 0x20e3,
];

/** Matches any of {@link INVISIBLE_CODES}. @example "app\u202aleid.com".replace(INVISIBLE_RE, "") // "appleid.com" */
export const INVISIBLE_RE = new RegExp(`[${INVISIBLE_CODES.map((c) => `\\u${c.toString(16).padStart(4, "0")}`).join("")}]`, "g");
