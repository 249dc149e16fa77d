/** Reading the labelled text sets of ../shared/data (JSON Lines) for training and evaluation. */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Lang } from "@scamguard/contracts";

/**
 * Every labelled text set of ../shared/data, in report order. `train`: `scamguard train` fits on its
 * train split (the others are only evaluated, so every figure on them is out-of-source for the
 * shipped model). `optional`: skipped with a note when its folder is missing (older data checkouts).
 * `kind`: what a text is (dialogue passes such as the ASR and first-turns stress tests run on dialogues only).
 */
export const TEXT_SETS = [
  { id: "teleantifraud-zh", lang: "zh", kind: "dialogue", train: true, optional: false },
  { id: "bothbosu-scam-dialogue-en", lang: "en", kind: "dialogue", train: true, optional: false },
  { id: "twitter-customer-care-en", lang: "en", kind: "dialogue", train: true, optional: false },
  { id: "jddc-customer-service-zh", lang: "zh", kind: "dialogue", train: true, optional: false },
  { id: "smishing-sms-en", lang: "en", kind: "sms", train: false, optional: true },
  { id: "fbs-spam-sms-zh", lang: "zh", kind: "sms", train: false, optional: true },
  { id: "legit-sms-money-codes", lang: "en", kind: "sms", train: false, optional: true },
  { id: "phishing-email-en", lang: "en", kind: "email", train: false, optional: true },
  { id: "real-cases-zh", lang: "zh", kind: "mixed", train: false, optional: true },
] as const satisfies readonly { id: string; lang: Lang; kind: string; train: boolean; optional: boolean }[];

export type TextSetId = (typeof TEXT_SETS)[number]["id"];

/** The sets `scamguard train` fits on. @example TRAIN_SETS.includes("jddc-customer-service-zh") // true */
export const TRAIN_SETS: readonly TextSetId[] = TEXT_SETS.filter((s) => s.train).map((s) => s.id);

/** Whether a set's folder exists under `dataDir`. */
export function hasSet(dataDir: string, set: TextSetId): boolean {
  return existsSync(path.join(dataDir, set));
}

/** One labelled text. */
export interface LabelledText {
  id: string;
  text: string;
  label: 0 | 1;
  lang: Lang;
  set: TextSetId;
  type: string;
  /** The row's own kind (sms, dialogue, chat, notice, email …). */
  kind: string;
}

/** The repository root (four levels above this file). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../..");

/**
 * The data folder: the option, else env SCAMGUARD_DATA_DIR, else `../shared/data` beside the repo.
 * @example resolveDataDir() // "/work/shared/data" for a checkout at /work/main
 */
export function resolveDataDir(dataDir?: string): string {
  return path.resolve(dataDir ?? process.env.SCAMGUARD_DATA_DIR ?? path.join(REPO_ROOT, "../shared/data"));
}

/**
 * Load one split of one set. Throws with the path if the file is missing; skips blank lines.
 * @example loadSplit("/work/shared/data", "jddc-customer-service-zh", "train").length // 795
 */
export function loadSplit(dataDir: string, set: TextSetId, split: "train" | "test"): LabelledText[] {
  const file = path.join(dataDir, set, `${split}.jsonl`);
  if (!existsSync(file)) throw new Error(`data: ${file} not found (set SCAMGUARD_DATA_DIR or --data-dir)`);
  const out: LabelledText[] = [];
  const lines = readFileSync(file, "utf8").split("\n");
  lines.forEach((line, i) => {
    if (line.trim() === "") return;
    const row = JSON.parse(line) as Record<string, unknown>;
    if (typeof row.text !== "string" || (row.label !== 0 && row.label !== 1)) {
      throw new Error(`data: ${file}:${i + 1}: text must be a string and label 0 or 1`);
    }
    out.push({
      id: String(row.id ?? `${set}-${i}`),
      text: row.text,
      label: row.label,
      lang: row.lang === "en" ? "en" : "zh",
      kind: String(row.kind ?? ""),
      set,
      type: String(row.type ?? ""),
    });
  });
  return out;
}
