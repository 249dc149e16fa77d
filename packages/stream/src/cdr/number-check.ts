/**
 * Is the caller a phone number, and under which key? Canonical E.164 (`+` and 7–15 digits, the form
 * switches write) passes a character loop and is its own key; anything else goes once per distinct
 * string through the same normaliser lookups and reports use (libphonenumber, ~20 µs — never per row),
 * and the answer is cached.
 */
import { normalizeIdentifier } from "@scamguard/detect";

/** Cached non-canonical spellings before the cache is emptied (bounded memory on hostile input). */
const CACHE_LIMIT = 200_000;

/** `+` then 7 to 15 digits, the first not 0. @example isCanonicalE164("+8613800138000") // true */
export function isCanonicalE164(s: string): boolean {
  const n = s.length;
  if (n < 8 || n > 16 || s.charCodeAt(0) !== 43) return false;
  const first = s.charCodeAt(1);
  if (first < 49 || first > 57) return false;
  for (let i = 2; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

export class NumberCheck {
  private readonly cache = new Map<string, string | null>();

  /** The lookup key of a phone number (E.164 or a short service number), or null when it is not one. */
  key(raw: string): string | null {
    if (isCanonicalE164(raw)) return raw;
    const hit = this.cache.get(raw);
    if (hit !== undefined) return hit;
    const result = normalizeIdentifier("phone", raw);
    const key = result.ok ? result.normalized : null;
    if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
    this.cache.set(raw, key);
    return key;
  }
}
