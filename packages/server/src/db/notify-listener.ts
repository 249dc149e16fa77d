/**
 * One LISTEN connection to PostgreSQL that comes back by itself: the reputation sync and the contact
 * sync each keep one. Notifications are delivered at commit, in commit order, and none is lost while the
 * connection lives; when it drops, whatever was notified meanwhile is gone, so after reconnecting the
 * owner catches up from the database (`onReconnected`). Reconnects are tried every second until one
 * works or the listener is closed.
 */
import pg from "pg";

export interface NotifyListenerOptions {
  databaseUrl: string;
  /** The channel, as the migration's trigger names it (quoted when listened to). */
  channel: string;
  /** Named in the log lines: "reputation", "contact". */
  what: string;
  onNotification(payload: string): void;
  /** Runs after each reconnect; a failure there is logged and the reconnect tried again. */
  onReconnected(): Promise<void>;
  log: { warn(obj: unknown, msg: string): void };
}

const RECONNECT_MS = 1000;

export class NotifyListener {
  private client: pg.Client | null = null;
  private closed = false;
  private reconnecting = false;

  constructor(private readonly options: NotifyListenerOptions) {}

  /** Whether a LISTEN connection is open now. */
  get listening(): boolean {
    return this.client !== null;
  }

  /** Connects and listens; rejects (leaving nothing open) when it cannot. */
  async start(): Promise<void> {
    const { databaseUrl, channel, what, log } = this.options;
    const client = new pg.Client({ connectionString: databaseUrl });
    const lost = (err?: unknown) => {
      if (this.client !== client) return;
      this.client = null;
      log.warn({ err }, `${what} listener lost its connection; reconnecting`);
      this.scheduleReconnect();
    };
    client.on("notification", (message) => {
      if (message.payload) this.options.onNotification(message.payload);
    });
    client.on("error", lost);
    client.on("end", () => lost());
    try {
      await client.connect();
      await client.query(`LISTEN "${channel}"`);
    } catch (error) {
      await client.end().catch(() => {});
      throw error;
    }
    this.client = client;
  }

  private scheduleReconnect(): void {
    if (this.closed || this.reconnecting) return;
    this.reconnecting = true;
    setTimeout(async () => {
      this.reconnecting = false;
      if (this.closed) return;
      try {
        await this.start();
        await this.options.onReconnected();
      } catch (err) {
        this.options.log.warn({ err }, `${this.options.what} listener could not reconnect; retrying`);
        this.scheduleReconnect();
      }
    }, RECONNECT_MS).unref();
  }

  async close(): Promise<void> {
    this.closed = true;
    const client = this.client;
    this.client = null;
    if (client) await client.end().catch(() => {});
  }
}
