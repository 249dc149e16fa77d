/**
 * Institution webhooks for guardian alerts: registration (URL vetted, secret shown once) and the durable
 * outbox drained by one delivery worker per app. Outbox rows are written in the transaction that raises
 * the alert; the worker claims due rows with a lease (FOR UPDATE SKIP LOCKED, so several app instances
 * on one PostgreSQL never deliver a row twice at once), delivers, and retries with exponential backoff.
 */
import { randomBytes } from "node:crypto";
import { and, asc, eq, inArray, lte } from "drizzle-orm";
import type { Webhook } from "@scamguard/contracts";
import type { Principal } from "../auth/principal.js";
import type { CoreContext } from "../context.js";
import type { Db } from "../db/client.js";
import { webhookOutbox, webhooks } from "../db/schema/index.js";
import { deliverOnce } from "./webhook-delivery.js";
import { vetWebhookUrl } from "./webhook-url.js";

/** Attempts before a delivery is given up as dead. */
export const MAX_ATTEMPTS = 8;
/** Backoff before attempt n+1: 1 s · 2^(n-1), at most an hour. */
export const backoffMs = (attempts: number): number => Math.min(1_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
/** A claimed row is invisible to other workers this long (a delivery takes at most 5 s). */
const LEASE_MS = 30_000;
const BATCH = 20;

export interface WebhookService {
  /** @throws AppError 422 `invalid_webhook_url` */
  register(url: string, principal: Principal): Promise<Webhook>;
  list(principal: Principal): Promise<Webhook[]>;
  /** Webhooks of these owners (alert fan-out). */
  ofOwners(ownerKeyIds: readonly string[]): Promise<{ id: string; ownerKeyId: string }[]>;
  /** Queue deliveries (inside the caller's transaction), one statement. */
  enqueueMany(deliveries: readonly { webhookId: string; alertId: string; body: string }[]): Promise<void>;
  /** Wake the worker now (after a commit that queued deliveries). */
  kick(): void;
  readonly worker: DeliveryWorker;
}

/** Background failures (a worker's query, a flush) go to stderr as JSON lines, unless logging is off. */
export type BackgroundWarn = (message: string, error: unknown) => void;
export const backgroundWarn =
  (silent: boolean): BackgroundWarn =>
  (message, error) => {
    if (!silent) process.stderr.write(`${JSON.stringify({ level: "warn", msg: message, err: error instanceof Error ? error.message : String(error) })}\n`);
  };

export class DeliveryWorker {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private closed = false;

  constructor(
    private readonly db: Db,
    private readonly allowHosts: readonly string[],
    private readonly pollMs: number,
    private readonly warn: BackgroundWarn = () => {},
  ) {}

  start(): void {
    if (this.timer || this.closed) return;
    this.timer = setInterval(() => this.kick(), this.pollMs);
    this.timer.unref();
  }

  /** Runs a drain now (or right after the one in progress). */
  kick(): void {
    if (this.closed) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain()
      .catch((error: unknown) => this.warn("webhook delivery worker: drain failed", error))
      .finally(() => {
        this.running = null;
        if (this.again && !this.closed) {
          this.again = false;
          this.kick();
        }
      });
  }

  /** Resolves when the drain in progress (if any) is over; for tests and shutdown. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    await this.idle();
  }

  private async drain(): Promise<void> {
    for (;;) {
      const claimed = await this.claim();
      if (claimed.length === 0) return;
      await Promise.all(claimed.map((row) => this.deliver(row)));
    }
  }

  private async claim() {
    return this.db.transaction(async (tx) => {
      const due = await tx
        .select({ id: webhookOutbox.id, webhookId: webhookOutbox.webhookId, body: webhookOutbox.body, attempts: webhookOutbox.attempts })
        .from(webhookOutbox)
        .where(and(eq(webhookOutbox.status, "pending"), lte(webhookOutbox.nextAttemptAt, new Date())))
        .orderBy(asc(webhookOutbox.nextAttemptAt))
        .limit(BATCH)
        .for("update", { skipLocked: true });
      if (due.length > 0) {
        await tx
          .update(webhookOutbox)
          .set({ nextAttemptAt: new Date(Date.now() + LEASE_MS) })
          .where(inArray(webhookOutbox.id, due.map((d) => d.id)));
      }
      return due;
    });
  }

  private async deliver(row: { id: number; webhookId: string; body: string; attempts: number }): Promise<void> {
    const [hook] = await this.db.select().from(webhooks).where(eq(webhooks.id, row.webhookId)).limit(1);
    const attempts = row.attempts + 1;
    let error: string | null = null;
    if (!hook) error = "webhook removed";
    else {
      try {
        const status = await deliverOnce({ url: hook.url, secret: hook.secret, body: row.body, deliveryId: String(row.id), allowHosts: this.allowHosts });
        if (status < 200 || status >= 300) error = `receiver answered ${status}`;
      } catch (e) {
        error = e instanceof Error ? e.message : String(e);
      }
    }
    if (error === null) {
      await this.db.update(webhookOutbox).set({ status: "delivered", attempts, deliveredAt: new Date(), lastError: null }).where(eq(webhookOutbox.id, row.id));
      return;
    }
    const dead = attempts >= MAX_ATTEMPTS || !hook;
    await this.db
      .update(webhookOutbox)
      .set({ status: dead ? "dead" : "pending", attempts, lastError: error.slice(0, 500), nextAttemptAt: new Date(Date.now() + backoffMs(attempts)) })
      .where(eq(webhookOutbox.id, row.id));
  }
}

const toWebhook = (row: typeof webhooks.$inferSelect, secret?: string): Webhook => ({
  id: row.id,
  url: row.url,
  createdAt: row.createdAt.toISOString(),
  ...(secret ? { secret } : {}),
});

export function createWebhookService(db: Db, ctx: CoreContext): WebhookService {
  const worker = ctx.singleton("webhook-worker", () => {
    const w = new DeliveryWorker(ctx.rootDb, ctx.config.webhooks.allowHosts, ctx.config.webhooks.pollMs, backgroundWarn(ctx.config.logLevel === "silent"));
    w.start();
    return w;
  });
  return {
    worker,
    async register(url, principal) {
      const target = await vetWebhookUrl(url, ctx.config.webhooks.allowHosts);
      const secret = `whsec_${randomBytes(32).toString("base64url")}`;
      const [row] = await db
        .insert(webhooks)
        .values({ id: `wh_${randomBytes(12).toString("base64url")}`, ownerKeyId: principal.keyId, url: target.url.toString(), secret })
        .returning();
      return toWebhook(row as typeof webhooks.$inferSelect, secret);
    },
    async list(principal) {
      const rows = await db.select().from(webhooks).where(eq(webhooks.ownerKeyId, principal.keyId)).orderBy(asc(webhooks.createdAt));
      return rows.map((r) => toWebhook(r));
    },
    async ofOwners(owners) {
      if (owners.length === 0) return [];
      return db.select({ id: webhooks.id, ownerKeyId: webhooks.ownerKeyId }).from(webhooks).where(inArray(webhooks.ownerKeyId, [...owners]));
    },
    async enqueueMany(deliveries) {
      if (deliveries.length > 0) await db.insert(webhookOutbox).values([...deliveries]);
    },
    kick: () => worker.kick(),
  };
}
