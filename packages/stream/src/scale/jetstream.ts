/**
 * JetStream plumbing: the stream (`cdr.>` by default) and its durable pull consumer (explicit acks, so a
 * message is redelivered when its worker dies before acking), and publishing a CDR file as batch messages
 * (the CSV header repeated in each, so every message parses on its own).
 */
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import type { Readable } from "node:stream";
import { AckPolicy, DeliverPolicy, type JetStreamManager, jetstream, jetstreamManager, StorageType } from "@nats-io/jetstream";
import { connect, type NatsConnection } from "@nats-io/transport-node";

export interface StreamNames {
  /** JetStream stream name. */
  stream: string;
  /** Subject filter of the stream, e.g. `cdr.>`. */
  subjects: string;
  /** Durable consumer shared by all workers. */
  durable: string;
}

export const DEFAULT_NAMES: StreamNames = { stream: "CDR", subjects: "cdr.>", durable: "scamguard-cdr" };
/** Rows per published message (the Redis script unpacks a message's arguments; keep them bounded). */
export const MAX_ROWS_PER_MESSAGE = 2000;

export async function connectNats(url: string): Promise<NatsConnection> {
  return connect({ servers: url, name: "scamguard-stream" });
}

/** Creates the stream and the durable consumer when missing. */
export async function ensureStream(nc: NatsConnection, names: StreamNames, ackWaitMs = 30_000): Promise<JetStreamManager> {
  const jsm = await jetstreamManager(nc);
  try {
    await jsm.streams.info(names.stream);
  } catch {
    await jsm.streams.add({ name: names.stream, subjects: [names.subjects], storage: StorageType.File });
  }
  try {
    await jsm.consumers.info(names.stream, names.durable);
  } catch {
    await jsm.consumers.add(names.stream, {
      durable_name: names.durable,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      ack_wait: ackWaitMs * 1_000_000,
      max_ack_pending: 256,
    });
  }
  return jsm;
}

/**
 * Publishes CDR lines as messages of `rowsPerMessage` rows to `subject` (under the stream's subjects).
 * Returns the messages and rows sent. Each message has a message id (JetStream de-duplicates a re-publish).
 */
export async function publishCdr(nc: NatsConnection, input: Readable | string, subject: string, rowsPerMessage = 1000): Promise<{ messages: number; rows: number }> {
  const rows = Math.min(Math.max(1, rowsPerMessage), MAX_ROWS_PER_MESSAGE);
  const js = jetstream(nc);
  const lines = createInterface({ input: typeof input === "string" ? createReadStream(input) : input, crlfDelay: Infinity });
  let header: string | null = null;
  let batch: string[] = [];
  let messages = 0;
  let total = 0;
  const inFlight: Promise<unknown>[] = [];
  const runId = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  const send = async () => {
    if (batch.length === 0) return;
    const body = (header === null ? "" : `${header}\n`) + batch.join("\n");
    total += batch.length;
    batch = [];
    inFlight.push(js.publish(subject, body, { msgID: `${runId}-${messages++}` }));
    if (inFlight.length >= 64) await Promise.all(inFlight.splice(0));
  };
  for await (const line of lines) {
    if (header === null && messages === 0 && batch.length === 0 && !line.trimStart().startsWith("{")) {
      header = line;
      continue;
    }
    if (line.length === 0) continue;
    batch.push(line);
    if (batch.length >= rows) await send();
  }
  await send();
  await Promise.all(inFlight);
  return { messages, rows: total };
}

/** Deletes a stream (benchmarks and tests clean up after themselves). */
export async function deleteStream(nc: NatsConnection, stream: string): Promise<void> {
  const jsm = await jetstreamManager(nc);
  await jsm.streams.delete(stream).catch(() => false);
}
