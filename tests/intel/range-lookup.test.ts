/**
 * The private range lookup through the public surface, on PGlite and PostgreSQL: the client hashes, the
 * server answers a prefix with padded, cacheable entries that agree with the plain lookup.
 */
import { createHash } from "node:crypto";
import { expect, it } from "vitest";
import { RangeLookupResponseSchema } from "@scamguard/contracts";
import { findInRange, identifierHash, identifierHashInput, rangePrefix } from "@scamguard/detect";
import { MIN_PAD } from "../../packages/server/src/services/range-index.js";
import { describeBothEngines } from "../../packages/server/src/testing/test-app.js";

const SCAMMER = "+86 170 1234 5678";

describeBothEngines("range lookup", (t) => {
  const range = (prefix: string, headers: Record<string, string> = {}) => t().app.inject({ method: "GET", url: `/v1/lookup/range/${prefix}`, headers });
  const report = async (identifiers: Array<{ kind: string; value: string }>) => {
    const res = await t().app.inject({ method: "POST", url: "/v1/reports", headers: { authorization: `Bearer ${await t().createKey("reporter")}` }, payload: { identifiers } });
    expect(res.statusCode).toBe(201);
  };

  it("refuses anything but 5 hex characters (400 naming prefix)", async () => {
    for (const bad of ["f13a", "f13a08", "g13a0", "%20f13a"]) {
      const res = await range(bad);
      expect(res.statusCode, bad).toBe(400);
      expect(res.json().error.message).toMatch(/^prefix: must be the first 5 hex characters/);
    }
  });

  it("hashes kind:normalised value with SHA-256, as any SHA-256 does", () => {
    expect(identifierHashInput("phone", SCAMMER)).toBe("phone:+8617012345678");
    expect(identifierHashInput("domain", "https://www.JD-kefu.com/login")).toBe("domain:jd-kefu.com");
    const hash = identifierHash("phone", SCAMMER) as string;
    expect(hash).toBe(createHash("sha256").update("phone:+8617012345678").digest("hex").slice(0, 32));
    expect(identifierHash("phone", "not a number")).toBeNull();
  });

  it("pads an unknown prefix with decoys that never match, the same bytes twice", async () => {
    const hash = identifierHash("phone", "+86 139 0000 0000") as string;
    const first = await range(rangePrefix(hash));
    expect(first.statusCode).toBe(200);
    const body = RangeLookupResponseSchema.parse(first.json());
    expect(body.prefix).toBe(rangePrefix(hash));
    expect(body.entries.length).toBeGreaterThanOrEqual(MIN_PAD);
    expect(findInRange(body, hash)).toBeNull();
    const sorted = body.entries.map((e) => e.suffix);
    expect(sorted).toEqual([...sorted].sort());
    const again = await range(rangePrefix(hash).toUpperCase());
    expect(again.body).toBe(first.body);
    expect(again.headers.etag).toBe(first.headers.etag);
    expect(first.headers["cache-control"]).toBe("public, max-age=60");
  });

  it("answers 304 to a matching If-None-Match", async () => {
    const first = await range("00000");
    const res = await range("00000", { "if-none-match": first.headers.etag as string });
    expect(res.statusCode).toBe(304);
    expect(res.body).toBe("");
  });

  it("lists official directory contacts as official", async () => {
    const hash = identifierHash("phone", "95588") as string;
    const entry = findInRange((await range(rangePrefix(hash))).json(), hash);
    expect(entry).toMatchObject({ verdict: "official", updated: null });
  });

  it("lists a reported number with its distinct reporters, agreeing with the plain lookup, and keeps the size", async () => {
    const hash = identifierHash("phone", SCAMMER) as string;
    const before = await range(rangePrefix(hash));
    expect(findInRange(before.json(), hash)).toBeNull();
    for (let i = 0; i < 3; i++) await report([{ kind: "phone", value: SCAMMER }]);
    const after = await range(rangePrefix(hash), { "if-none-match": before.headers.etag as string });
    expect(after.statusCode).toBe(200);
    expect(after.headers.etag).not.toBe(before.headers.etag);
    const entry = findInRange(after.json(), hash);
    const plain = (await t().app.inject({ method: "GET", url: `/v1/lookup?kind=phone&value=${encodeURIComponent(SCAMMER)}` })).json();
    expect(entry).toEqual({ suffix: hash.slice(5), verdict: plain.verdict, reporters: 3, updated: new Date().toISOString().slice(0, 10) });
    expect(["suspicious", "scam"]).toContain(entry?.verdict);
    expect(after.json().entries.length).toBe(before.json().entries.length);
  });

  it("lists a reported domain under the hash of its registrable domain", async () => {
    await report([{ kind: "domain", value: "jd-kefu-range.com" }]);
    const hash = identifierHash("domain", "https://www.jd-kefu-range.com/x") as string;
    expect(findInRange((await range(rangePrefix(hash))).json(), hash)).toMatchObject({ reporters: 1 });
  });
});
