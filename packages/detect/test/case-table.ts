/**
 * The playbook case table, data/cases/playbook.jsonl: the seed scripts in zh and en, their variants and the benign
 * look-alikes, each with the verdict it must get. One reader for the detect tests and the CLI's adversarial and form
 * gates, which each parsed the file themselves. Test support: it reads a file, so it lives outside src (detect does no I/O,
 * tests/architecture/import-boundaries.test.ts).
 */
import { readFileSync } from "node:fs";
import type { FraudMode, RiskLevel, SignalFamily, Stage } from "@scamguard/contracts";

/** One row of the case table. */
export interface PlaybookCase {
  id: string;
  lang: "zh" | "en";
  text: string;
  expect: {
    risk: RiskLevel;
    mode: FraudMode | null;
    stage: Stage | null;
    families: SignalFamily[];
    impersonating?: string | null;
    signals?: string[];
  };
}

/** Every row of the case table, in file order. @example readCaseTable().filter(isScamCase).length // > 30 */
export function readCaseTable(): PlaybookCase[] {
  return readCaseRows<PlaybookCase>("playbook.jsonl");
}

/** A row whose verdict must be a scam (risk high or critical). */
export const isScamCase = (c: PlaybookCase): boolean => c.expect.risk === "high" || c.expect.risk === "critical";

/** One row of the chat-path table, data/cases/chat-paths.jsonl: chat-form scams with no institution, and their benign look-alikes. */
export interface ChatPathCase {
  id: string;
  lang: "zh" | "en";
  /** The structure path the scam takes (`persona`, `release-fee`, …), or that the benign row comes close to. */
  path: string;
  /** 1: a scam (flagged: risk high or critical); 0: benign (risk low). */
  label: 0 | 1;
  text: string;
  /** A benign row that may reach `medium` (a second look, not an alarm): the writer's own claim stays visible. Absent: low. */
  maxRisk?: "medium";
}

/** Every row of the chat-path table, in file order. @example readChatPathCases().filter((c) => c.label === 1).length // > 10 */
export function readChatPathCases(): ChatPathCase[] {
  return readCaseRows<ChatPathCase>("chat-paths.jsonl");
}

/**
 * One row of the English path table, data/cases/en-paths.jsonl: English tactics the probes kept missing (crypto
 * giveaways, payroll and document-share phishing, case reports quoting the scammer, chat scams), each path with
 * scam wordings and benign near-misses.
 */
export interface EnPathCase {
  id: string;
  /** The tactic the scam takes, or that the benign row comes close to. */
  path: string;
  /** 1: a scam (flagged: risk high or critical); 0: benign (risk low, or medium when `maxRisk` says so). */
  label: 0 | 1;
  text: string;
  /** The fraud mode a scam row must be given. Absent: not checked. */
  mode?: FraudMode;
  /** A benign row that may reach `medium` (a second look, not an alarm). Absent: low. */
  maxRisk?: "medium";
}

/** Every row of the English path table, in file order. @example readEnPathCases().some((c) => c.path === "crypto-giveaway") // true */
export function readEnPathCases(): EnPathCase[] {
  return readCaseRows<EnPathCase>("en-paths.jsonl");
}

/** The rows of one case table in data/cases (one JSON object a line, blank lines skipped), in file order. */
function readCaseRows<T>(file: string): T[] {
  return readFileSync(new URL(`../data/cases/${file}`, import.meta.url), "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as T);
}
