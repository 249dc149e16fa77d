/** Directory search for people and the console: names, aliases, products, numbers and domains, zh and en. */
import type { DirectoryEntry } from "@scamguard/contracts";
import { foldKey } from "../identifiers/fold.js";
import { registrableDomain } from "../identifiers/normalize.js";
import { normalizePhone } from "../identifiers/phone.js";
import { DIRECTORY } from "./data.js";
import { institutionByKey } from "./lookup.js";

interface Searchable {
  entry: DirectoryEntry;
  names: string[];
}

const SEARCHABLE: Searchable[] = DIRECTORY.map((entry) => ({
  entry,
  names: [entry.id, entry.name.zh, entry.name.en, ...entry.aliases, ...entry.products, ...entry.apps, ...entry.domains].map(foldKey),
}));

/**
 * Institutions matching a query, best first: an exact name, alias, product, number or domain scores
 * highest, then prefixes, then substrings either way ("京东客服电话" finds JD). Case-, width- and
 * space-insensitive. An empty query lists everything.
 * @example searchDirectory("微粒贷")[0]?.id // "webank"
 * @example searchDirectory("95588")[0]?.id // "icbc"
 * @example searchDirectory("WWW.ICBC.COM.CN")[0]?.id // "icbc"
 */
export function searchDirectory(q: string): DirectoryEntry[] {
  const query = foldKey(q);
  if (!query) return [...DIRECTORY];
  const phone = /\d{3}/.test(query) ? normalizePhone(q) : undefined;
  const byNumber = phone && institutionByKey("phone", phone.normalized);
  const domain = query.includes(".") ? registrableDomain(query) : undefined;
  const byDomain = domain && institutionByKey("domain", domain);
  const scored: Array<{ entry: DirectoryEntry; score: number; order: number }> = [];
  SEARCHABLE.forEach(({ entry, names }, order) => {
    let score = entry === byNumber || entry === byDomain ? 100 : 0;
    for (const name of names) {
      if (name === query) score = Math.max(score, 90);
      else if (name.startsWith(query)) score = Math.max(score, 60);
      else if (name.includes(query)) score = Math.max(score, 40);
      else if (name.length >= 2 && query.includes(name)) score = Math.max(score, 20 + Math.min(name.length, 10));
    }
    if (score === 0 && /^\d{3,}$/.test(query) && entry.numbers.some((n) => n.replace(/\D/g, "").includes(query))) score = 30;
    if (score > 0) scored.push({ entry, score, order });
  });
  return scored.sort((a, b) => b.score - a.score || a.order - b.order).map((s) => s.entry);
}
