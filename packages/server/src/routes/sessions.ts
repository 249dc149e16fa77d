/**
 * Scam-in-progress sessions (banks, payment apps, phone OS integrations): `POST /v1/sessions/:id/events`
 * feeds one event and answers the guard's decision; `GET /v1/sessions/:id` shows where a session stands.
 * Institutions see only their own sessions (others get 404); admins see all.
 */
import {
  ErrorResponseSchema,
  SessionEventQuerySchema,
  SessionEventResponseSchema,
  SessionEventSchema,
  SessionParamsSchema,
  SessionViewQuerySchema,
  SessionViewSchema,
} from "@scamguard/contracts";
import { appendSessionEvent } from "../commands/append-session-event.js";
import { principalOf } from "./principal-of.js";
import type { RouteModule } from "./route-module.js";

const errors = { 400: ErrorResponseSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema, 404: ErrorResponseSchema, 429: ErrorResponseSchema };

export const sessionRoutes: RouteModule = (app, ctx) => {
  app.post(
    "/v1/sessions/:id/events",
    {
      schema: {
        tags: ["sessions"],
        summary: "Feed one session event; answers allow / warn / cooling_off / hold / block with reasons",
        security: [{ apiKey: [] }],
        params: SessionParamsSchema,
        querystring: SessionEventQuerySchema,
        body: SessionEventSchema,
        response: { 200: SessionEventResponseSchema, ...errors, 413: ErrorResponseSchema, 415: ErrorResponseSchema },
      },
    },
    async (request) => {
      const answer = await appendSessionEvent(ctx, { sessionId: request.params.id, event: request.body, query: request.query }, principalOf(request));
      ctx.services.domainMetrics.decision("session", answer.decision.decision);
      return answer;
    },
  );

  app.get(
    "/v1/sessions/:id",
    {
      schema: {
        tags: ["sessions"],
        summary: "Where a session stands: its decision, facts and event count",
        security: [{ apiKey: [] }],
        params: SessionParamsSchema,
        querystring: SessionViewQuerySchema,
        response: { 200: SessionViewSchema, ...errors },
      },
    },
    (request) => ctx.services.sessions.view(request.params.id, principalOf(request), request.query.lang ?? "zh"),
  );
};
