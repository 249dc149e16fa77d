/**
 * `scamguard check --server URL` as a process against the real server over HTTP: it reports the
 * reputation of a reported number while the server never receives the number. A recording TCP relay in
 * front of the server keeps every byte the CLI sent; the assertions read those bytes.
 */
import { createServer, type Server, type Socket, connect } from "node:net";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { identifierHash, rangePrefix } from "@scamguard/detect";
import { startTestApp, type TestApp } from "../../packages/server/src/testing/test-app.js";
import { runCli } from "../helpers/run-cli.js";

const NUMBER = "+8617012345678";

/** Relays TCP to `port`, recording every byte clients send. */
function recordingRelay(port: number): Promise<{ server: Server; received: () => string; url: string }> {
  const chunks: Buffer[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = connect(port, "127.0.0.1");
    sockets.add(client).add(upstream);
    client.on("data", (d: Buffer) => chunks.push(d));
    client.pipe(upstream).pipe(client);
    const done = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on("error", done).on("close", done);
    upstream.on("error", done).on("close", done);
  });
  server.on("close", () => {
    for (const s of sockets) s.destroy();
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve({ server, received: () => Buffer.concat(chunks).toString("latin1"), url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }),
    ),
  );
}

describe("scamguard check --server (private range lookup)", () => {
  let t: TestApp;
  let relay: Awaited<ReturnType<typeof recordingRelay>>;

  beforeAll(async () => {
    t = await startTestApp("pglite");
    await t.app.listen({ port: 0, host: "127.0.0.1" });
    relay = await recordingRelay((t.app.server.address() as AddressInfo).port);
  });
  afterAll(async () => {
    await new Promise((resolve) => relay?.server.close(resolve));
    await t?.close();
  });

  it("says what three reporters said about a number without the server receiving it", async () => {
    for (let i = 0; i < 3; i++) {
      const res = await t.app.inject({
        method: "POST",
        url: "/v1/reports",
        headers: { authorization: `Bearer ${await t.createKey("reporter")}` },
        payload: { identifiers: [{ kind: "phone", value: NUMBER }], text: "自称京东客服，让我共享屏幕" },
      });
      expect(res.statusCode).toBe(201);
    }
    const plain = (await t.app.inject({ method: "GET", url: `/v1/lookup?kind=phone&value=${encodeURIComponent(NUMBER)}` })).json();
    expect(["suspicious", "scam"]).toContain(plain.verdict);

    // A bare +86 number answers in Chinese by default (check-offline.test); this one asks for English.
    const { code, stdout, stderr } = await runCli(["check", "--lang", "en", "--server", relay.url, NUMBER], { env: { SCAMGUARD_SERVER: "" } });
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout).toContain(`phone ${NUMBER}: ${plain.verdict} — 3 distinct reporters, last ${new Date().toISOString().slice(0, 10)}`);
    // The reputation counts in the verdict: three reporters make a bare number high risk, and say so.
    expect(stdout).toMatch(/^High risk/);
    // The bare number's words score near 0: the figure beside "High risk" says it is the words', not a contradiction.
    expect(stdout).toMatch(/^High risk {2}\(scam probability from the words alone 0\.\d\d\)\n/);
    expect(stdout).toContain(`The phone number “${NUMBER}” has been reported as a scam by 3 different people.`);

    const hash = identifierHash("phone", NUMBER) as string;
    const received = relay.received();
    // It did ask, for the prefix only.
    expect(received).toContain(`GET /v1/lookup/range/${rangePrefix(hash)} HTTP/1.1`);
    // Never the number in any spelling, nor enough of its hash to single it out.
    for (const leak of ["17012345678", "170 1234 5678", "170-1234-5678", "%2B86", hash.slice(0, 8), hash.slice(5)]) {
      expect(received, leak).not.toContain(leak);
    }
  });

  it("says unknown for a number nobody reported, and official for an official one", async () => {
    const { stdout, code } = await runCli(["check", "--server", relay.url, "Please call back 95588 or 13900000000"]);
    expect(code).toBe(0);
    expect(stdout).toContain("phone 95588: official — official contact in the directory");
    expect(stdout).toContain("phone +8613900000000: unknown — no reports");
  });

  it("never says a stranger's FaceTime Apple ID is official because Apple owns icloud.com", async () => {
    const { stdout, code } = await runCli(["check", "--server", relay.url, "FaceTime来电 jd-kefu2023@icloud.com，自称京东客服"]);
    expect(code).toBe(0);
    expect(stdout).toContain("邮箱/Apple ID jd-kefu2023@icloud.com：没有记录 — 无人举报");
    expect(stdout).not.toContain("官方联系方式");
  });

  it("writes the reputation lines in the verdict's language: a Chinese text gets no English lines", async () => {
    const { stdout, code } = await runCli(["check", "--server", relay.url, `请回拨 95588 或 13900000000，或者 ${NUMBER}`]);
    expect(code).toBe(0);
    expect(stdout).toContain("电话号码 95588：官方联系方式 — 目录中的官方联系方式");
    expect(stdout).toContain("电话号码 +8613900000000：没有记录 — 无人举报");
    expect(stdout).toMatch(new RegExp(`电话号码 \\${NUMBER}：被举报，可疑 — 3 人举报，最近一次 \\d{4}-\\d{2}-\\d{2}`));
    expect(stdout).not.toMatch(/Reputation|reporter|no reports|official contact/);
  });

  it("names an app as a person knows it, in the verdict's language, never by its lookup id", async () => {
    const zh = await runCli(["check", "--server", relay.url, "请下载腾讯会议，会议号 123 456 789，我教您共享屏幕"]);
    expect(zh.code).toBe(0);
    expect(zh.stdout).toContain("应用 腾讯会议：没有记录 — 无人举报");
    expect(zh.stdout).toContain("会议号 123456789：没有记录 — 无人举报");
    expect(zh.stdout).not.toContain("tencent-meeting");
    const en = await runCli(["check", "--server", relay.url, "Please install Tencent Meeting, meeting ID 123 456 789, and share your screen"]);
    expect(en.code).toBe(0);
    expect(en.stdout).toContain("app Tencent Meeting: unknown — no reports");
    expect(en.stdout).toContain("meeting ID 123456789: unknown — no reports");
    expect(en.stdout).not.toMatch(/tencent-meeting|meeting_id|腾讯/);
  });

  it("still gives the verdict from the words when the server cannot be reached, and says so naming the server", async () => {
    const { stdout, stderr, code } = await runCli(["check", "--server", "http://127.0.0.1:9", `我是京东客服，请下载腾讯会议共享屏幕，有问题打 ${NUMBER}`]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^(高风险|极高风险)/);
    expect(stdout).toContain("无法连接 http://127.0.0.1:9：没有查询号码、邮箱和链接的举报记录，以上结果只根据文字判断。");
    expect(stderr).toContain("--server: could not reach http://127.0.0.1:9");
    expect(stderr).toContain("checked offline");
  });
});
