/** Rate limits: anonymous callers per IP, keyed callers per key with a higher limit, 429 with a clear message. */
import { connect } from "node:net";
import { expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { describeBothEngines } from "../../packages/server/src/testing/test-app.js";

describeBothEngines("rate limits", (t) => {
  let app: FastifyInstance;
  const call = (remoteAddress: string, headers: Record<string, string> = {}) =>
    app.inject({ method: "POST", url: "/v1/analyze", payload: { text: "hi" }, remoteAddress, headers });

  it("answers the request after the anonymous limit with 429 and says the limit and when to retry", async () => {
    app = await t().withEnv({ RATE_LIMIT: "3", RATE_LIMIT_KEYED: "5" });
    for (let i = 0; i < 3; i++) expect((await call("10.0.0.1")).statusCode).toBe(200);
    const res = await call("10.0.0.1");
    expect(res.statusCode).toBe(429);
    expect(res.json().error.code).toBe("rate_limited");
    expect(res.json().error.message).toMatch(/^too many requests: the limit is 3 per minute per IP address without an API key; retry in \d+ s$/);
    expect(Number(res.headers["retry-after"])).toBeGreaterThan(0);
  });

  it("counts each IP on its own", async () => {
    expect((await call("10.0.0.2")).statusCode).toBe(200);
  });

  it("gives a keyed caller its own, higher limit even from a limited IP", async () => {
    const key = { authorization: `Bearer ${await t().createKey("institution")}` };
    for (let i = 0; i < 5; i++) expect((await call("10.0.0.1", key)).statusCode).toBe(200);
    const res = await call("10.0.0.1", key);
    expect(res.statusCode).toBe(429);
    expect(res.json().error.message).toMatch(/the limit is 5 per minute per API key/);
  });

  it("counts invalid keys against the IP, so rotating junk keys gains nothing", async () => {
    const junk = (i: number) => ({ authorization: `Bearer sg_live_${String(i).padStart(43, "x")}` });
    // The route is anonymous: a junk key counts as no key, in the IP's bucket.
    for (let i = 0; i < 3; i++) expect((await call("10.0.0.3", junk(i))).statusCode).toBe(200);
    expect((await call("10.0.0.3", junk(99))).statusCode).toBe(429);
    expect((await call("10.0.0.3")).statusCode).toBe(429);
  });

  it("never limits the health probe", async () => {
    for (let i = 0; i < 5; i++) expect((await app.inject({ method: "GET", url: "/healthz", remoteAddress: "10.0.0.1" })).statusCode).toBe(200);
  });
});

describeBothEngines("rate limits behind a trusted proxy", (t) => {
  it("limits each forwarded client on its own, not the proxy as one caller", async () => {
    const app = await t().withEnv({ RATE_LIMIT: "2", TRUST_PROXY: "127.0.0.1" });
    const call = (client: string) =>
      app.inject({ method: "POST", url: "/v1/analyze", payload: { text: "hi" }, remoteAddress: "127.0.0.1", headers: { "x-forwarded-for": client } });
    for (let i = 0; i < 2; i++) expect((await call("203.0.113.7")).statusCode).toBe(200);
    expect((await call("203.0.113.7")).statusCode).toBe(429);
    expect((await call("203.0.113.8")).statusCode).toBe(200);
  });
});

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const redisUp = await new Promise<boolean>((resolve) => {
  const socket = connect({ host: new URL(REDIS_URL).hostname, port: Number(new URL(REDIS_URL).port || 6379) });
  socket.once("connect", () => {
    socket.destroy();
    resolve(true);
  });
  socket.once("error", () => resolve(false));
});

describeBothEngines("rate limits shared through Redis (REDIS_URL)", (t) => {
  it.skipIf(!redisUp)("counts one limit across two server processes on the same database", async () => {
    const a = await t().withEnv({ RATE_LIMIT: "3", REDIS_URL });
    const b = await t().withEnv({ RATE_LIMIT: "3", REDIS_URL });
    const call = (app: FastifyInstance) => app.inject({ method: "POST", url: "/v1/analyze", payload: { text: "hi" }, remoteAddress: "198.51.100.9" });
    expect((await call(a)).statusCode).toBe(200);
    expect((await call(b)).statusCode).toBe(200);
    expect((await call(a)).statusCode).toBe(200);
    const res = await call(b);
    expect(res.statusCode).toBe(429);
    expect(res.json().error.code).toBe("rate_limited");
  });

  it("keeps serving, unlimited, when Redis is unreachable", async () => {
    const app = await t().withEnv({ RATE_LIMIT: "1", REDIS_URL: "redis://127.0.0.1:1" });
    for (let i = 0; i < 3; i++) expect((await app.inject({ method: "POST", url: "/v1/analyze", payload: { text: "hi" } })).statusCode).toBe(200);
  });
});
