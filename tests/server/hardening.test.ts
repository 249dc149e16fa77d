/**
 * One policy for every route (issue 10): crafted cursors are 400s, unknown fields are rejected by name,
 * an absent body is an empty object, a wrong method is 405 with Allow, every answer carries x-request-id
 * (and every log line of its request the same id),
 * and transfer payees are validated exactly like lookups.
 */
import { expect, it } from "vitest";
import { describeBothEngines } from "../../packages/server/src/testing/test-app.js";

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

describeBothEngines("hardening: one validation policy", (t) => {
  it("answers a crafted cursor with 400 invalid_cursor on every list route", async () => {
    const admin = await t().authHeader("admin");
    const crafted = [b64(["x", "y"]), b64([{ d: "not a date" }, "k"]), b64([1e300, "k"]), b64([{ d: "2020-01-01T00:00:00Z" }, "a\u0000b"]), "%%%", b64([1, 2, 3]), b64({})];
    for (const url of ["/v1/alerts", "/v1/admin/keys", "/v1/reports"]) {
      for (const cursor of crafted) {
        const res = await t().app.inject({ method: "GET", url: `${url}?cursor=${encodeURIComponent(cursor)}`, headers: admin });
        expect(res.statusCode, `${url} ${cursor}`).toBe(400);
        expect(res.json().error.code).toBe("invalid_cursor");
      }
    }
  });

  it("still pages with the cursors it hands out", async () => {
    const admin = await t().authHeader("admin");
    await t().createKey("reporter");
    await t().createKey("reporter");
    const first = await t().app.inject({ method: "GET", url: "/v1/admin/keys?limit=1", headers: admin });
    const next = first.json().nextCursor as string;
    expect(next).toBeTruthy();
    const second = await t().app.inject({ method: "GET", url: `/v1/admin/keys?limit=1&cursor=${next}`, headers: admin });
    expect(second.statusCode).toBe(200);
    expect(second.json().items[0].id).not.toBe(first.json().items[0].id);
  });

  it("rejects unknown fields in bodies (nested too) and query strings, naming each", async () => {
    const institution = await t().authHeader("institution");
    const nested = await t().app.inject({
      method: "POST",
      url: "/v1/lookup",
      headers: institution,
      payload: { items: [{ kind: "phone", value: "95588", extra: 1 }] },
    });
    expect(nested.statusCode).toBe(400);
    expect(nested.json().error.details).toEqual([{ path: "items.0.extra", message: "unknown field (not in the API schema)" }]);
    const query = await t().app.inject({ method: "GET", url: "/v1/lookup?kind=phone&value=95588&verbose=1" });
    expect(query.statusCode).toBe(400);
    expect(query.json().error.details[0].path).toBe("verbose");
    const report = await t().app.inject({ method: "POST", url: "/v1/reports", headers: await t().authHeader("reporter"), payload: { bogus: true } });
    expect(report.statusCode).toBe(400);
    expect(report.json().error.details.map((d: { path: string }) => d.path)).toContain("bogus");
  });

  it("accepts POST /v1/conversations without any body (all fields optional)", async () => {
    const res = await t().app.inject({ method: "POST", url: "/v1/conversations" });
    expect(res.statusCode).toBe(201);
  });

  it("answers a wrong method on a known path with 405 and Allow, an unknown path with 404", async () => {
    const res = await t().app.inject({ method: "DELETE", url: "/v1/analyze" });
    expect(res.statusCode).toBe(405);
    expect(res.headers.allow).toBe("POST");
    expect(res.json().error.code).toBe("method_not_allowed");
    const lookup = await t().app.inject({ method: "PUT", url: "/v1/lookup" });
    expect(lookup.headers.allow).toBe("GET, HEAD, POST");
    const param = await t().app.inject({ method: "PUT", url: "/v1/sessions/abc" });
    expect(param.statusCode).toBe(405);
    expect(param.headers.allow).toBe("GET, HEAD");
    const missing = await t().app.inject({ method: "GET", url: "/v1/nothing-here" });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe("not_found");
  });

  it("answers a missing file under a route that serves GET with 404, not 'GET: method not allowed; allowed: GET'", async () => {
    const asset = await t().app.inject({ method: "GET", url: "/assets/no-such-bundle.js" });
    expect(asset.statusCode).toBe(404);
    expect(asset.json().error).toEqual({ code: "not_found", message: "GET /assets/no-such-bundle.js: not found" });
    const post = await t().app.inject({ method: "POST", url: "/assets/no-such-bundle.js" });
    expect(post.statusCode).toBe(405);
    expect(post.headers.allow).toBe("GET, HEAD");
  });

  it("puts x-request-id on answers, errors included", async () => {
    for (const res of [
      await t().app.inject({ method: "GET", url: "/healthz" }),
      await t().app.inject({ method: "GET", url: "/nope" }),
      await t().app.inject({ method: "POST", url: "/v1/analyze", payload: { nope: 1 } }),
    ]) {
      expect(res.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it("logs every line of a request under the id its answer carries (reqId = x-request-id)", async () => {
    const lines: { reqId?: string; msg?: string }[] = [];
    const app = await t().withEnv({ LOG_LEVEL: "info" }, { logStream: { write: (line) => void lines.push(JSON.parse(line)) } });
    const own = await app.inject({ method: "POST", url: "/v1/analyze", headers: { "x-request-id": "trace-7" }, payload: { nope: 1 } });
    const fresh = await app.inject({ method: "GET", url: "/nope" });
    const ids = [own.headers["x-request-id"], fresh.headers["x-request-id"]];
    expect(ids[0]).toBe("trace-7");
    for (const id of ids) {
      const of = lines.filter((line) => line.reqId === id).map((line) => line.msg);
      expect(of).toEqual(expect.arrayContaining(["incoming request", "request completed"]));
    }
    // No line about a request without its id.
    expect(lines.filter((line) => /request/.test(line.msg ?? "") && line.reqId === undefined)).toEqual([]);
  });

  it("validates a transfer's payee like a lookup does: 422 naming payee.value", async () => {
    const institution = await t().authHeader("institution");
    const payee = { kind: "phone", value: "hello" };
    const lookup = await t().app.inject({ method: "GET", url: "/v1/lookup?kind=phone&value=hello" });
    expect(lookup.statusCode).toBe(422);
    const res = await t().app.inject({
      method: "POST",
      url: "/v1/transfers/screen",
      headers: institution,
      payload: { payee, amount: 100, currency: "CNY", channel: "mobile_app" },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe("invalid_identifier");
    expect(res.json().error.message).toMatch(/^payee\.value: /);
  });
});
