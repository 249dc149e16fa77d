/** The server over a real socket (startServer): what a client on the network actually receives. */
import { request } from "node:http";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../packages/server/src/config.js";
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
  const config = loadConfig({ DATA_DIR: dataDir, PORT: "0", LOG_LEVEL: "silent" });
  let server: RunningServer;

  beforeAll(async () => {
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
});
