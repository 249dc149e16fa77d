/**
 * The centre's review of crowd flags: `POST /v1/reviews` (confirm as scam / withdraw a confirmation, with a
 * reason; 201 when it changed the status, 200 when not) and `GET /v1/reviews?kind=&value=` (status, history).
 */
import { CreateReviewRequestSchema, CreateReviewResponseSchema, ErrorResponseSchema, IdentifierReviewSchema, ReviewQuerySchema } from "@scamguard/contracts";
import { readReview, reviewIdentifier } from "../commands/review-identifier.js";
import { normalizedOrThrow } from "../services/identifier-keys.js";
import { principalOf } from "./principal-of.js";
import type { RouteModule } from "./route-module.js";

const errors = { 400: ErrorResponseSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema, 422: ErrorResponseSchema, 429: ErrorResponseSchema };

export const reviewRoutes: RouteModule = (app, ctx) => {
  app.post(
    "/v1/reviews",
    {
      schema: {
        tags: ["centre"],
        summary: "Confirm an identifier as a scam (lookup: scam, screening may block) or withdraw a confirmation on dispute",
        security: [{ apiKey: [] }],
        body: CreateReviewRequestSchema,
        response: { 201: CreateReviewResponseSchema, 200: CreateReviewResponseSchema, 409: ErrorResponseSchema, ...errors },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const answer = await reviewIdentifier(ctx, request.body, principal);
      if (answer.changed) ctx.services.domainMetrics.review(request.body.action);
      return reply.status(answer.changed ? 201 : 200).send(answer);
    },
  );

  app.get(
    "/v1/reviews",
    {
      schema: {
        tags: ["centre"],
        summary: "The review of one identifier: standing status, every review event, the lookup answer",
        security: [{ apiKey: [] }],
        querystring: ReviewQuerySchema,
        response: { 200: IdentifierReviewSchema, ...errors },
      },
    },
    (request) => {
      principalOf(request);
      const { kind, value } = request.query;
      return readReview(ctx, ctx.services, kind, value, normalizedOrThrow(kind, value, ""));
    },
  );
};
