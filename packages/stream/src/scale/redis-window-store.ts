/**
 * The shared window state in Redis: apply a message's batch (the Lua script, at most once per message),
 * keep the watermark, and evaluate a closed day — read every caller's counters, sample and HyperLogLog
 * and the day's pair Bloom filter back into the same aggregates the in-process engine builds, and run
 * the same detectors. One worker evaluates a day (`SET final:<day> NX`); rows for it that arrive later
 * are counted as late by the script.
 */
import type { CallFlag } from "@scamguard/contracts";
import type { Redis } from "ioredis";
import { detectWindow, type DetectOptions } from "../detectors/detect-window.js";
import { PairBloom } from "../sketch/bloom.js";
import { SAMPLE_K } from "../sketch/bottom-k.js";
import { HLL_M, HLL_P, hllCount } from "../sketch/hll.js";
import type { CallerAggregate } from "../window/caller-aggregate.js";
import { hashNumber } from "../sketch/hash.js";
import { APPLY_BATCH_LUA } from "./redis-script.js";

const DAY_MS = 86_400_000;
/** How long "this message was applied" is remembered: longer than any redelivery. */
const SEEN_TTL_S = 3 * 24 * 3600;
const MAX_LUA = `local cur = tonumber(redis.call('GET', KEYS[1]) or '-1e300')
if tonumber(ARGV[1]) > cur then redis.call('SET', KEYS[1], ARGV[1]) return ARGV[1] end
return tostring(cur)`;

export class RedisWindowStore {
  constructor(
    readonly redis: Redis,
    /** Key prefix of everything this deployment (or test run) keeps, e.g. `sg:cdr:`. */
    readonly prefix: string,
  ) {
    redis.defineCommand("sgApplyCdrBatch", { numberOfKeys: 0, lua: APPLY_BATCH_LUA });
    redis.defineCommand("sgMaxKey", { numberOfKeys: 1, lua: MAX_LUA });
  }

  /** Applies one message's aggregated batch; returns rows found late, or -1 when the message was applied before. */
  async apply(messageKey: string, args: string[]): Promise<number> {
    const run = (this.redis as unknown as { sgApplyCdrBatch(...a: string[]): Promise<number> }).sgApplyCdrBatch;
    return run.call(this.redis, this.prefix, messageKey, String(SEEN_TTL_S), String(SAMPLE_K), String(HLL_P), ...args);
  }

  /** Raises the shared watermark (latest start time seen, UTC ms) and returns it. */
  async raiseWatermark(startMs: number): Promise<number> {
    const run = (this.redis as unknown as { sgMaxKey(key: string, v: string): Promise<string> }).sgMaxKey;
    return Number(await run.call(this.redis, `${this.prefix}wm`, String(startMs)));
  }

  /** Day indexes (local days since the epoch) that hold state. */
  async openDays(): Promise<number[]> {
    return (await this.redis.smembers(`${this.prefix}days`)).map(Number).sort((a, b) => a - b);
  }

  async lateRows(): Promise<number> {
    return Number((await this.redis.get(`${this.prefix}late`)) ?? 0);
  }

  /**
   * Evaluates day `day` if no other worker did: returns its flags, or null when another worker holds it.
   * The day's state is deleted afterwards; its `final:` marker stays so late rows are recognised.
   */
  async finalizeDay(day: number, utcOffsetMinutes: number, owner: string, options: DetectOptions = {}): Promise<{ flags: CallFlag[]; callers: number; calls: number } | null> {
    const taken = await this.redis.set(`${this.prefix}final:${day}`, owner, "EX", SEEN_TTL_S, "NX");
    if (taken === null) return null;
    const start = day * DAY_MS - utcOffsetMinutes * 60_000;
    const aggregates: CallerAggregate[] = [];
    let calls = 0;
    const callersKey = `${this.prefix}callers:${day}`;
    const keysToDrop: string[] = [callersKey, `${this.prefix}b:${day}`];
    let cursor = "0";
    do {
      const [next, callers] = await this.redis.sscan(callersKey, cursor, "COUNT", 1000);
      cursor = next;
      const pipe = this.redis.pipeline();
      for (const caller of callers) {
        const base = `${this.prefix}${day}:${caller}`;
        pipe.getBuffer(`${base}:c`);
        pipe.zrange(`${base}:s`, "0", "-1");
        pipe.getBuffer(`${base}:h`);
        keysToDrop.push(`${base}:c`, `${base}:s`, `${base}:h`);
      }
      const results = (await pipe.exec()) ?? [];
      callers.forEach((caller, j) => {
        const counters = (results[3 * j]?.[1] as Buffer | null) ?? Buffer.alloc(0);
        const members = (results[3 * j + 1]?.[1] as string[] | null) ?? [];
        const registers = results[3 * j + 2]?.[1] as Buffer | null;
        const u32 = (k: number) => (counters.length >= 4 * k + 4 ? counters.readUInt32BE(4 * k) : 0);
        const hours = new Uint32Array(24);
        for (let h = 0; h < 24; h++) hours[h] = u32(4 + h);
        const exact = u32(28);
        const sample = Uint32Array.from(members.map(Number)).sort();
        let distinct = exact;
        if (exact > SAMPLE_K) {
          const r = new Uint8Array(HLL_M);
          if (registers) r.set(registers.subarray(0, HLL_M));
          distinct = hllCount(r);
        }
        calls += u32(0);
        aggregates.push({
          caller,
          callerHash: hashNumber(caller),
          calls: u32(0),
          answered: u32(1),
          shortAnswered: u32(2),
          talkSeconds: u32(3),
          hours,
          sample,
          distinctCallees: distinct,
        });
      });
    } while (cursor !== "0");
    const bloomBytes = await this.redis.getBuffer(`${this.prefix}b:${day}`);
    const bloom = new PairBloom(bloomBytes ? new Uint8Array(bloomBytes.buffer, bloomBytes.byteOffset, bloomBytes.length) : undefined);
    const flags = detectWindow(aggregates, (a, b) => bloom.has(a, b), { start, end: start + DAY_MS }, options);
    for (let i = 0; i < keysToDrop.length; i += 1000) await this.redis.unlink(...keysToDrop.slice(i, i + 1000));
    await this.redis.srem(`${this.prefix}days`, String(day));
    return { flags, callers: aggregates.length, calls };
  }

  /** Deletes everything under the prefix (tests, and `--reset`). */
  async clear(): Promise<void> {
    let cursor = "0";
    do {
      const [next, keys] = await this.redis.scan(cursor, "MATCH", `${this.prefix}*`, "COUNT", 1000);
      cursor = next;
      if (keys.length > 0) await this.redis.unlink(...keys);
    } while (cursor !== "0");
  }
}
