/** The chat-form trajectory (romance, investment, brushing, game trade): the order of one sender's moves. */
import type { Signal } from "@scamguard/contracts";
import type { NormalizedText } from "../../types.js";
import { speakerAt, type Turn, turnAt } from "../../model/text-features.js";
import type { LexiconHit } from "../lexicon-matcher.js";
import { type LexiconName, lexiconApplies, lexiconHits } from "../lexicon-scan.js";
import { isRequiredOfReader } from "./ask-clauses.js";
import { type Cues, isDescribed } from "./described.js";
import { toNormalized } from "./units.js";

/** Turns of one sender with a money ask that make the escalation (a first payment, then a larger one, a fee). */
const ESCALATION_TURNS = 2;

/**
 * Whether one sender's moves make the chat-form trajectory (see PlaybookStructure.trajectory). A move takes the
 * talk elsewhere: a channel signal or a move cue (lexicons `moveZh`/`moveEn`: "注册一个账号", "添加接待老师").
 * - The full path: a move, then a money ask made of the reader, and before that ask a chat-form claim
 *   (`trajectory.claims`: romance, brushing, investment, game trade, easy loan), a lure or gain cue
 *   (`lureZh`/`lureEn`, `gainZh`/`gainEn`), or money asks in two or more of the sender's turns (the escalation).
 * - The opening: a chat-form claim or an easy-money cue, then a move (the recruiter's "一天轻松两三百，添加接待老师").
 *   A rapport or first-contact lure and a move ("交个朋友，加个微信") are not enough without money.
 * Cues inside a described clause (a warning) do not count. Original offsets throughout.
 */
export function isTrajectory(text: NormalizedText, turns: readonly Turn[], speaker: string, m: SpeakerMoves, cues: Cues | null, official?: Signal["evidence"]): boolean {
  let moves = cueOffsets(text, turns, speaker, MOVE_LEXICONS, cues);
  if (official !== undefined && official.length > 0) moves = moves.filter((at) => !official.some((e) => e.start <= at && at < e.end));
  const firstMove = Math.min(m.firstMove, moves[0] ?? Infinity);
  const lastMove = Math.max(m.lastMove, moves[moves.length - 1] ?? -1);
  if (lastMove < 0) return false;
  const gain = cueOffsets(text, turns, speaker, GAIN_LEXICONS, cues)[0] ?? Infinity;
  if (Math.min(m.firstClaim, gain) < lastMove) return true;
  // The money asks required of the reader (see isRequiredOfReader), latest first; only those after the first move count.
  const s = text.normalized;
  let lastMoneyAsk = -1;
  const moneyTurns = new Set<number>();
  for (const at of [...m.moneyAsks].sort((x, y) => y - x)) {
    if (at <= firstMove) break;
    if (!isRequiredOfReader(s, toNormalized(text, at))) continue;
    if (lastMoneyAsk < 0) lastMoneyAsk = at;
    moneyTurns.add(turnAt(turns, at));
    if (moneyTurns.size >= ESCALATION_TURNS) break;
  }
  if (lastMoneyAsk < 0) return false;
  if (m.firstClaim <= lastMoneyAsk || moneyTurns.size >= ESCALATION_TURNS || gain < lastMoneyAsk) return true;
  return (cueOffsets(text, turns, speaker, LURE_LEXICONS, cues)[0] ?? Infinity) < lastMoneyAsk;
}

/** A speaker's trajectory moves together with those of the untagged text. */
export function joinMoves(m: SpeakerMoves, untagged: SpeakerMoves): SpeakerMoves {
  return {
    ...m,
    firstClaim: Math.min(m.firstClaim, untagged.firstClaim),
    firstMove: Math.min(m.firstMove, untagged.firstMove),
    lastMove: Math.max(m.lastMove, untagged.lastMove),
    moneyAsks: [...m.moneyAsks, ...untagged.moneyAsks],
  };
}

/** Original offsets (ascending) of the speaker's cues of `lexicons` that are made, not described. */
export function cueOffsets(text: NormalizedText, turns: readonly Turn[], speaker: string, lexicons: readonly LexiconName[], cues: Cues | null): number[] {
  const out: number[] = [];
  for (const name of lexicons) {
    for (const hit of cueHits(text, name)) {
      const at = text.toOriginal[hit.start] ?? 0;
      const who = speakerAt(turns, at);
      if (who !== speaker && who !== "_") continue;
      if (cues !== null && isDescribed(text.normalized, hit.start, cues, true)) continue;
      out.push(at);
    }
  }
  return out.sort((x, y) => x - y);
}

/**
 * Hits of a trajectory cue lexicon, none when its language gate is closed: gainEn (an unanchored pattern) is
 * left out of the shared pass past its gate, and asking for it there would scan the whole text again (A/B: -14
 * to -22 % dialogues/CPU-s when every cue lexicon was left out so).
 */
export const cueHits = (text: NormalizedText, name: LexiconName): readonly LexiconHit[] => (lexiconApplies(name, text.normalized) ? lexiconHits(text, name) : []);

export const MOVE_LEXICONS: readonly LexiconName[] = ["moveZh", "moveEn"];
export const GAIN_LEXICONS: readonly LexiconName[] = ["gainZh", "gainEn"];
export const LURE_LEXICONS: readonly LexiconName[] = ["lureZh", "lureEn"];

export interface SpeakerMoves {
  claim: boolean;
  ask: boolean;
  /** A claim other than a `linkWeakClaims` or `bareLinkWeakClaims` one. */
  strongClaim: boolean;
  /** A `bareLinkWeakClaims` claim. */
  bareLinkWeakClaim: boolean;
  /** An ask other than a plain link. */
  strongAsk: boolean;
  /** An ask other than a bare link (`messageAsks`). */
  explicitAsk: boolean;
  /** An ask of the money family. */
  moneyAsk: boolean;
  /** An ask of the channel family (another app, a link, a QR code). */
  channelAsk: boolean;
  /** Any pressure signal (urgency, secrecy, a threat, "cannot talk"). */
  pressed: boolean;
  /** A money ask that sends the money to the writer's own account (see isToWriter). */
  toWriter: boolean;
  impersonation: boolean;
  pretext: boolean;
  pressure: boolean;
  decisive: boolean;
  robocallAsk: boolean;
  /** Ids of the claims made (for `narrowAsks`). */
  claimIds: Set<string>;
  /** For each narrow ask made, the claims it completes. */
  narrowAsks: ReadonlySet<string>[];
  /** A `coverStories` signal or a new-account cue: the sender cannot be reached, or checked, on the number the reader knows. */
  cover: boolean;
  /** A claim or threat whose evidence is a new-account cue (`newAccount`): the sender writes from a number the reader does not know. */
  newAccount: boolean;
  /** A `personaClaims` claim: who the sender says they are (leader, teacher, relative, friend). */
  persona: boolean;
  /** A money ask made of the reader (see isAddressedAsk). */
  addressedMoneyAsk: boolean;
  /** Original offsets for the trajectory: first chat-form claim (`trajectory.claims`), first and last move to another channel. */
  firstClaim: number;
  firstMove: number;
  lastMove: number;
  /** Original offsets of its money asks (`trajectory.moneyAsks`); whether each is required of the reader is asked only in isTrajectory. */
  moneyAsks: number[];
}
