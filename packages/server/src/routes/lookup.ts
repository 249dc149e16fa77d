/**
 * Reputation lookup: `GET /v1/lookup?kind=&value=` (anonymous under the rate limit) and `POST /v1/lookup`
 * (batch of up to 1,000, any key). Answered from the in-memory index: no database round trip.
 *
 * These two routes serialise with plain JSON.stringify instead of re-validating the answer with zod:
 * the answer is built by typed code from the contract's types, and re-parsing 1,000 results costs more
 * than the lookups themselves. The response schemas still document the routes in OpenAPI.
 */
import { BatchLookupRequestSchema, BatchLookupResponseSchema, ErrorResponseSchema, LookupQuerySchema, LookupResultSchema } from "@scamguard/contracts";
import { lookupBatch, lookupIdentifier } from "../commands/lookup-identifiers.js";
import type { RouteModule } from "./route-module.js";

const errors = { 400: ErrorResponseSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema, 422: ErrorResponseSchema, 429: ErrorResponseSchema };
const stringify = () => (data: unknown) => JSON.stringify(data);

export const lookupRoutes: RouteModule = async (app, ctx) => {
  // Load the index before the app answers anything: the first lookup must not wait for a rebuild.
  await ctx.services.reputation.ready();

  app.get(
    "/v1/lookup",
    {
      serializerCompiler: stringify,
      schema: {
        tags: ["lookup"],
        summary: "What scamguard knows about one phone number, e-mail, account, URL, domain, meeting ID, app or name",
        querystring: LookupQuerySchema,
        response: { 200: LookupResultSchema, ...errors },
      },
    },
    (request) => lookupIdentifier(ctx.services, request.query),
  );

  app.post(
    "/v1/lookup",
    {
      serializerCompiler: stringify,
      schema: {
        tags: ["lookup"],
        summary: "Look up to 1,000 identifiers at once, answered in order",
        security: [{ apiKey: [] }],
        body: BatchLookupRequestSchema,
        response: { 200: BatchLookupResponseSchema, ...errors, 413: ErrorResponseSchema, 415: ErrorResponseSchema },
      },
    },
    (request) => lookupBatch(ctx.services, request.body),
  );
};
