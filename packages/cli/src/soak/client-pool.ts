/**
 * A fixed set of keep-alive connections to one origin: `size` undici Clients, each request sent on the one
 * with the fewest requests outstanding, the rest waiting in this generator (the backlog).
 *
 * Why not undici's Pool: on a connection error (every `kill -9` and restart) Pool 7 drops the Client from
 * its set without closing it (nodejs/undici#3895). A dropped Client still holding requests reconnects on
 * its own while the Pool opens a replacement, so after a kill the generator held more sockets than it was
 * given, past the server's MAX_CONNECTIONS_PER_IP (256); the server then closes the extra ones at accept
 * and the requests on them fail with ECONNRESET while the server is up. Here a Client is never replaced:
 * after a connection error it fails what it holds and connects again for the next request.
 */
import { Client, type Dispatcher } from "undici";

/** Error code of a request dropped from the backlog at the end of a run (it never reached the server). */
export const NOT_SENT = "NOT_SENT";

export type RequestOptions = Omit<Dispatcher.RequestOptions, "origin">;

/** What the soak's traffic and checks need of a connection pool. */
export interface Requester {
  request(options: RequestOptions): Promise<Dispatcher.ResponseData>;
}

export class ClientPool implements Requester {
  private readonly clients: Client[];
  /** Requests handed to each client and not yet answered (or failed). */
  private readonly outstanding: number[];
  /** Requests waiting for a client: how far the server is behind the offered rate. */
  private readonly waiting: { resolve(client: number): void; reject(error: Error): void }[] = [];
  private head = 0;

  constructor(
    origin: string,
    size: number,
    options: Client.Options = {},
    /** Requests one connection carries at once (1: no pipelining, an HTTP/1.1 client's default). */
    private readonly perClient = 1,
  ) {
    this.clients = Array.from({ length: size }, () => new Client(origin, options));
    this.outstanding = this.clients.map(() => 0);
  }

  /** Requests waiting in this generator for a free connection. */
  get backlog(): number {
    return this.waiting.length - this.head;
  }

  async request(options: RequestOptions): Promise<Dispatcher.ResponseData> {
    let i = this.freeClient();
    if (i >= 0) this.outstanding[i] = (this.outstanding[i] as number) + 1;
    // Handed a connection by the request that frees it, in arrival order.
    else i = await new Promise<number>((resolve, reject) => this.waiting.push({ resolve, reject }));
    try {
      const response = await (this.clients[i] as Client).request(options);
      // The connection is free again only once the body is read (the caller reads it).
      response.body.once("close", () => this.release(i));
      return response;
    } catch (error) {
      this.release(i);
      throw error;
    }
  }

  private freeClient(): number {
    let best = -1;
    for (let i = 0; i < this.outstanding.length; i++) {
      const n = this.outstanding[i] as number;
      if (n < this.perClient && (best < 0 || n < (this.outstanding[best] as number))) best = i;
      if (n === 0) return i;
    }
    return best;
  }

  private release(i: number): void {
    if (this.head === this.waiting.length) {
      this.outstanding[i] = (this.outstanding[i] as number) - 1;
      return;
    }
    const next = this.waiting[this.head++] as { resolve(client: number): void };
    // Compact now and then: the queue is an array read from `head`.
    if (this.head > 4096 && this.head * 2 > this.waiting.length) {
      this.waiting.splice(0, this.head);
      this.head = 0;
    }
    next.resolve(i);
  }

  /** Fails every request still waiting for a connection (never sent) with code NOT_SENT; how many. */
  dropBacklog(): number {
    const dropped = this.waiting.slice(this.head);
    this.waiting.length = 0;
    this.head = 0;
    for (const w of dropped) w.reject(Object.assign(new Error("not sent: the server fell behind the rate"), { code: NOT_SENT }));
    return dropped.length;
  }

  async close(): Promise<void> {
    await Promise.all(this.clients.map((c) => c.close()));
  }
}
