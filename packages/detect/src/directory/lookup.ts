/**
 * The directory's lookups, built once at module load: institutions by id, official numbers, domains and
 * apps by their normalised key, and the mailbox providers whose addresses anyone can register.
 */
import type { DirectoryEntry, IdentifierKind } from "@scamguard/contracts";
import { foldText } from "../identifiers/fold.js";
import { normalizeIdentifier } from "../identifiers/normalize.js";
import { DIRECTORY } from "./data.js";

const BY_ID = new Map<string, DirectoryEntry>();
const BY_NUMBER = new Map<string, DirectoryEntry>();
const BY_DOMAIN = new Map<string, DirectoryEntry>();
const BY_APP = new Map<string, DirectoryEntry>();

/**
 * Mail providers where anyone can open an address (and so an Apple ID): an address there is never an
 * institution's, even when the provider itself is one (Apple's icloud.com, Tencent's qq.com).
 * @example PUBLIC_MAILBOX_DOMAINS.has("icloud.com") // true
 */
export const PUBLIC_MAILBOX_DOMAINS: ReadonlySet<string> = new Set([
  "icloud.com", "me.com", "mac.com", "qq.com", "foxmail.com", "vip.qq.com", "163.com", "126.com", "yeah.net",
  "vip.163.com", "188.com", "sina.com", "sina.cn", "sohu.com", "aliyun.com", "139.com", "189.cn", "wo.cn",
  "tom.com", "21cn.com", "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com", "msn.com",
  "yahoo.com", "ymail.com", "aol.com", "gmx.com", "mail.com", "proton.me", "protonmail.com", "zoho.com", "yandex.com",
]);

for (const entry of DIRECTORY) {
  BY_ID.set(entry.id, entry);
  for (const number of entry.numbers) {
    const key = normalizeIdentifier("phone", number);
    if (!key.ok) throw new Error(`directory.json: ${entry.id} number ${number}: ${key.error}`);
    if (!BY_NUMBER.has(key.normalized)) BY_NUMBER.set(key.normalized, entry);
  }
  for (const domain of entry.domains) {
    const key = normalizeIdentifier("domain", domain);
    if (!key.ok) throw new Error(`directory.json: ${entry.id} domain ${domain}: ${key.error}`);
    if (!BY_DOMAIN.has(key.normalized)) BY_DOMAIN.set(key.normalized, entry);
  }
  for (const app of entry.apps) if (!BY_APP.has(foldText(app))) BY_APP.set(foldText(app), entry);
}

/**
 * Every institution of the official directory, in file order.
 * @example listInstitutions().length > 40 // true
 */
export function listInstitutions(): readonly DirectoryEntry[] {
  return DIRECTORY;
}

/**
 * One institution by id.
 * @example getInstitution("webank")?.numbers // ["95384"]
 */
export function getInstitution(id: string): DirectoryEntry | undefined {
  return BY_ID.get(id);
}

/**
 * The institution that owns an already-normalised key (`normalizeIdentifier`'s output), or undefined.
 * E-mail addresses count at an institution's own domain only, never at a public mailbox provider.
 * @example institutionByKey("phone", "95588")?.id // "icbc"
 * @example institutionByKey("email", "random@icloud.com") // undefined
 */
export function institutionByKey(kind: IdentifierKind, normalized: string): DirectoryEntry | undefined {
  switch (kind) {
    case "phone":
      return BY_NUMBER.get(normalized);
    case "domain":
      return BY_DOMAIN.get(normalized);
    case "url":
    case "email": {
      const key = normalizeIdentifier("domain", normalized);
      if (!key.ok || (kind === "email" && isPublicMailbox(normalized))) return undefined;
      return BY_DOMAIN.get(key.normalized);
    }
    case "app":
      return BY_APP.get(normalized);
    default:
      return undefined;
  }
}

/**
 * The institution whose official contact `value` is (normalised first), or undefined.
 * @example officialContactOwner("phone", "+86 95588")?.id // "icbc"
 * @example officialContactOwner("url", "https://jr.jd.com/x")?.id // "jd"
 */
export function officialContactOwner(kind: IdentifierKind, value: string): DirectoryEntry | undefined {
  const key = kind === "app" ? { ok: true as const, normalized: foldText(value) } : normalizeIdentifier(kind, value);
  return key.ok ? institutionByKey(kind, key.normalized) : undefined;
}

/**
 * Whether `value` is an official contact of some institution in the directory (numbers, domains, URLs on
 * official domains, e-mail at an institution's own domain, official apps). Display names never are.
 * @example isOfficialContact("phone", "95588") // true
 * @example isOfficialContact("email", "jd-kefu@icloud.com") // false
 */
export function isOfficialContact(kind: IdentifierKind, value: string): boolean {
  return officialContactOwner(kind, value) !== undefined;
}

/**
 * Whether an e-mail address (or a bare domain) belongs to a provider where anyone can register.
 * @example isPublicMailbox("Random@iCloud.com") // true
 */
export function isPublicMailbox(emailOrDomain: string): boolean {
  const host = emailOrDomain.slice(emailOrDomain.lastIndexOf("@") + 1).trim().toLowerCase();
  return PUBLIC_MAILBOX_DOMAINS.has(host) || PUBLIC_MAILBOX_DOMAINS.has(host.split(".").slice(-2).join("."));
}

/**
 * Official numbers keyed by their normalised form, for callers that answer many lookups.
 * @example officialNumbers().get("950618")?.id // "jd"
 */
export function officialNumbers(): ReadonlyMap<string, DirectoryEntry> {
  return BY_NUMBER;
}

/**
 * Official registrable domains, for look-alike checks.
 * @example officialDomains().get("webank.com")?.id // "webank"
 */
export function officialDomains(): ReadonlyMap<string, DirectoryEntry> {
  return BY_DOMAIN;
}
