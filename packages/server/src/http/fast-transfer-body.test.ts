import { IdentifierKindSchema, TransferChannelSchema, TransferScreenRequestSchema } from "@scamguard/contracts";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fastTransferScreenBody } from "./fast-transfer-body.js";
import { strictInput } from "./validation.js";

const strict = strictInput(TransferScreenRequestSchema);

/**
 * The fast check answers only what the strict schema accepts, with the same value and key order, and declines
 * the rest to it; it accepts every valid body that zod would not rewrite: without `at` (zod judges the time) and
 * with its currency already as stored (zod trims and upper-cases ` cny `).
 */
function agrees(body: unknown): boolean {
  const fast = fastTransferScreenBody(body);
  const zod = strict.safeParse(body);
  if (fast !== undefined) {
    expect(zod.success).toBe(true);
    expect(fast).toStrictEqual(zod.data);
    expect(JSON.stringify(fast)).toBe(JSON.stringify(zod.data));
  } else if (zod.success) {
    const input = body as { currency?: unknown };
    expect(Object.hasOwn(input, "at") || input.currency !== zod.data.currency).toBe(true);
  }
  return fast !== undefined;
}

const kind = fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...IdentifierKindSchema.options) }, fc.string({ maxLength: 12 }), fc.anything());
const value = fc.oneof(
  { weight: 4, arbitrary: fc.string({ minLength: 1, maxLength: 30 }) },
  fc.constantFrom("", " ", "x".repeat(256), "x".repeat(257), "62220 1234"),
  fc.anything(),
);
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 3 });
const payer = fc.oneof({ weight: 6, arbitrary: fc.record({ kind, value }) }, fc.record({ kind, value, extra: fc.anything() }), fc.record({ kind }), fc.anything());
const payee = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind, value, name: maybe(fc.oneof(fc.string({ maxLength: 30 }), fc.constant("名".repeat(200)), fc.constant("名".repeat(201)), fc.anything())) }, { requiredKeys: ["kind", "value"] }) },
  fc.record({ kind, value, nickname: fc.string() }),
  fc.anything(),
);
const amount = fc.oneof(
  { weight: 4, arbitrary: fc.double({ min: 0.01, max: 1e12, noNaN: true }) },
  fc.constantFrom(0, -1, 1e12, 1e12 + 1, 5e-324, Number.MAX_VALUE),
  fc.integer(),
  fc.anything(),
);
const currency = fc.oneof({ weight: 4, arbitrary: fc.constantFrom("CNY", "USD", "HKD") }, fc.constantFrom("cny", "Usd", "CN", "CNYY", "CNY\n", " CNY", "1NY"), fc.string({ maxLength: 4 }));
const channel = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...TransferChannelSchema.options) }, fc.string({ maxLength: 14 }), fc.anything());
const sessionId = fc.oneof(fc.stringMatching(/^[A-Za-z0-9_-]{8,128}$/), fc.constantFrom("short", "x".repeat(129), "has space 12345", "abcdefgh\n"), fc.anything());
const at = fc.oneof(fc.constant("2026-12-03T08:00:00Z"), fc.constant("2026-12-03T08:00:00+08:00"), fc.string({ maxLength: 25 }), fc.anything());
const body = fc.record(
  { payer, payee, amount, currency, channel, sessionId, payeeKnown: fc.oneof({ weight: 4, arbitrary: fc.boolean() }, fc.anything()), at, extra: fc.anything() },
  { requiredKeys: [] },
);

/** Bodies a bank sends: every field well-formed, the optional ones sometimes there. */
const everyday = fc.record(
  {
    payer: fc.record({ kind: fc.constantFrom(...IdentifierKindSchema.options), value: fc.string({ minLength: 1, maxLength: 30 }) }),
    payee: fc.record(
      { kind: fc.constantFrom(...IdentifierKindSchema.options), value: fc.string({ minLength: 1, maxLength: 30 }), name: fc.string({ maxLength: 30 }) },
      { requiredKeys: ["kind", "value"] },
    ),
    amount: fc.double({ min: 0.01, max: 1e12, noNaN: true }),
    currency: fc.constantFrom("CNY", "USD", "HKD"),
    channel: fc.constantFrom(...TransferChannelSchema.options),
    sessionId: fc.stringMatching(/^[A-Za-z0-9_-]{8,128}$/),
    payeeKnown: fc.boolean(),
  },
  { requiredKeys: ["payee", "amount", "currency", "channel"] },
);

describe("POST /v1/transfers/screen body: the fast check", () => {
  it("answers only what the strict schema accepts, with the same value, and every valid body without `at`", () => {
    let accepted = 0;
    fc.assert(
      fc.property(fc.oneof({ weight: 6, arbitrary: everyday }, { weight: 12, arbitrary: body }, fc.anything()), (generated) => {
        // As the route receives it: parsed JSON (no undefined, NaN or -0).
        const text = JSON.stringify(generated);
        if (text !== undefined && agrees(JSON.parse(text))) accepted++;
      }),
      { numRuns: 4000 },
    );
    expect(accepted).toBeGreaterThan(500);
  });

  it("accepts the bank's everyday body, and declines to the schema at every limit", () => {
    const valid = {
      payer: { kind: "bank_account", value: "cust-1" },
      payee: { kind: "bank_account", value: "6222000000000001", name: "张三" },
      amount: 2000,
      currency: "CNY",
      channel: "mobile_app",
      payeeKnown: false,
      sessionId: "abcdefgh",
    };
    expect(fastTransferScreenBody(valid)).toStrictEqual(strict.parse(valid));
    const minimal = { payee: { kind: "phone", value: "hello" }, amount: 1e12, currency: "USD", channel: "atm" };
    expect(fastTransferScreenBody(minimal)).toStrictEqual(strict.parse(minimal));
    // A currency zod rewrites goes to zod, which answers it as stored.
    expect(fastTransferScreenBody({ ...minimal, currency: " usd" })).toBeUndefined();
    expect(strict.parse({ ...minimal, currency: " usd" })).toStrictEqual(strict.parse(minimal));
    for (const declined of [
      { ...valid, at: "2026-12-03T08:00:00Z" },
      { ...valid, nickname: "x" },
      { ...valid, payer: { kind: "bank_account" } },
      { ...valid, payee: { ...valid.payee, nickname: "x" } },
      { ...valid, payee: { kind: "bank_account", value: "" } },
      { ...valid, payee: { kind: "fax", value: "1" } },
      { ...valid, amount: 0 },
      { ...valid, amount: 1e12 + 1 },
      { ...valid, amount: "2000" },
      { ...valid, currency: "cny" },
      { ...valid, channel: "pigeon" },
      { ...valid, sessionId: "short" },
      { ...valid, payeeKnown: "yes" },
      null,
      [],
    ]) {
      expect(fastTransferScreenBody(declined)).toBeUndefined();
      agrees(declined);
    }
  });
});
