/**
 * The live declared contacts in memory: what `POST /v1/contacts/verify` answers from, in O(1) and without
 * I/O. Pure data structure with an explicit clock (every method takes `nowMs`); contact-sync.ts feeds it
 * from the database and from other processes' notifications.
 *
 * Layout, chosen for a million live declarations: one Map from the person's hash to the declaration (or,
 * rarely, a small array of them when several institutions contact the same person), declarations as small
 * objects whose strings (institution, channel, `from`, purpose) are interned, expiry in whole seconds since
 * EPOCH_S (a small integer V8 stores unboxed), and expiry buckets of BUCKET_S seconds holding hashes so a
 * sweep drops expired entries without scanning everything. A lookup also checks expiry itself, so the
 * answer never depends on when the last sweep ran.
 */
import type { OutboundChannel } from "@scamguard/contracts";

/** One live declaration, as verification needs it (never the public id, never the key). */
export interface LiveDeclaration {
  /** Database order; makes applying the same declaration twice (commit + notification) a no-op. */
  readonly seq: number;
  readonly institution: string;
  readonly channel: OutboundChannel;
  /** detect's contactFromKey: `phone:950618`. */
  readonly fromKey: string;
  readonly purpose: string | null;
  /** Expiry in seconds since EPOCH_S, rounded down: a declaration never outlives its TTL. */
  readonly expiresAtS: number;
}

/** What the index is given: a declaration with its expiry in epoch milliseconds. */
export interface DeclarationInput {
  seq: number;
  institution: string;
  channel: OutboundChannel;
  fromKey: string;
  purpose: string | null;
  expiresAtMs: number;
}

/** 2026-01-01T00:00:00Z: seconds since then stay below 2^30 until 2060, so they are V8 small integers. */
const EPOCH_S = 1_767_225_600;
const BUCKET_S = 10;
/** An institution whose last declaration is older than this no longer counts as participating. */
export const PARTICIPATION_WINDOW_MS = 30 * 24 * 3600 * 1000;
/** Interned strings kept at most (a new `from` beyond this is stored un-interned). */
const INTERN_MAX = 100_000;

const toSeconds = (ms: number): number => Math.floor(ms / 1000) - EPOCH_S;

export class ContactIndex {
  private readonly byHash = new Map<string, LiveDeclaration | LiveDeclaration[]>();
  private readonly buckets = new Map<number, string[]>();
  private readonly interned = new Map<string, string>();
  private readonly participants = new Map<string, number>();
  private count = 0;

  /** Live (not yet swept) declarations held. */
  get size(): number {
    return this.count;
  }

  /** Adds a declaration for the person `toHash`; an expired one or one already held (same seq) is ignored. */
  add(toHash: string, input: DeclarationInput, nowMs: number): void {
    const expiresAtS = toSeconds(input.expiresAtMs);
    if (expiresAtS <= toSeconds(nowMs)) return;
    const held = this.byHash.get(toHash);
    if (held !== undefined && (Array.isArray(held) ? held.some((d) => d.seq === input.seq) : held.seq === input.seq)) return;
    const declaration: LiveDeclaration = {
      seq: input.seq,
      institution: this.intern(input.institution),
      channel: this.intern(input.channel) as OutboundChannel,
      fromKey: this.intern(input.fromKey),
      purpose: input.purpose === null ? null : this.intern(input.purpose),
      expiresAtS,
    };
    if (held === undefined) this.byHash.set(toHash, declaration);
    else if (Array.isArray(held)) held.push(declaration);
    else this.byHash.set(toHash, [held, declaration]);
    const bucket = Math.floor(expiresAtS / BUCKET_S);
    const hashes = this.buckets.get(bucket);
    if (hashes === undefined) this.buckets.set(bucket, [toHash]);
    else hashes.push(toHash);
    this.count++;
  }

  /** Removes the declaration `seq` of person `toHash` (ended early); unknown ones are ignored. */
  end(toHash: string, seq: number): void {
    this.removeWhere(toHash, (d) => d.seq === seq);
  }

  /**
   * The live declaration to person `toHash` by `institution` on `channel` from `fromKey`, or null. Costs
   * the same whether or not the person has other declarations: one Map lookup and a scan of what is
   * held for this hash only.
   */
  find(toHash: string, institution: string, channel: OutboundChannel, fromKey: string, nowMs: number): LiveDeclaration | null {
    const held = this.byHash.get(toHash);
    if (held === undefined) return null;
    const nowS = toSeconds(nowMs);
    const matches = (d: LiveDeclaration) => d.institution === institution && d.channel === channel && d.fromKey === fromKey && d.expiresAtS > nowS;
    if (!Array.isArray(held)) return matches(held) ? held : null;
    return held.find(matches) ?? null;
  }

  /** Records that `institution` declared at `atMs` (keeps the latest). */
  markParticipant(institution: string, atMs: number): void {
    const last = this.participants.get(institution);
    if (last === undefined || atMs > last) this.participants.set(this.intern(institution), atMs);
  }

  /** Whether `institution` declares its contacts: it declared within PARTICIPATION_WINDOW_MS. */
  participates(institution: string, nowMs: number): boolean {
    const last = this.participants.get(institution);
    return last !== undefined && last > nowMs - PARTICIPATION_WINDOW_MS;
  }

  /** Drops every declaration expired by `nowMs`; returns how many. */
  sweep(nowMs: number): number {
    const nowS = toSeconds(nowMs);
    const before = this.count;
    for (const [bucket, hashes] of this.buckets) {
      if ((bucket + 1) * BUCKET_S > nowS) continue;
      this.buckets.delete(bucket);
      for (const hash of hashes) this.removeWhere(hash, (d) => d.expiresAtS <= nowS);
    }
    return before - this.count;
  }

  private removeWhere(toHash: string, gone: (d: LiveDeclaration) => boolean): void {
    const held = this.byHash.get(toHash);
    if (held === undefined) return;
    if (!Array.isArray(held)) {
      if (gone(held)) {
        this.byHash.delete(toHash);
        this.count--;
      }
      return;
    }
    const kept = held.filter((d) => !gone(d));
    this.count -= held.length - kept.length;
    if (kept.length === 0) this.byHash.delete(toHash);
    else if (kept.length === 1) this.byHash.set(toHash, kept[0] as LiveDeclaration);
    else if (kept.length !== held.length) this.byHash.set(toHash, kept);
  }

  private intern(value: string): string {
    const known = this.interned.get(value);
    if (known !== undefined) return known;
    if (this.interned.size < INTERN_MAX) this.interned.set(value, value);
    return value;
  }
}
