/** Operations surface: health, metrics, OpenAPI, docs, unknown routes. */
import { expect, it } from "vitest";
import { describeBothEngines } from "../../packages/server/src/testing/test-app.js";

describeBothEngines("operations", (t, engine) => {
  it("answers an unknown route with 404 naming it", async () => {
    const res = await t().app.inject({ method: "GET", url: "/v1/nope?x=1" });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: { code: "not_found", message: "no route GET /v1/nope" } });
  });

  it("reports health with the database engine", async () => {
    const res = await t().app.inject({ method: "GET", url: "/healthz" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: "ok", database: engine });
  });

  it("serves an OpenAPI document that contains /v1/analyze with its request schema", async () => {
    const res = await t().app.inject({ method: "GET", url: "/openapi.json" });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe("3.1.0");
    const op = doc.paths["/v1/analyze"].post;
    expect(op.requestBody.content["application/json"].schema.properties.text.type).toBe("string");
    expect(doc.paths["/healthz"]).toBeDefined();
    expect(doc.paths["/openapi.json"]).toBeUndefined();
    expect(op.security).toBeUndefined();
    expect(doc.paths["/v1/admin/keys"].get.security).toEqual([{ apiKey: [] }]);
    expect(doc.paths["/v1/admin/keys"].get.description).toContain("Requires an API key with role: admin.");
  });

  it("serves the docs page", async () => {
    const res = await t().app.inject({ method: "GET", url: "/docs/" });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/text\/html/);
  });

  it("counts requests per route pattern in Prometheus format", async () => {
    await t().app.inject({ method: "POST", url: "/v1/analyze", payload: { text: "hi" } });
    const res = await t().app.inject({ method: "GET", url: "/metrics" });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^text\/plain/);
    expect(res.body).toMatch(/http_requests_total\{method="POST",route="\/v1\/analyze",status="200"\} [1-9]/);
    expect(res.body).toMatch(/http_request_duration_seconds_bucket\{le="0.001",method="POST",route="\/v1\/analyze",status="200"\}/);
  });

  it("turns an unexpected failure into a generic 500 without internals", async () => {
    const failing = () => ({
      authenticate: async () => {
        throw new Error("secret internal detail at db.ts:42");
      },
    });
    const broken = await t().withEnv({}, { services: { apiKeys: failing as never } });
    const res = await broken.inject({
      method: "POST",
      url: "/v1/analyze",
      headers: { authorization: `Bearer sg_live_${"a".repeat(43)}` },
      payload: { text: "hello" },
    });
    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({ error: { code: "internal", message: "internal server error" } });
    expect(res.body).not.toContain("secret");
  });
});
