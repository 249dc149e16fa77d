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
 * - **Requests Node's parser refuses** (a raw non-ASCII or space character in the URL, as `curl` sends
 *   `?value=京东客服` unencoded; a malformed header; headers too large; the slow-loris 408): answered in the API's
 *   one error shape `{"error": {"code", "message"}}` with an `x-request-id`, naming what to fix, instead
 *   of Fastify's default `{"error":"Bad Request","message":"Client Error"}`.
 */
import type { IncomingMessage, Server, ServerOptions, ServerResponse } from "node:http";
import type { Socket } from "node:net";
import { randomUUID } from "node:crypto";
import type { Config } from "../config.js";
import { REQUEST_ID_HEADER, requestIdOf } from "./routing.js";

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
      // Fastify never sees this request, so the id every other answer carries is set here.
      response.writeHead(413, {
        "content-type": "application/json; charset=utf-8",
        "content-length": Buffer.byteLength(body),
        [REQUEST_ID_HEADER]: requestIdOf(request),
        connection: "close",
      });
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

/** What a client is told when Node's HTTP parser refuses its request (before Fastify routes it). */
export function clientErrorAnswer(error: NodeJS.ErrnoException): { status: number; code: string; message: string } {
  switch (error.code) {
    case "ERR_HTTP_REQUEST_TIMEOUT":
      return { status: 408, code: "request_timeout", message: "request: the headers and body did not arrive in time" };
    case "HPE_HEADER_OVERFLOW":
      return { status: 431, code: "headers_too_large", message: "headers: larger than the server accepts" };
    case "HPE_INVALID_URL":
      return {
        status: 400,
        code: "invalid_url",
        message:
          "URL: characters that must be percent-encoded (non-ASCII text such as Chinese, spaces, quotes); encode the query, e.g. curl -G --data-urlencode 'value=…'",
      };
    case "HPE_INVALID_HEADER_TOKEN":
    case "HPE_INVALID_HEADER_VALUE":
    case "HPE_LF_EXPECTED":
    case "HPE_CR_EXPECTED":
      return { status: 400, code: "invalid_header", message: "headers: malformed header line" };
    default:
      return { status: 400, code: "bad_request", message: "request: not a valid HTTP/1.1 request (a space in the URL must be encoded as %20)" };
  }
}

/** Fastify's `clientErrorHandler`: the API's error shape for requests the HTTP parser refuses. */
export function clientErrorHandler(error: NodeJS.ErrnoException, socket: Socket): void {
  // A reset connection has nobody left to answer (Node's own rule, as in Fastify's default).
  if (error.code === "ECONNRESET" || socket.destroyed) return;
  const answer = clientErrorAnswer(error);
  if (socket.writable) {
    const body = JSON.stringify({ error: { code: answer.code, message: answer.message } });
    socket.write(
      `HTTP/1.1 ${answer.status} ${STATUS_TEXT[answer.status]}\r\ncontent-type: application/json; charset=utf-8\r\n` +
        `content-length: ${Buffer.byteLength(body)}\r\nx-request-id: ${randomUUID()}\r\nconnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}

const STATUS_TEXT: Record<number, string> = { 400: "Bad Request", 408: "Request Timeout", 431: "Request Header Fields Too Large" };
