/**
 * The scaled-out path against the machine's real NATS JetStream (127.0.0.1:4222) and Redis (6379): a small
 * generated day published in batches and consumed by several workers at once gives exactly the flags the
 * file path gives — also when a worker dies between its Redis write and its ack (the message is
 * redelivered and applied once). Unique stream, subject and key prefix per run; all removed afterwards.
 */
import { randomBytes } from "node:crypto";
import { Readable } from "node:stream";
import type { CallFlag } from "@scamguard/contracts";
import { jetstreamManager } from "@nats-io/jetstream";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateDay, ingestCdrStream, writeDay } from "../../packages/stream/src/index.js";
import { connectNats, publishCdr } from "../../packages/stream/src/scale/jetstream.js";
import { RedisWindowStore } from "../../packages/stream/src/scale/redis-window-store.js";
import { runWorker } from "../../packages/stream/src/scale/worker.js";

const NATS = process.env.NATS_URL ?? "nats://127.0.0.1:4222";
const REDIS = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

async function dayText(seed: number, cdrs: number): Promise<string> {
  const day = generateDay({ seed, cdrs });
  const chunks: string[] = [];
  const sink = new (await import("node:stream")).Writable({
    write(chunk, _enc, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  await writeDay(day, sink, "csv", "iso");
  return chunks.join("");
}

const key = (flags: CallFlag[]) => flags.map((f) => JSON.stringify(f)).sort();

describe("scamguard stream over JetStream + Redis", () => {
  const run = randomBytes(4).toString("hex");
  const created: string[] = [];
  let text: string;
  let fileFlags: CallFlag[];

  beforeAll(async () => {
    text = await dayText(23, 30_000);
    fileFlags = [];
    await ingestCdrStream(Readable.from([text]), { onFlags: (f) => void fileFlags.push(...f) });
    expect(fileFlags.filter((f) => f.kind === "scam_like").length).toBeGreaterThan(10);
  });

  afterAll(async () => {
    const nc = await connectNats(NATS);
    const jsm = await jetstreamManager(nc);
    for (const stream of created) await jsm.streams.delete(stream).catch(() => {});
    await nc.close();
    const redis = new Redis(REDIS);
    await new RedisWindowStore(redis, `sgtest:${run}:`).clear();
    redis.disconnect();
  });

  async function publishedRun(tag: string, dieAfterWrites?: number): Promise<{ flags: CallFlag[]; died: number; redelivered: number }> {
    const names = { stream: `SGTEST_${run}_${tag}`, subjects: `sgtest.${run}.${tag}.cdr.>`, durable: "workers" };
    created.push(names.stream);
    const prefix = `sgtest:${run}:${tag}:`;
    const nc = await connectNats(NATS);
    const { ensureStream } = await import("../../packages/stream/src/scale/jetstream.js");
    await ensureStream(nc, names, 1500);
    const sent = await publishCdr(nc, Readable.from([text]), `sgtest.${run}.${tag}.cdr.day`, 500);
    expect(sent.rows).toBe(text.split("\n").filter(Boolean).length - 1);
    await nc.drain();
    const flags: CallFlag[] = [];
    const common = { natsUrl: NATS, redisUrl: REDIS, names, prefix, ackWaitMs: 1500, drain: true, onFlags: (f: CallFlag[]) => void flags.push(...f) };
    const first = dieAfterWrites === undefined ? null : await runWorker({ ...common, dieAfterWrites });
    const workers = await Promise.all([runWorker(common), runWorker(common), runWorker(common)]);
    return { flags, died: first?.died ? 1 : 0, redelivered: workers.reduce((s, w) => s + w.redelivered, 0) };
  }

  it("gives the same flags as the file path, with three workers sharing the consumer", async () => {
    const { flags } = await publishedRun("a");
    expect(key(flags)).toEqual(key(fileFlags));
  });

  it("loses and double-counts nothing when a worker dies between its Redis write and its ack", async () => {
    const { flags, died, redelivered } = await publishedRun("b", 3);
    expect(died).toBe(1);
    expect(redelivered).toBeGreaterThanOrEqual(1);
    expect(key(flags)).toEqual(key(fileFlags));
  });
});
