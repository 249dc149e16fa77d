/**
 * Reputation lookup: `GET /v1/lookup?kind=&value=` (anonymous under the rate limit) and `POST /v1/lookup`
 * (batch of up to 1,000, any key). Answered from the in-memory index: no database round trip.
 *
 * These two routes answer JSON text assembled from the index's cached, already-serialised answers
 * (built by typed code from the contract's types) instead of re-validating and re-serialising objects:
 * that would cost more than the lookups themselves. The response schemas still document them in OpenAPI.
 */
import {
  BatchLookupQuerySchema,
  BatchLookupRequestSchema,
  BatchLookupResponseSchema,
  CompactBatchLookupResponseSchema,
  ErrorResponseSchema,
  LookupQuerySchema,
  LookupResultSchema,
  NotModifiedSchema,
  RangeLookupResponseSchema,
  RangeParamsSchema,
} from "@scamguard/contracts";
import type { FastifyReply } from "fastify";
import { lookupBatchJson, lookupIdentifierJson } from "../commands/lookup-identifiers.js";
import { fastBatchLookupBody, fastLookupQuery } from "../http/fast-batch-lookup.js";
import { withFastCheck, withFieldHints } from "../http/validation.js";
import type { RouteModule } from "./route-module.js";

/** Sends JSON text as is (the typed reply expects the object form of the same answer). */
const sendJsonText = (reply: { type(contentType: string): unknown }, text: string) =>
  (reply.type("application/json; charset=utf-8") as FastifyReply).send(text);
const errors = {
  400: ErrorResponseSchema,
  401: ErrorResponseSchema,
  403: ErrorResponseSchema,
  422: ErrorResponseSchema,
  429: ErrorResponseSchema,
};
/** The handlers return JSON text; anything else (never expected) is stringified. */
const asText = () => (data: unknown) => (typeof data === "string" ? data : JSON.stringify(data));

/** `?phone=…` and the like: the query names the kind and the value apart, which the 400 then says. */
const kindHint = (kind: string) => `name the kind and the value apart: kind=${kind}&value=…`;
const LOOKUP_QUERY_HINTS = {
  phone: kindHint("phone"),
  number: kindHint("phone"),
  email: kindHint("email"),
  url: kindHint("url"),
  link: kindHint("url"),
  domain: kindHint("domain"),
  account: kindHint("bank_account"),
  bank_account: kindHint("bank_account"),
  q: "to search the official directory by name use GET /v1/directory?q=…; to look one identifier up, kind=phone&value=…",
};

export const lookupRoutes: RouteModule = async (app, ctx) => {
  // Load the index before the app answers anything: the first lookup must not wait for a rebuild.
  await ctx.services.reputation.ready();

  app.get(
    "/v1/lookup",
    {
      serializerCompiler: asText,
      schema: {
        tags: ["lookup"],
        summary: "What scamguard knows about one phone number, e-mail, account, URL, domain, meeting ID, app or name",
        // Validated by a hand-written check first, as the batch body below (http/fast-batch-lookup.ts).
        querystring: withFieldHints(withFastCheck(LookupQuerySchema, fastLookupQuery), LOOKUP_QUERY_HINTS),
        response: { 200: LookupResultSchema, ...errors },
      },
    },
    async (request, reply) => sendJsonText(reply, await lookupIdentifierJson(ctx.services, request.query)),
  );

  app.post(
    "/v1/lookup",
    {
      serializerCompiler: asText,
      schema: {
        tags: ["lookup"],
        summary: "Look up to 1,000 identifiers at once, answered in order",
        description:
          "Full answers by default (`items`, as `GET /v1/lookup` answers each). `?format=compact` answers one column per field instead (verdict, score to 3 decimals, distinct reporters, reports; entry i answers item i): about 30 bytes an identifier instead of ~350, for screening many at once.",
        security: [{ apiKey: [] }],
        querystring: BatchLookupQuerySchema,
        // Validated by a hand-written check first (zod for anything it does not surely accept): http/fast-batch-lookup.ts.
        body: withFastCheck(BatchLookupRequestSchema, fastBatchLookupBody),
        response: {
          200: BatchLookupResponseSchema.or(CompactBatchLookupResponseSchema),
          ...errors,
          413: ErrorResponseSchema,
          415: ErrorResponseSchema,
        },
      },
    },
    async (request, reply) => sendJsonText(reply, await lookupBatchJson(ctx.services, request.body, request.query)),
  );

  app.get(
    "/v1/lookup/range/:prefix",
    {
      serializerCompiler: asText,
      schema: {
        tags: ["lookup"],
        summary: "Private lookup: every known identifier whose SHA-256 starts with these 5 hex characters, padded with decoys",
        description:
          "Hash `kind:normalised value` yourself (detect's `identifierHash`), send the first 5 hex characters, and look for the other 27 among the entries: the server never learns the identifier. Cacheable (ETag, If-None-Match → 304).",
        params: RangeParamsSchema,
        response: { 200: RangeLookupResponseSchema, 304: NotModifiedSchema, 400: ErrorResponseSchema, 429: ErrorResponseSchema },
      },
    },
    async (request, reply) => {
      const answer = await ctx.services.reputation.range(request.params.prefix);
      reply.header("etag", answer.etag).header("cache-control", RANGE_CACHE_CONTROL).header("vary", "accept-encoding");
      // No payload at all: a 304 has no body (light-my-request 6.6, which fits Node 20, would show a serialised `null`).
      if (ifNoneMatch(request.headers["if-none-match"], answer.etag)) return (reply.status(304) as FastifyReply).send();
      return sendJsonText(reply, answer.body);
    },
  );
};

/** Answers are public (the same for everyone) and change only with reports: shared caches may keep them a minute. */
const RANGE_CACHE_CONTROL = "public, max-age=60";

/** True when an If-None-Match header names this ETag (or `*`). */
function ifNoneMatch(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  return header.split(",").some((tag) => {
    const t = tag.trim().replace(/^W\//, "");
    return t === etag || t === "*";
  });
}
