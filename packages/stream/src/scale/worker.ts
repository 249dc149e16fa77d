/**
 * One stream worker: pulls batch messages from the durable consumer, aggregates each (batch-aggregate),
 * applies it to Redis with the at-most-once script, and only then acks it — so a worker killed mid-batch
 * loses nothing (JetStream redelivers what it never acked) and double-counts nothing (the script
 * remembers applied messages). Any number of workers share the consumer and the Redis state.
 * Days are evaluated when the shared watermark passes their end plus the tolerance, or, with `drain`,
 * when the stream is empty.
 */
import { randomBytes } from "node:crypto";
import type { CallFlag } from "@scamguard/contracts";
import { type JsMsg, jetstream } from "@nats-io/jetstream";
import { Redis } from "ioredis";
import { aggregateBatch } from "./batch-aggregate.js";
import { connectNats, ensureStream, type StreamNames } from "./jetstream.js";
import { RedisWindowStore } from "./redis-window-store.js";

const DAY_MS = 86_400_000;

export interface WorkerOptions {
  natsUrl: string;
  redisUrl: string;
  names: StreamNames;
  /** Redis key prefix. */
  prefix: string;
  utcOffsetMinutes?: number;
  toleranceMs?: number;
  ackWaitMs?: number;
  /** Stop (after evaluating what is left) once the consumer has nothing pending. */
  drain?: boolean;
  onFlags: (flags: CallFlag[], day: { start: string; end: string; callers: number; calls: number }) => void | Promise<void>;
  /** Test hook: die right after the N-th Redis write, before its ack (what a kill -9 there would do). */
  dieAfterWrites?: number;
}

export interface WorkerSummary {
  messages: number;
  redelivered: number;
  records: number;
  accepted: number;
  malformed: number;
  nonPhoneCallers: number;
  daysEvaluated: number;
  died: boolean;
}

export async function runWorker(options: WorkerOptions): Promise<WorkerSummary> {
  const offset = options.utcOffsetMinutes ?? 480;
  const tolerance = options.toleranceMs ?? 10 * 60_000;
  const owner = randomBytes(6).toString("hex");
  const nc = await connectNats(options.natsUrl);
  const redis = new Redis(options.redisUrl, { lazyConnect: false, maxRetriesPerRequest: 3 });
  const store = new RedisWindowStore(redis, options.prefix);
  const summary: WorkerSummary = { messages: 0, redelivered: 0, records: 0, accepted: 0, malformed: 0, nonPhoneCallers: 0, daysEvaluated: 0, died: false };
  const evaluate = async (day: number) => {
    const result = await store.finalizeDay(day, offset, owner);
    if (result === null) return;
    summary.daysEvaluated++;
    const start = day * DAY_MS - offset * 60_000;
    await options.onFlags(result.flags, { start: new Date(start).toISOString(), end: new Date(start + DAY_MS).toISOString(), callers: result.callers, calls: result.calls });
  };
  try {
    const jsm = await ensureStream(nc, options.names, options.ackWaitMs);
    const consumer = await jetstream(nc).consumers.get(options.names.stream, options.names.durable);
    let writes = 0;
    for (;;) {
      let got = 0;
      const batch = await consumer.fetch({ max_messages: 16, expires: 2000 });
      const messages: JsMsg[] = [];
      try {
        for await (const m of batch) messages.push(m);
      } catch (error) {
        // A fetch that missed its heartbeats on a busy machine: keep what arrived, fetch again.
        if (!String(error).includes("heartbeats missed")) throw error;
      }
      for (const m of messages) {
        got++;
        summary.messages++;
        if (m.info.deliveryCount > 1) summary.redelivered++;
        const { args, counts } = aggregateBatch(m.string(), offset);
        summary.records += counts.records;
        summary.accepted += counts.accepted;
        summary.malformed += counts.malformed;
        summary.nonPhoneCallers += counts.nonPhoneCallers;
        await store.apply(`${options.names.stream}:${m.info.streamSequence}`, args);
        writes++;
        if (options.dieAfterWrites !== undefined && writes >= options.dieAfterWrites) {
          summary.died = true;
          return summary; // no ack: as if killed between the write and the ack
        }
        m.ack();
        if (Number.isFinite(counts.maxStartMs)) {
          const wm = (await store.raiseWatermark(counts.maxStartMs)) - tolerance;
          for (const day of await store.openDays()) if ((day + 1) * DAY_MS - offset * 60_000 <= wm) await evaluate(day);
        }
      }
      if (got === 0 && options.drain) {
        const info = await jsm.consumers.info(options.names.stream, options.names.durable);
        if (info.num_pending === 0 && info.num_ack_pending === 0) {
          for (const day of await store.openDays()) await evaluate(day);
          return summary;
        }
      }
    }
  } finally {
    if (summary.died) nc.close().catch(() => {});
    else await nc.drain().catch(() => {});
    redis.disconnect();
  }
}
