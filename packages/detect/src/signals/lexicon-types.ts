/** The shape of a lexicon data file (data/lexicons/{zh,en,common}.json). */
import type { SignalFamily, Stage } from "@scamguard/contracts";

/**
 * One playbook signal and the patterns that show it. Patterns are JavaScript regular-expression
 * sources matched against the NORMALISED text (lower case, half width, simplified, separators between
 * CJK characters removed). Start a pattern with a literal or a group of literal alternatives
 * ("(注销|关闭).{0,6}(账户|贷款)") so the scanner can anchor it; other patterns still work, only slower.
 * A negative weight marks counter-evidence (family `protective`).
 * @example { id: "money:safe-account", family: "money", stage: "money", weight: 1, description: "...", patterns: ["安全账户"] }
 */
export interface LexiconEntry {
  id: string;
  family: SignalFamily;
  stage: Stage | null;
  weight: number;
  description: string;
  patterns: string[];
  /**
   * When true, a match preceded in the same clause by a negator ("不要/请勿/never/don't …") does not
   * count: "请勿向任何人透露验证码" is advice, not a request. Defaults to true for channel, credential and
   * money signals.
   */
  negatable?: boolean;
}

/** A lexicon data file. @example { lang: "zh", negators: "不要|请勿", entries: [ … ] } */
export interface LexiconFile {
  lang: "zh" | "en" | "common";
  description?: string;
  /** Regex source of words that turn a following request into a warning (see `negatable`). */
  negators?: string;
  entries: LexiconEntry[];
}
