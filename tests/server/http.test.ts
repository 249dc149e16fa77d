/** The server over a real socket (startServer): what a client on the network actually receives. */
import { request } from "node:http";
import { connect, type Socket } from "node:net";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../packages/server/src/config.js";
import { seedPgliteDataDir } from "../../packages/server/src/testing/pglite-template.js";
import { type RunningServer, startServer } from "../../packages/server/src/start.js";

/** Raw request, so the body can be any bytes and the declared length anything. */
function raw(url: string, path: string, body: Buffer, headers: Record<string, string | number>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}${path}`, { method: "POST", headers }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (d) => (text += d));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    // The server may answer (413) and close before the whole body is written.
    req.on("error", reject);
    req.end(body);
  });
}

describe("the server over HTTP (PGlite in DATA_DIR)", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "scamguard-http-"));
  // Short slow-client limits so the slow-loris tests end quickly (defaults: 30 s / 10 s / 256).
  const config = loadConfig({
    DATA_DIR: dataDir,
    PORT: "0",
    LOG_LEVEL: "silent",
    REQUEST_TIMEOUT_MS: "2000",
    HEADERS_TIMEOUT_MS: "1000",
    MAX_CONNECTIONS_PER_IP: "24",
  });
  let server: RunningServer;

  beforeAll(async () => {
    await seedPgliteDataDir(dataDir); // the database as a first start leaves it: this file is about HTTP
    server = await startServer(config, { handleSignals: false });
  });
  afterAll(async () => {
    await server?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("answers invalid UTF-8 with 400, and keeps serving", async () => {
    const body = Buffer.concat([Buffer.from('{"text":"'), Buffer.from([0xc0, 0xaf, 0xff]), Buffer.from('"}')]);
    const res = await raw(server.url, "/v1/analyze", body, { "content-type": "application/json", "content-length": body.length });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body).error.code).toBe("invalid_utf8");
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  it("answers a declared oversize body with 413 before reading it", async () => {
    const body = Buffer.alloc(3 * 1024 * 1024, 0x61);
    const res = await raw(server.url, "/v1/analyze", body, { "content-type": "application/json", "content-length": body.length }).catch(
      (error: unknown) => ({ status: -1, body: String(error) }),
    );
    expect(res.status).toBe(413);
  });

  it("answers analyze over the socket with the verdict", async () => {
    const res = await fetch(`${server.url}/v1/analyze`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ text: "请下载会议软件共享屏幕" }) });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { verdict: { lang: string } }).verdict.lang).toBe("zh");
  });

  it("refuses a second server on the same DATA_DIR, saying who holds it", async () => {
    await expect(startServer({ ...config }, { handleSignals: false })).rejects.toThrow(
      new RegExp(`DATA_DIR ${dataDir} is in use by a scamguard server \\(pid ${process.pid}`),
    );
  });

  it("says which setting to change when PORT is taken, instead of Node's bare EADDRINUSE", async () => {
    const other = mkdtempSync(join(tmpdir(), "scamguard-http-port-"));
    try {
      await seedPgliteDataDir(other);
      const port = new URL(server.url).port;
      await expect(startServer(loadConfig({ DATA_DIR: other, PORT: port, LOG_LEVEL: "silent" }), { handleSignals: false })).rejects.toThrow(
        `PORT ${port} on 127.0.0.1 is already in use by another program (another scamguard?): stop it, or set PORT to another port (PORT=0 picks a free one)`,
      );
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it("says PORT is taken before creating a fresh embedded database, not tens of seconds later", async () => {
    // A new user's second `npm start` on another DATA_DIR created and migrated a whole database (8-11 s) first.
    const fresh = mkdtempSync(join(tmpdir(), "scamguard-http-fresh-"));
    try {
      const port = new URL(server.url).port;
      const began = Date.now();
      await expect(startServer(loadConfig({ DATA_DIR: fresh, PORT: port, LOG_LEVEL: "silent" }), { handleSignals: false })).rejects.toThrow(
        `PORT ${port} on 127.0.0.1 is already in use by another program`,
      );
      expect(Date.now() - began).toBeLessThan(2_000);
      expect(existsSync(join(fresh, "pglite"))).toBe(false);
      // Nor does it announce the database it is not going to create.
      const said: string[] = [];
      const write = process.stderr.write.bind(process.stderr);
      process.stderr.write = ((chunk: string | Uint8Array) => said.push(String(chunk)) > 0) as typeof process.stderr.write;
      try {
        await expect(startServer(loadConfig({ DATA_DIR: fresh, PORT: port, LOG_LEVEL: "info" }), { handleSignals: false })).rejects.toThrow(/already in use/);
      } finally {
        process.stderr.write = write;
      }
      expect(said.join("")).not.toContain("creating the embedded database");
    } finally {
      rmSync(fresh, { recursive: true, force: true });
    }
  });

  it("checks Expect: 100-continue against the body limit before answering 100", async () => {
    const ask = (length: number) =>
      new Promise<{ continued: boolean; status: number; body: string; requestId: unknown }>((resolve, reject) => {
        let continued = false;
        const req = request(`${server.url}/v1/analyze`, {
          method: "POST",
          headers: { "content-type": "application/json", "content-length": length, expect: "100-continue", "x-request-id": `continue-${length}` },
        });
        req.on("continue", () => {
          continued = true;
          req.end(JSON.stringify({ text: "hi" }).padEnd(length, " "));
        });
        req.on("response", (res) => {
          let text = "";
          res.setEncoding("utf8");
          res.on("data", (d) => (text += d));
          res.on("end", () => resolve({ continued, status: res.statusCode ?? 0, body: text, requestId: res.headers["x-request-id"] }));
        });
        req.on("error", reject);
        req.flushHeaders();
      });
    const big = await ask(3 * 1024 * 1024);
    // Answered before Fastify sees the request, and still with the caller's request id like every answer.
    expect(big).toMatchObject({ continued: false, status: 413, requestId: `continue-${3 * 1024 * 1024}` });
    expect(JSON.parse(big.body).error.code).toBe("payload_too_large");
    const small = await ask(40);
    expect(small).toMatchObject({ continued: true, status: 200, requestId: "continue-40" });
  });

  it("closes a connection whose body trickles in slower than REQUEST_TIMEOUT_MS (slow-loris), with 408", async () => {
    const socket = connect(Number(new URL(server.url).port), "127.0.0.1");
    let received = "";
    socket.setEncoding("utf8");
    socket.on("data", (d) => (received += d));
    socket.write("POST /v1/analyze HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n{");
    // One more byte now and then, never the whole body: the server must give up on its own.
    const drip = setInterval(() => socket.writable && socket.write(" "), 300);
    await new Promise((resolve) => socket.on("close", resolve));
    clearInterval(drip);
    expect(received).toMatch(/^HTTP\/1\.1 408/);
    expect(JSON.parse(received.slice(received.indexOf("\r\n\r\n") + 4)).error.code).toBe("request_timeout");
  });

  it("answers a request Node's parser refuses (raw Chinese in the URL, as curl sends it; a bad header) in the API's error shape", async () => {
    const send = (head: string) =>
      new Promise<string>((resolve) => {
        const socket = connect(Number(new URL(server.url).port), "127.0.0.1");
        let received = "";
        socket.on("data", (d: Buffer) => (received += d.toString("utf8")));
        socket.on("close", () => resolve(received));
        socket.on("error", () => resolve(received));
        socket.write(Buffer.from(head, "utf8"));
      });
    const parts = (received: string) => {
      const [head = "", body = ""] = received.split("\r\n\r\n");
      return { head, body: JSON.parse(body) as { error: { code: string; message: string } } };
    };
    const url = parts(await send("GET /v1/lookup?kind=display_name&value=京东客服 HTTP/1.1\r\nhost: x\r\n\r\n"));
    expect(url.head).toMatch(/^HTTP\/1\.1 400 /);
    expect(url.head).toMatch(/\r\nx-request-id: [0-9a-f-]{36}/);
    expect(url.body.error.code).toBe("invalid_url");
    expect(url.body.error.message).toContain("percent-encoded");
    const header = parts(await send("GET /healthz HTTP/1.1\r\nhost: x\r\nbad header\r\n\r\n"));
    expect(header.head).toMatch(/^HTTP\/1\.1 400 /);
    expect(header.body.error.code).toBe("invalid_header");
    // Encoded, the same lookup works.
    const ok = await fetch(`${server.url}/v1/lookup?kind=display_name&value=${encodeURIComponent("京东客服")}`);
    expect(ok.status).toBe(200);
  });

  it("caps the connections one address may hold open; the rest are closed at once and others keep working", async () => {
    const port = Number(new URL(server.url).port);
    const sockets: Socket[] = [];
    let closedByServer = 0;
    for (let i = 0; i < 40; i++) {
      const socket = connect(port, "127.0.0.1");
      socket.on("error", () => {});
      socket.on("close", () => closedByServer++);
      sockets.push(socket);
    }
    // Wait for the server's refusals (polling, no timing assumption; the test timeout bounds it).
    while (closedByServer < 40 - 24) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(closedByServer).toBeGreaterThanOrEqual(40 - 24);
    const allClosed = Promise.all(sockets.map((socket) => (socket.closed ? null : new Promise((resolve) => socket.on("close", resolve)))));
    for (const socket of sockets) socket.destroy();
    await allClosed;
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  it("puts x-request-id on every response: the caller's when sane, a fresh one otherwise", async () => {
    const own = await fetch(`${server.url}/healthz`, { headers: { "x-request-id": "trace-42" } });
    expect(own.headers.get("x-request-id")).toBe("trace-42");
    const forged = await fetch(`${server.url}/v1/nowhere`, { headers: { "x-request-id": "bad id\twith spaces" } });
    expect(forged.status).toBe(404);
    expect(forged.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });
});
