/**
 * The official directory as the page needs it: an institution's name and call-back numbers by id. The
 * same data file the server uses (`@scamguard/detect/directory/data`), bundled so the official number is
 * shown even when the server cannot be reached.
 */
import type { DirectoryEntry } from "@scamguard/contracts";
import { DIRECTORY } from "@scamguard/detect/directory/data";

const BY_ID = new Map(DIRECTORY.map((entry) => [entry.id, entry]));

export function institutionById(id: string | null | undefined): DirectoryEntry | undefined {
  return id ? BY_ID.get(id) : undefined;
}

/**
 * The institution a display name claims ("京东客服", "ICBC customer service"): the one whose name or alias is
 * the longest found in it (two characters at least), or undefined.
 * @example institutionNamedIn("京东客服")?.id // "jd"
 */
export function institutionNamedIn(value: string): DirectoryEntry | undefined {
  const text = value.toLowerCase();
  let best: { entry: DirectoryEntry; length: number } | undefined;
  for (const entry of DIRECTORY) {
    for (const alias of [entry.name.zh, entry.name.en, ...entry.aliases]) {
      const a = alias.toLowerCase();
      if (a.length >= 2 && text.includes(a) && (best === undefined || a.length > best.length)) best = { entry, length: a.length };
    }
  }
  return best?.entry;
}
