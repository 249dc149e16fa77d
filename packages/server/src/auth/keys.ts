/**
 * The API key format: `sg_live_` + 32 random bytes in base64url (256 bits of entropy), so a hash is
 * all the database needs (no slow KDF: nothing to brute-force), and a leaked key is recognisable by
 * secret scanners from its prefix.
 */
import { createHash, randomBytes } from "node:crypto";

export const KEY_PREFIX = "sg_live_";
const KEY_PATTERN = /^sg_live_[A-Za-z0-9_-]{43}$/;
/** Characters of the key kept in clear for lists (`sg_live_` + 4). */
export const VISIBLE_PREFIX_LENGTH = KEY_PREFIX.length + 4;

export const generateKey = (): string => `${KEY_PREFIX}${randomBytes(32).toString("base64url")}`;
export const hashKey = (key: string): string => createHash("sha256").update(key).digest("hex");
export const isWellFormedKey = (key: string): boolean => KEY_PATTERN.test(key);
export const newKeyId = (): string => `k_${randomBytes(10).toString("hex")}`;
