/** Bearer keys and roles: who gets 401, who gets 403, and the admin key routes. */
import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { describeBothEngines } from "../../packages/server/src/testing/test-app.js";

const analyze = { method: "POST" as const, url: "/v1/analyze", payload: { text: "hello" } };
/** A route that needs a key (any role). */
const keyed = { method: "GET" as const, url: "/v1/reports" };

describeBothEngines("API keys and roles", (t) => {
  it("answers a malformed key with 401 and a message", async () => {
    const res = await t().app.inject({ ...keyed, headers: { authorization: "Bearer not-a-key" } });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({ error: { code: "unauthorized", message: "Authorization: invalid, unknown or revoked API key" } });
  });

  it("answers a well-formed but unknown key with 401", async () => {
    const res = await t().app.inject({ ...keyed, headers: { authorization: `Bearer sg_live_${"A".repeat(43)}` } });
    expect(res.statusCode).toBe(401);
  });

  it("answers a non-Bearer scheme with 401", async () => {
    const key = await t().createKey("reporter");
    const res = await t().app.inject({ ...keyed, headers: { authorization: `Basic ${key}` } });
    expect(res.statusCode).toBe(401);
  });

  it("says how to send a valid key that came without the Bearer word, instead of calling it unknown or revoked", async () => {
    const key = await t().createKey("reporter");
    for (const authorization of [key, `Token ${key}`]) {
      const res = await t().app.inject({ ...keyed, headers: { authorization } });
      expect(res.statusCode).toBe(401);
      expect(res.json().error.message).toBe('Authorization: expected "Bearer <key>" (the word Bearer, a space, then the key)');
      expect(res.body).not.toContain(key);
    }
  });

  it("treats a malformed, unknown or non-Bearer key on an anonymous route as no key (documented choice)", async () => {
    for (const authorization of ["Bearer not-a-key", `Bearer sg_live_${"A".repeat(43)}`, "Basic abc"]) {
      const res = await t().app.inject({ ...analyze, headers: { authorization } });
      expect(res.statusCode).toBe(200);
      const health = await t().app.inject({ method: "GET", url: "/healthz", headers: { authorization } });
      expect(health.statusCode).toBe(200);
    }
  });

  it("answers a keyless call to an admin route with 401 naming the roles", async () => {
    const res = await t().app.inject({ method: "GET", url: "/v1/admin/keys" });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.message).toBe("Authorization: this route needs an API key (Bearer) with role admin");
  });

  it("answers a reporter on an admin route with 403", async () => {
    const res = await t().app.inject({ method: "GET", url: "/v1/admin/keys", headers: await t().authHeader("reporter") });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toEqual({
      error: { code: "forbidden", message: "role reporter may not call GET /v1/admin/keys; allowed: admin" },
    });
  });

  it("lets a valid key use an anonymous route", async () => {
    const res = await t().app.inject({ ...analyze, headers: await t().authHeader("institution") });
    expect(res.statusCode).toBe(200);
  });

  it("rejects a bad role when creating a key, naming the field", async () => {
    const res = await t().app.inject({ method: "POST", url: "/v1/admin/keys", headers: await t().authHeader("admin"), payload: { role: "root" } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe("role");
  });

  it("creates a key that works at once, stores only its hash, and stops working when revoked", async () => {
    const admin = await t().authHeader("admin");
    const created = await t().app.inject({ method: "POST", url: "/v1/admin/keys", headers: admin, payload: { role: "admin", label: "ops" } });
    expect(created.statusCode).toBe(201);
    const { key, info } = created.json();
    expect(key).toMatch(/^sg_live_[A-Za-z0-9_-]{43}$/);
    expect(info).toMatchObject({ role: "admin", label: "ops", prefix: key.slice(0, 12), revokedAt: null });

    const stored = await t().ctx.database.rows<{ key_hash: string }>(sql`select * from api_keys where id = ${info.id}`);
    expect(JSON.stringify(stored)).not.toContain(key.slice(12));
    expect(stored[0]?.key_hash).toBe(createHash("sha256").update(key).digest("hex"));

    const own = { authorization: `Bearer ${key}` };
    expect((await t().app.inject({ method: "GET", url: "/v1/admin/keys", headers: own })).statusCode).toBe(200);

    const revoked = await t().app.inject({ method: "DELETE", url: `/v1/admin/keys/${info.id}`, headers: admin });
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json().revokedAt).not.toBeNull();

    const after = await t().app.inject({ method: "GET", url: "/v1/admin/keys", headers: own });
    expect(after.statusCode).toBe(401);
    // Where no key is needed, the revoked key counts as none.
    expect((await t().app.inject({ ...analyze, headers: own })).statusCode).toBe(200);
  });

  it("answers text the database cannot store (NUL) with 400, not 500", async () => {
    const res = await t().app.inject({
      method: "POST",
      url: "/v1/admin/keys",
      headers: { ...(await t().authHeader("admin")), "content-type": "application/json" },
      payload: '{"role":"admin","label":"a\\u0000b"}',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe("invalid_text");
  });

  it("answers revoking an unknown key with 404", async () => {
    const res = await t().app.inject({ method: "DELETE", url: "/v1/admin/keys/k_nope", headers: await t().authHeader("admin") });
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toEqual({ code: "key_not_found", message: "id: no API key k_nope" });
  });

  it("pages the key list by cursor without gaps or repeats", async () => {
    const admin = await t().authHeader("admin");
    for (let i = 0; i < 5; i++) await t().createKey("reporter", `page ${i}`);
    const all = (await t().app.inject({ method: "GET", url: "/v1/admin/keys?limit=500", headers: admin })).json().items.map((k: { id: string }) => k.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { statusCode: number; json(): { items: { id: string }[]; nextCursor: string | null } } = await t().app.inject({
        method: "GET",
        url: `/v1/admin/keys?limit=2${cursor ? `&cursor=${cursor}` : ""}`,
        headers: admin,
      });
      expect(res.statusCode).toBe(200);
      const page = res.json();
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((k: { id: string }) => k.id));
      cursor = page.nextCursor;
    } while (cursor !== null);
    expect(seen).toEqual(all);
    expect(new Set(seen).size).toBe(all.length);
  });

  it("answers a forged cursor with 400 invalid_cursor", async () => {
    const res = await t().app.inject({ method: "GET", url: "/v1/admin/keys?cursor=garbage", headers: await t().authHeader("admin") });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe("invalid_cursor");
  });

  it("accepts the server's local admin token only from loopback", async () => {
    const token = "sg_local_test-token-0123456789";
    const app = await t().withEnv({}, { localAdminToken: token });
    const local = await app.inject({ method: "GET", url: "/v1/admin/keys", headers: { authorization: `Bearer ${token}` } });
    expect(local.statusCode).toBe(200);
    const remote = await app.inject({ method: "GET", url: "/v1/admin/keys", headers: { authorization: `Bearer ${token}` }, remoteAddress: "10.1.2.3" });
    expect(remote.statusCode).toBe(401);
  });
});
