/**
 * Property-based fuzzing of EVERY registered route (walked from the app, so routes added later are
 * covered without editing this file) × random and hostile bodies, headers, query strings, path
 * parameters and cursors. The property: never a 5xx, and every error is JSON `{error: {code, message}}`.
 *
 * Bounded: a fixed number of runs per route (FUZZ_RUNS, default 25) and a fixed seed per run of the
 * suite (FUZZ_SEED to replay a failure; fast-check prints the seed and the shrunk counterexample).
 */
import fc from "fast-check";
import type { FastifyInstance } from "fastify";
import { beforeAll, expect, it } from "vitest";
import type { RegisteredRoute } from "../../packages/server/src/app.js";
import { describeBothEngines } from "../../packages/server/src/testing/test-app.js";

const RUNS = Number(process.env.FUZZ_RUNS ?? 25);
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);

/** Strings an attacker tries first: injections, encodings, control characters, huge numbers, Unicode edge cases. */
const HOSTILE = [
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "\uD800",
  "\uFFFF",
  "' OR 1=1 --",
  "\"; DROP TABLE api_keys; --",
  "${jndi:ldap://x}",
  "<script>alert(1)</script>",
  "../../etc/passwd",
  "%00",
  "%",
  "%E0%A4%A",
  "__proto__",
  "constructor",
  "NaN",
  "Infinity",
  "-1",
  "1e309",
  "9007199254740993",
  "0x10",
  "true",
  "null",
  "[]",
  "{}",
  "＋８６ １３８ ００１３ ８０００",
  "🙂".repeat(50),
  "京东客服".repeat(30),
  "a".repeat(3000),
  "http://127.0.0.1/",
  "https://[::127.0.0.1]/x",
];

const hostileString = fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ maxLength: 40 }), fc.string({ unit: "grapheme", maxLength: 20 }));

/** Cursors: garbage, base64url of the wrong JSON, and well-formed shapes holding the wrong types. */
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
const cursor = fc.oneof(
  hostileString,
  fc.jsonValue().map(b64),
  fc.tuple(fc.oneof(fc.string(), fc.integer(), fc.double(), fc.record({ d: fc.string() })), fc.oneof(fc.string(), fc.integer())).map(b64),
  fc.array(fc.oneof(fc.constant({ d: "2024-01-01T00:00:00.000Z" }), fc.integer(), fc.string()), { maxLength: 3 }).map(b64),
);

/** encodeURIComponent throws on lone surrogates: a client cannot send those in a URL anyway. */
const wellFormed = (text: string) => text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");
const enc = (text: string) => encodeURIComponent(wellFormed(text));

const scalar = fc.oneof(hostileString, fc.integer(), fc.double(), fc.boolean(), fc.constant(null));

/** The top-level field names a zod object schema declares (so values land on real fields, not only unknown ones). */
function fieldsOf(schema: unknown): string[] {
  let s = schema as { _zod?: { def?: { type?: string; shape?: Record<string, unknown>; innerType?: unknown } } } | undefined;
  for (let i = 0; i < 4 && s?._zod?.def?.type !== "object" && s?._zod?.def?.innerType; i++) s = s._zod.def.innerType as typeof s;
  const shape = s?._zod?.def?.shape;
  return shape ? Object.keys(shape) : [];
}

function bodyFor(route: RegisteredRoute): fc.Arbitrary<{ payload?: string; contentType?: string }> {
  const fields = fieldsOf(route.schema?.body);
  const known = fields.length > 0 ? fc.dictionary(fc.constantFrom(...fields), fc.oneof(scalar, fc.jsonValue({ maxDepth: 2 })), { maxKeys: fields.length }) : fc.constant({});
  const json = fc.oneof(
    known,
    fc.tuple(known, fc.dictionary(hostileString, scalar, { maxKeys: 2 })).map(([a, b]) => ({ ...b, ...a })),
    fc.jsonValue({ maxDepth: 3 }),
  );
  return fc.oneof(
    json.map((value) => ({ payload: JSON.stringify(value), contentType: "application/json" })),
    hostileString.map((text) => ({ payload: text, contentType: "application/json" })),
    fc.tuple(hostileString, fc.constantFrom("text/plain", "application/x-www-form-urlencoded", "application/json; charset=latin1", "multipart/form-data", "", "application/json;;;"))
      .map(([payload, contentType]) => ({ payload, contentType })),
    fc.constant({}),
  );
}

function queryFor(route: RegisteredRoute): fc.Arbitrary<string> {
  const names = [...fieldsOf(route.schema?.querystring), "limit", "cursor"];
  const pair = fc.oneof(
    fc.tuple(fc.constant("cursor"), cursor),
    fc.tuple(fc.constantFrom(...names), fc.oneof(hostileString, fc.integer().map(String))),
    fc.tuple(hostileString, hostileString),
  );
  // Values mostly URL-encoded, sometimes raw (stray `%`, `&`, `#`, spaces).
  return fc.array(fc.tuple(pair, fc.boolean()), { maxLength: 4 }).map((pairs) =>
    pairs.map(([[k, v], raw]) => `${enc(k)}=${raw ? wellFormed(v).replace(/[#\s]/g, "") : enc(v)}`).join("&"),
  );
}

function pathFor(route: RegisteredRoute): fc.Arbitrary<string> {
  const params = route.url.match(/:[A-Za-z_]+|\*$/g) ?? [];
  return fc.array(hostileString, { minLength: params.length, maxLength: params.length }).map((values) => {
    let i = 0;
    return route.url.replace(/:[A-Za-z_]+|\*$/g, () => enc(values[i++] || "x"));
  });
}

type Caller = "none" | "junk" | "admin" | "institution" | "reporter" | "analyst";

describeBothEngines("fuzz: every route never answers 5xx and always a JSON error with a code", (t) => {
  let app: FastifyInstance;
  const auth = new Map<Caller, Record<string, string>>();

  beforeAll(async () => {
    app = t().app;
    auth.set("none", {});
    auth.set("junk", { authorization: "Bearer sg_live_definitely-not-a-key" });
    for (const role of ["admin", "institution", "reporter", "analyst"] as const) auth.set(role, await t().authHeader(role));
  });

  it("walks every registered route", async () => {
    // Hidden routes are the web app's pages/assets and the docs UI (HTML, not the JSON API).
    const routes = app.registeredRoutes.filter((r) => r.method !== "HEAD" && !(r.schema as { hide?: boolean } | undefined)?.hide);
    expect(routes.length).toBeGreaterThan(10);
    const failures: string[] = [];
    for (const route of routes) {
      const request = fc.record({
        path: pathFor(route),
        query: queryFor(route),
        body: bodyFor(route),
        caller: fc.constantFrom<Caller>("none", "junk", "admin", "institution", "reporter", "analyst"),
        requestId: fc.option(hostileString.filter((s) => /^[\t\x20-\x7e]*$/.test(s))),
        accept: fc.option(fc.constantFrom("*/*", "text/html", "application/xml", "", "application/json;q=0")),
      });
      await fc.assert(
        fc.asyncProperty(request, async (r) => {
          const headers: Record<string, string> = { ...auth.get(r.caller) };
          if (r.body.contentType) headers["content-type"] = r.body.contentType;
          if (r.requestId !== null) headers["x-request-id"] = r.requestId;
          if (r.accept !== null) headers.accept = r.accept;
          const url = r.query ? `${r.path}?${r.query}` : r.path;
          const res = await app.inject({
            method: route.method as "GET",
            url,
            headers,
            ...(r.body.payload !== undefined && route.method !== "GET" && route.method !== "DELETE" ? { payload: r.body.payload } : {}),
          });
          const what = `${route.method} ${url} → ${res.statusCode} ${res.body.slice(0, 200)}`;
          if (res.statusCode >= 500) throw new Error(`5xx: ${what}`);
          if (res.statusCode >= 400) {
            let parsed: { error?: { code?: unknown; message?: unknown } };
            try {
              parsed = res.json();
            } catch {
              throw new Error(`error is not JSON: ${what}`);
            }
            if (typeof parsed.error?.code !== "string" || typeof parsed.error.message !== "string") throw new Error(`error without code/message: ${what}`);
          }
        }),
        { numRuns: RUNS, ...(SEED !== undefined ? { seed: SEED } : {}) },
      ).catch((error: unknown) => failures.push(`${route.method} ${route.url}: ${(error as Error).message.replace(/(.)\1{40,}/g, "$1…").slice(0, 1500)}`));
    }
    expect(failures).toEqual([]);
  });
});
