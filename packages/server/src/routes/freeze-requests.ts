/**
 * Emergency freeze / stop-payment requests: staff send them from a case and read all; a bank's institution key
 * (bound to the addressed directory institution) reads, acknowledges and answers only its own — any other
 * request is 404. States only move forward; answers are idempotent (see commands/freeze-requests.ts).
 */
import {
  CreateFreezeRequestSchema,
  ErrorResponseSchema,
  FreezeAnswerRequestSchema,
  FreezeRequestListQuerySchema,
  FreezeRequestListResponseSchema,
  FreezeRequestParamsSchema,
  FreezeRequestSchema,
} from "@scamguard/contracts";
import { acknowledgeFreeze, answerFreeze, getFreeze, listFreezes, requestFreeze } from "../commands/freeze-requests.js";
import { principalOf } from "./principal-of.js";
import type { RouteModule } from "./route-module.js";

const errors = { 400: ErrorResponseSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema, 429: ErrorResponseSchema };

export const freezeRequestRoutes: RouteModule = (app, ctx) => {
  app.post(
    "/v1/freeze-requests",
    {
      schema: {
        tags: ["centre"],
        summary: "Ask a bank to freeze a payee account for an amount within a deadline in minutes, from a case",
        security: [{ apiKey: [] }],
        body: CreateFreezeRequestSchema,
        response: { 201: FreezeRequestSchema, 409: ErrorResponseSchema, 422: ErrorResponseSchema, ...errors },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const created = await ctx.transaction((services) => requestFreeze(services, request.body, principal));
      ctx.services.domainMetrics.freezeRequested();
      return reply.status(201).send(created);
    },
  );

  app.get(
    "/v1/freeze-requests",
    {
      schema: {
        tags: ["centre"],
        summary: "Freeze requests, newest first: all for staff, a bank's own for its institution key; overdue=true for the late ones",
        security: [{ apiKey: [] }],
        querystring: FreezeRequestListQuerySchema,
        response: { 200: FreezeRequestListResponseSchema, ...errors },
      },
    },
    (request) => listFreezes(ctx.services, request.query, principalOf(request)),
  );

  app.get(
    "/v1/freeze-requests/:id",
    {
      schema: {
        tags: ["centre"],
        summary: "One freeze request (staff, or the addressed bank; anyone else 404)",
        security: [{ apiKey: [] }],
        params: FreezeRequestParamsSchema,
        response: { 200: FreezeRequestSchema, 404: ErrorResponseSchema, ...errors },
      },
    },
    (request) => getFreeze(ctx.services, request.params.id, principalOf(request)),
  );

  app.post(
    "/v1/freeze-requests/:id/acknowledge",
    {
      schema: {
        tags: ["centre"],
        summary: "The addressed bank has received the request and is acting on it (idempotent)",
        security: [{ apiKey: [] }],
        params: FreezeRequestParamsSchema,
        response: { 200: FreezeRequestSchema, 404: ErrorResponseSchema, 409: ErrorResponseSchema, ...errors },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      return ctx.transaction((services) => acknowledgeFreeze(services, request.params.id, principal));
    },
  );

  app.post(
    "/v1/freeze-requests/:id/answer",
    {
      schema: {
        tags: ["centre"],
        summary: "The addressed bank's final answer: frozen (amount), partially_frozen (amount), rejected (reason) or not_our_account",
        security: [{ apiKey: [] }],
        params: FreezeRequestParamsSchema,
        body: FreezeAnswerRequestSchema,
        response: { 200: FreezeRequestSchema, 404: ErrorResponseSchema, 409: ErrorResponseSchema, 422: ErrorResponseSchema, ...errors },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      return ctx.transaction((services) => answerFreeze(services, request.params.id, request.body, principal));
    },
  );
};
