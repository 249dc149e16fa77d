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

