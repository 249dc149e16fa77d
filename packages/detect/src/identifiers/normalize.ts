/**
 * One key per identifier: what reports are stored under and lookups are answered by. Used by the server
 * for reports and lookups, and by extraction, so both agree byte for byte.
 */
import type { IdentifierKind } from "@scamguard/contracts";
import { toUnicode } from "punycode/punycode.es6.js";
import { parse as parseDomain } from "tldts";
import { findKnownApp } from "./apps.js";
import { dropInvisible, foldText } from "./fold.js";
import { normalizePhone, phoneHint } from "./phone.js";

/** Success carries the key; failure a message naming the field, as the API answers it. */
export type NormalizeResult = { ok: true; normalized: string } | { ok: false; error: string };

const EMAIL = /^[^\s@]{1,64}@([^\s@]+\.[^\s@]+)$/;
const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;

const fail = (what: string, value: string, hint?: string): NormalizeResult => {
  const shown = value.length > 60 ? `${value.slice(0, 57)}...` : value;
  return { ok: false, error: `value: not ${what} (${JSON.stringify(shown)})${hint ? `; ${hint}` : ""}` };
};

/**
 * Normalise an identifier of any kind:
 * phone → E.164 (`+8613800138000`; short service numbers as digits, `95588`); email → lower case with an
 * ASCII host; url → canonical URL (lower-case punycode host, no fragment, default port dropped);
 * domain → registrable domain (`www.jr.jd.com` → `jd.com`); bank_account and meeting_id → digits;
 * app → known app id (`todesk`) or the folded name; display_name → width/case folded.
 * @example normalizeIdentifier("phone", "+86 138 0013 8000") // { ok: true, normalized: "+8613800138000" }
 * @example normalizeIdentifier("phone", "abc") // { ok: false, error: 'value: not a phone number ("abc")' }
 */
export function normalizeIdentifier(kind: IdentifierKind, value: string): NormalizeResult {
  const v = value.normalize("NFKC").trim();
  switch (kind) {
    case "phone": {
      const phone = normalizePhone(v);
      return phone ? { ok: true, normalized: phone.normalized } : fail("a phone number", value, phoneHint(v));
    }
    case "email": {
      const address = v.replace(/^mailto:/i, "");
      const m = EMAIL.exec(address);
      const host = m?.[1] ? hostToAscii(m[1]) : undefined;
      if (!host?.includes(".")) return fail("an e-mail address", value);
      return { ok: true, normalized: `${address.slice(0, address.lastIndexOf("@")).toLowerCase()}@${host}` };
    }
    case "url": {
      const url = canonicalUrl(v);
      return url ? { ok: true, normalized: url } : fail("a URL", value);
    }
    case "domain": {
      const domain = registrableDomain(v);
      return domain ? { ok: true, normalized: domain } : fail("a domain", value);
    }
    case "bank_account": {
      const digits = v.replace(/[\s-]/g, "");
      return /^\d{8,30}$/.test(digits) ? { ok: true, normalized: digits } : fail("a bank account number", value);
    }
    case "meeting_id": {
      const digits = v.replace(/[\s-]/g, "");
      return /^\d{6,13}$/.test(digits) ? { ok: true, normalized: digits } : fail("a meeting ID", value);
    }
    case "app": {
      const folded = foldText(v);
      if (!folded) return fail("an app name", value);
      return { ok: true, normalized: findKnownApp(folded)?.id ?? folded };
    }
    case "display_name": {
      const folded = foldText(v);
      return folded ? { ok: true, normalized: folded } : fail("a display name", value);
    }
  }
}

/**
 * A host in lower-case ASCII (punycode) form, or undefined if it cannot be one.
 * @example hostToAscii("京东.com") // "xn--...com"
 */
export function hostToAscii(host: string): string | undefined {
  try {
    const h = new URL(`http://${host.replace(/\.$/, "")}`).hostname;
    return h.length > 0 && h.length <= 253 ? h : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Punycode labels shown in Unicode (`xn--jd-...` → what a person sees), for display and skeletons.
 * @example hostToUnicode("xn--fiqs8s.com") // "中国.com"
 */
export function hostToUnicode(asciiHost: string): string {
  return asciiHost.includes("xn--") ? asciiHost.split(".").map((l) => (l.startsWith("xn--") ? safeToUnicode(l) : l)).join(".") : asciiHost;
}

function safeToUnicode(label: string): string {
  try {
    return toUnicode(label);
  } catch {
    return label;
  }
}

/**
 * Canonical form of a URL, or undefined: scheme added when missing (`http://`), host lower-case ASCII,
 * default port and fragment dropped; only http(s).
 * @example canonicalUrl("HTTPS://WWW.JD.COM:443/a#x") // "https://www.jd.com/a"
 */
export function canonicalUrl(value: string): string | undefined {
  // A bidi control inside the host makes the URL parser throw; a zero-width one it drops: drop both alike.
  const text = dropInvisible(value).trim();
  try {
    const url = new URL(HAS_SCHEME.test(text) ? text : `http://${text}`);
    if (url.protocol !== "http:" && url.protocol !== "https:") return undefined;
    if (!url.hostname.includes(".") && !url.hostname.startsWith("[")) return undefined;
    url.hash = "";
    return url.href;
  } catch {
    return undefined;
  }
}

/**
 * The registrable domain of a host, URL or e-mail (public suffix list incl. private suffixes, so
 * `foo.blogspot.com` stays itself), lower-case ASCII; IP hosts are returned as they are.
 * @example registrableDomain("https://www.jr.JD.com/x") // "jd.com"
 */
export function registrableDomain(value: string): string | undefined {
  const text = value.trim().replace(/^[^@\s]*@/, "");
  const host = HAS_SCHEME.test(text) ? urlHost(text) : hostToAscii(text.split(/[/?#]/, 1)[0] ?? "");
  if (!host) return undefined;
  const parsed = parseDomain(host, { allowPrivateDomains: true });
  if (parsed.isIp) return parsed.hostname ?? undefined;
  if (!parsed.domain || !(parsed.isIcann || parsed.isPrivate)) return undefined;
  return parsed.domain;
}

function urlHost(text: string): string | undefined {
  try {
    return new URL(text).hostname || undefined;
  } catch {
    return undefined;
  }
}
