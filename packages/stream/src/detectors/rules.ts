/**
 * The calling-pattern rules, as data-like constants with the reason each contributes. One caller in one
 * window: first "is this cold calling?" (strangers, nobody calls back, nobody called twice), then which
 * kind — the scam shape (hang-ups, missed calls, bursts, night) or plain high-volume telemarketing.
 * Legitimate high-volume callers (couriers, clinics, schools) fail the cold-calling test: the people they
 * call call them back, and they call the same people again.
 */

/** Fewer calls than this in 24 h: never flagged on its own (SIM-farm blocks are judged together). */
export const MIN_CALLS = 15;
/** A reciprocity verdict needs at least this many sampled callees. */
export const MIN_SAMPLE = 12;
/** Cold calling: at most this share of sampled callees called back … */
export const MAX_COLD_RECIPROCITY = 0.1;
/** … and at most this share of calls went to someone already called. */
export const MAX_COLD_REPEAT = 0.08;
/** Answered calls under 10 s at or above this share: people hang up on the pitch. */
export const HANGUP_SHARE = 0.5;
/** Unanswered at or above this share. */
export const MISSED_SHARE = 0.55;
/** Busiest hour at least this many times the caller's mean active hour (campaign bursts). */
export const BURST_FACTOR = 1.8;
/** Night calls (22:00–07:00) at or above this share. */
export const NIGHT_SHARE = 0.15;
/** High volume: harassing when cold calling at this volume without the scam shape. */
export const HIGH_VOLUME = 100;

/** Harassing needs signs the calls are unwanted: this share of answered calls hung up within 10 s … */
export const UNWANTED_HANGUP_SHARE = 0.3;
/** … or this share unanswered. */
export const UNWANTED_MISSED_SHARE = 0.45;

/** SIM farms: at least this many numbers of one block of 100 … */
export const FARM_MIN_MEMBERS = 5;
/** … each with at least this many calls … */
export const FARM_MIN_CALLS = 6;
/** The block's busiest hours (calls of its cold members) that define its pattern … */
export const FARM_HOURS = 6;
/** … and the share of a member's calls that must fall in them … */
export const FARM_MEMBER_SHARE = 0.7;
/** … for at least this share of the block's cold members. */
export const FARM_AGREEMENT = 0.6;
