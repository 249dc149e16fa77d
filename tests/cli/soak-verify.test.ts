/**
 * The soak's check (`packages/cli/src/soak/verify.ts`) against the real routes on PostgreSQL: a report is found
 * in its reporter's list, a hold by its guardian alert, and a write the server never made is named as lost.
 */
import type { Dispatcher } from "undici";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Requester } from "../../packages/cli/src/soak/client-pool.js";
import type { AckedWrite, SoakKeys } from "../../packages/cli/src/soak/traffic.js";
import { missingWrites } from "../../packages/cli/src/soak/verify.js";
import { startTestApp, type TestApp } from "../../packages/server/src/testing/test-app.js";

let t: TestApp;
let keys: SoakKeys;
/** The check's requests through app.inject instead of a socket. */
let pool: Requester;

beforeAll(async () => {
  t = await startTestApp("postgres");
  keys = { reporter: await t.createKey("reporter"), institution: await t.createKey("institution"), analyst: await t.createKey("analyst") };
  pool = {
    async request(options) {
      const res = await t.app.inject({ method: options.method as "GET", url: options.path, headers: options.headers as Record<string, string> });
      return { statusCode: res.statusCode, body: { text: async () => res.body } } as unknown as Dispatcher.ResponseData;
    },
  };
});
afterAll(async () => {
  await t?.close();
});

const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

it("finds every acknowledged report and hold, and names the writes that are not there", async () => {
  const written: AckedWrite[] = [];
  const payee = { kind: "bank_account", value: "6230580000123412345" };
  for (let i = 0; i < 3; i++) {
    const res = await t.app.inject({
      method: "POST",
      url: "/v1/reports",
      headers: bearer(keys.reporter),
      // A report per account: the same one twice is deduplicated (200, not a new write).
      payload: { identifiers: [i === 0 ? payee : { kind: "bank_account", value: `623058000012341234${i}` }], text: "冒充客服让我转到这个安全账户", channel: "phone_call" },
    });
    expect(res.statusCode).toBe(201);
    written.push({ kind: "report", key: res.json().id, ackedAt: 0 });
  }
  const payer = "6222000000001111";
  const held = await t.app.inject({
    method: "POST",
    url: "/v1/transfers/screen",
    headers: bearer(keys.institution),
    payload: { payer: { kind: "bank_account", value: payer }, payee, amount: 5000, currency: "CNY", channel: "mobile_app" },
  });
  expect(["hold", "block"]).toContain(held.json().decision);
  written.push({ kind: "hold", key: payer, ackedAt: 0 });

  expect(await missingWrites(pool, keys, written)).toEqual([]);

  const lost: AckedWrite[] = [
    { kind: "report", key: "rp_neverwritten", ackedAt: 0 },
    { kind: "hold", key: "6222000000009999", ackedAt: 0 },
    { kind: "review", key: "6222000000008888", ackedAt: 0 },
  ];
  const missing = await missingWrites(pool, keys, [...written, ...lost]);
  expect(missing.map((w) => w.key).sort()).toEqual(lost.map((w) => w.key).sort());
});
