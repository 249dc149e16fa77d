/**
 * The official directory as data: `packages/detect/data/directory.json`, validated once at load with the
 * contract's schema so a bad edit fails loudly at start-up instead of answering wrongly.
 */
import { type DirectoryEntry, DirectoryEntrySchema } from "@scamguard/contracts";
import raw from "../../data/directory.json" with { type: "json" };

/**
 * Every institution of the official directory, validated, frozen, in file order.
 * @example DIRECTORY.find((e) => e.id === "jd")?.numbers // ["950618"]
 */
export const DIRECTORY: readonly DirectoryEntry[] = Object.freeze(
  DirectoryEntrySchema.array().parse(raw).map((entry) => Object.freeze(entry)),
);
