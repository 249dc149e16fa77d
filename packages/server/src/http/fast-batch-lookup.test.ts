import { BatchLookupRequestSchema, IdentifierKindSchema, LookupQuerySchema, MAX_IDENTIFIER_CHARS, MAX_LOOKUP_BATCH } from "@scamguard/contracts";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fastBatchLookupBody, fastLookupQuery } from "./fast-batch-lookup.js";
import { strictInput } from "./validation.js";

const strict = strictInput(BatchLookupRequestSchema);

/** The fast check accepts what the strict schema accepts, with the same value, and declines the rest to it. */
function agrees(body: unknown): void {
  const fast = fastBatchLookupBody(body);
  const zod = strict.safeParse(body);
  expect(fast !== undefined).toBe(zod.success);
  if (fast !== undefined) expect(fast).toStrictEqual(zod.data);
}

const kind = fc.oneof(fc.constantFrom(...IdentifierKindSchema.options), fc.string({ maxLength: 12 }));
const value = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom("", "   ", " 95588 ", "\u00a0+86 138 0013 8000\u3000", "\t\n", "x".repeat(MAX_IDENTIFIER_CHARS), ` ${"x".repeat(MAX_IDENTIFIER_CHARS)} `, "x".repeat(MAX_IDENTIFIER_CHARS + 1)),
);
const item = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind, value }) },
  { weight: 1, arbitrary: fc.record({ kind, value, extra: fc.anything() }) },
  { weight: 1, arbitrary: fc.record({ kind }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.anything(), value: fc.anything() }) },
  { weight: 1, arbitrary: fc.anything() },
);

describe("POST /v1/lookup body: the fast check", () => {
  it("accepts exactly what the strict schema accepts, with the same value (values trimmed)", () => {
    fc.assert(
      fc.property(fc.oneof({ weight: 8, arbitrary: fc.record({ items: fc.array(item, { maxLength: 8 }) }) }, { weight: 1, arbitrary: fc.anything() }), agrees),
      { numRuns: 2000 },
    );
  });

  it("accepts valid batches, and declines to the schema at every limit", () => {
    const valid = { items: IdentifierKindSchema.options.map((k) => ({ value: " 95588 ", kind: k })) };
    expect(fastBatchLookupBody(valid)).toStrictEqual(strict.parse(valid));
    const full = { items: Array.from({ length: MAX_LOOKUP_BATCH }, () => ({ kind: "phone", value: "95588" })) };
    expect(fastBatchLookupBody(full)).toStrictEqual(strict.parse(full));
    for (const declined of [
      { items: [] },
      { items: Array.from({ length: MAX_LOOKUP_BATCH + 1 }, () => ({ kind: "phone", value: "95588" })) },
      { items: [{ kind: "phone", value: "95588" }], extra: 1 },
      { items: [{ kind: "phone", value: "  " }] },
      { items: [{ kind: "phone", value: "x".repeat(MAX_IDENTIFIER_CHARS + 1) }] },
      { items: [{ kind: "fax", value: "1" }] },
      { items: [{ kind: "phone", value: 95588 }] },
      { items: [{ kind: "phone", value: "1", nickname: "x" }] },
      null,
      [],
    ]) {
      expect(fastBatchLookupBody(declined)).toBeUndefined();
      agrees(declined);
    }
  });
});

describe("GET /v1/lookup query: the fast check", () => {
  const strictQuery = strictInput(LookupQuerySchema);
  /** As the query string parser hands it over: a null-prototype object, repeated keys as arrays. */
  const asQuery = (record: unknown) => (typeof record === "object" && record !== null && !Array.isArray(record) ? Object.assign(Object.create(null), record) : record);

  it("accepts exactly what the strict schema accepts, with the same value (value trimmed)", () => {
    const query = fc.oneof(item, fc.record({ kind, value: fc.array(value, { maxLength: 2 }) }), fc.record({ kind: fc.array(kind, { maxLength: 2 }), value }));
    fc.assert(
      fc.property(query, (record) => {
        const input = asQuery(record);
        const fast = fastLookupQuery(input);
        const zod = strictQuery.safeParse(input);
        expect(fast !== undefined).toBe(zod.success);
        if (fast !== undefined) expect(fast).toStrictEqual(zod.data);
      }),
      { numRuns: 2000 },
    );
  });

  it("declines repeated keys, unknown fields and blank values to the schema", () => {
    expect(fastLookupQuery(asQuery({ kind: "phone", value: " 95588 " }))).toStrictEqual({ kind: "phone", value: "95588" });
    for (const declined of [{ kind: "phone", value: ["1", "2"] }, { kind: "phone", value: "1", extra: "x" }, { kind: "phone", value: " " }, { kind: "fax", value: "1" }, { value: "1" }]) {
      expect(fastLookupQuery(asQuery(declined))).toBeUndefined();
    }
  });
});
