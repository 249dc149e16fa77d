/**
 * Playbook-level features from explainable signals: which families and signals fired, which pairs of
 * tactic families co-occur, how far the playbook got, how dense the evidence is, whether one speaker
 * carries several tactics, and protective counter-evidence. All values in [0, 1]. Pure.
 */
import { PLAYBOOK_STAGES, type Signal, type SignalFamily, stageRank } from "@scamguard/contracts";
import { speakerAt, splitTurns } from "./text-features.js";

/** The six scam-tactic families (everything but `protective`), in a fixed order. */
export const TACTIC_FAMILIES: readonly SignalFamily[] = ["impersonation", "pretext", "pressure", "channel", "credential", "money"];

const sat = (n: number, half: number): number => n / (n + half);

/** Window of the evidence-density feature, in characters of the original text. */
const DENSITY_WINDOW = 1000;

/**
 * Most tactic evidence spans starting inside any `window`-character stretch of the text.
 * @example densestWindow([{ family: "money", evidence: [{ start: 0 }, { start: 5000 }] }], 1000) // 1
 */
function densestWindow(signals: readonly Signal[], window: number): number {
  const starts: number[] = [];
  for (const s of signals) {
    if (s.family === "protective") continue;
    if (s.evidence.length === 0) starts.push(0);
    for (const e of s.evidence) starts.push(e.start);
  }
  starts.sort((a, b) => a - b);
  let best = 0;
  for (let lo = 0, hi = 0; hi < starts.length; hi++) {
    while ((starts[hi] as number) - (starts[lo] as number) >= window) lo++;
    best = Math.max(best, hi - lo + 1);
  }
  return best;
}

/** Feature names built once (every analysis names each of its signals, families, pairs and stages). */
const SIGNAL_FEATURE_NAMES = new Map<string, Map<SignalFamily, string>>();
const FAMILY_NAMES = TACTIC_FAMILIES.map((f) => `fam:${f}`);
const FAMILY_COUNT_NAMES = TACTIC_FAMILIES.map((f) => `fam-n:${f}`);
const PAIR_NAMES = TACTIC_FAMILIES.map((a) => TACTIC_FAMILIES.map((b) => `co:${a}+${b}`));
const STAGE_NAMES = PLAYBOOK_STAGES.ids.map((id) => `stage:${id}+`);

/** Name of the per-signal feature; the family is part of the name so its sign can be constrained. */
export const signalFeatureName = (s: Pick<Signal, "id" | "family">): string => {
  const byFamily = SIGNAL_FEATURE_NAMES.get(s.id);
  let name = byFamily?.get(s.family);
  if (name === undefined) {
    name = `sig:${s.id}@${s.family}`;
    if (byFamily !== undefined) byFamily.set(s.family, name);
    else if (SIGNAL_FEATURE_NAMES.size < 10_000) SIGNAL_FEATURE_NAMES.set(s.id, new Map([[s.family, name]]));
  }
  return name;
};

/**
 * Playbook features of one text's signals.
 * @example
 * signalFeatures([{ id: "channel:screen-share", family: "channel", stage: "channel_switch", weight: 1, description: "", evidence: [{ start: 0, end: 4, text: "共享屏幕" }] }], "共享屏幕").get("fam:channel") // 1
 */
export function signalFeatures(signals: readonly Signal[], original: string): Map<string, number> {
  const out = new Map<string, number>();
  const families = new Map<SignalFamily, number>();
  let maxStage = -1;
  const stages = new Set<string>();
  let tacticEvidence = 0;
  let weightSum = 0;
  const turns = splitTurns(original);
  const speakerFamilies = new Map<string, Set<SignalFamily>>();
  for (const s of signals) {
    const n = Math.max(1, s.evidence.length);
    families.set(s.family, (families.get(s.family) ?? 0) + n);
    out.set(signalFeatureName(s), 1);
    if (s.family === "protective") continue;
    tacticEvidence += n;
    weightSum += Math.max(0, s.weight);
    if (s.stage) {
      stages.add(s.stage);
      maxStage = Math.max(maxStage, stageRank(s.stage));
    }
    for (const e of s.evidence) {
      const speaker = speakerAt(turns, e.start);
      const set = speakerFamilies.get(speaker) ?? new Set<SignalFamily>();
      set.add(s.family);
      speakerFamilies.set(speaker, set);
    }
  }
  // Indexes into TACTIC_FAMILIES of the families that fired, in that order.
  const fired: number[] = [];
  TACTIC_FAMILIES.forEach((f, k) => {
    if (families.has(f)) fired.push(k);
  });
  for (const k of fired) {
    out.set(FAMILY_NAMES[k]!, 1);
    out.set(FAMILY_COUNT_NAMES[k]!, sat((families.get(TACTIC_FAMILIES[k]!) ?? 0) - 1, 2));
  }
  for (let i = 0; i < fired.length; i++) {
    for (let j = i + 1; j < fired.length; j++) out.set(PAIR_NAMES[fired[i]!]![fired[j]!]!, 1);
  }
  // The playbook's core: a claim (who I am / what is wrong) AND an ask (switch channel, hand over a
  // credential, move money). Legitimate notices make claims; legitimate chats make asks; scams do both.
  const claim = families.has("impersonation") || families.has("pretext");
  const asks = (["channel", "credential", "money"] as const).filter((f) => families.has(f)).length;
  if (claim && asks > 0) out.set("playbook:claim+ask", 1);
  if (asks > 0) out.set("playbook:ask-families", asks / 3);
  if (fired.length > 0) {
    out.set("playbook:families", fired.length / TACTIC_FAMILIES.length);
    out.set("playbook:stages", stages.size / PLAYBOOK_STAGES.ids.length);
    out.set("playbook:weight", sat(weightSum, 3));
    // Evidence per 1,000 characters in the densest 1,000-character window, saturating; short texts count
    // as 200 characters so one hit in a tweet is not "denser" than a full script. A window, not the whole
    // text: padding a script with unrelated text must not dilute it.
    const density = (densestWindow(signals, DENSITY_WINDOW) * 1000) / Math.max(200, Math.min(original.length, DENSITY_WINDOW));
    out.set("playbook:density", sat(density, 5));
    let maxSpeaker = 0;
    for (const set of speakerFamilies.values()) maxSpeaker = Math.max(maxSpeaker, set.size);
    out.set("playbook:speaker-families", maxSpeaker / TACTIC_FAMILIES.length);
  }
  for (let r = 0; r <= maxStage; r++) out.set(STAGE_NAMES[r]!, 1);
  const protective = families.get("protective") ?? 0;
  if (protective > 0) {
    out.set("fam:protective", 1);
    out.set("protective:with-tactics", fired.length / TACTIC_FAMILIES.length);
  }
  return out;
}

/**
 * Sign constraint of a named feature under the playbook prior: tactic evidence may only raise the
 * score (+1), protective evidence may only lower it (-1). With `structure`, requests, links, long
 * numbers and amounts may also only raise it: in the dev sets they are confounded with the source
 * (real service chats are full of order numbers), in real fraud SMS they are part of the pitch.
 * @example featureSign("fam:money") // 1
 */
export function featureSign(name: string, structure = true): -1 | 0 | 1 {
  if (name.startsWith("sig:")) return name.endsWith("@protective") ? -1 : 1;
  if (name === "fam:protective" || name.startsWith("protective:")) return -1;
  if (/^(?:fam|fam-n|co|stage|playbook):/.test(name)) return 1;
  if (structure && /^(?:turn:request|surface:)/.test(name)) return 1;
  return 0;
}
