/**
 * What the HTTP server does before Fastify sees a request, against slow or oversized clients:
 *
 * - **Slow-loris**: Node's `requestTimeout` (whole request, headers AND body) and `headersTimeout` close
 *   a client that trickles its request (408); Node checks them every `connectionsCheckingInterval`,
 *   30 s by default, here 1 s so the limit is what it says. Responses are not timed: a long-lived
 *   stream (server-sent events) stays open once its request has arrived.
 * - **Concurrent slow connections**: one client address may hold at most `maxConnectionsPerIp` open
 *   connections; further ones are closed at accept, before they cost a parser or a timer.
 * - **`Expect: 100-continue`**: the declared Content-Length is checked against the body limit BEFORE
 *   answering `100 Continue`, so a client is told 413 without sending a body it would waste.
 */
import type { IncomingMessage, Server, ServerOptions, ServerResponse } from "node:http";
import type { Socket } from "node:net";
import type { Config } from "../config.js";

/** Options for `http.createServer` (Fastify's `http` option) from the config. */
export function httpServerOptions(config: Config): ServerOptions {
  return {
    requestTimeout: config.http.requestTimeoutMs,
    headersTimeout: config.http.headersTimeoutMs,
    connectionsCheckingInterval: 1_000,
  };
}

/** Attaches the per-address connection cap and the 100-continue check to the app's server. */
export function installServerLimits(server: Server, config: Config): void {
  capConnectionsPerAddress(server, config.http.maxConnectionsPerIp);
  server.on("checkContinue", (request: IncomingMessage, response: ServerResponse) => {
    const declared = Number(request.headers["content-length"]);
    if (Number.isFinite(declared) && declared > config.bodyLimitBytes) {
      const body = JSON.stringify({
        error: { code: "payload_too_large", message: `body: larger than the limit of ${config.bodyLimitBytes} bytes` },
      });
      // Closing the connection: the client may still send the body it was about to send.
      response.writeHead(413, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(body), connection: "close" });
      response.end(body);
      return;
    }
    response.writeContinue();
    // With a checkContinue listener Node no longer emits 'request' itself: hand the request to Fastify.
    server.emit("request", request, response);
  });
}

function capConnectionsPerAddress(server: Server, max: number): void {
  const open = new Map<string, number>();
  server.on("connection", (socket: Socket) => {
    const address = socket.remoteAddress ?? "";
    const count = (open.get(address) ?? 0) + 1;
    if (count > max) {
      socket.destroy();
      return;
    }
    open.set(address, count);
    socket.once("close", () => {
      const left = (open.get(address) ?? 1) - 1;
      if (left <= 0) open.delete(address);
      else open.set(address, left);
    });
  });
}
