/**
 * Guardians and their alerts. A person's app (reporter key) or an institution on the person's behalf
 * registers a guardian for a subject; `GET /v1/alerts` lists the guardian alerts the caller may read
 * (its own sessions' and transfers', and those of subjects it registered guardians for; staff: all).
 */
import {
  AlertListQuerySchema,
  AlertListResponseSchema,
  ErrorResponseSchema,
  GuardianListQuerySchema,
  GuardianListResponseSchema,
  GuardianSchema,
  RegisterGuardianRequestSchema,
} from "@scamguard/contracts";
import { principalOf } from "./principal-of.js";
import type { RouteModule } from "./route-module.js";

const errors = { 400: ErrorResponseSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema, 429: ErrorResponseSchema };

export const guardianRoutes: RouteModule = (app, ctx) => {
  app.post(
    "/v1/guardians",
    {
      schema: {
        tags: ["guardians"],
        summary: "Register a guardian for a protected person (subject)",
        security: [{ apiKey: [] }],
        body: RegisterGuardianRequestSchema,
        response: { 201: GuardianSchema, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await ctx.services.guardians.register(request.body, principalOf(request))),
  );

  app.get(
    "/v1/guardians",
    {
      schema: {
        tags: ["guardians"],
        summary: "Guardians you registered (staff: all), optionally for one subject",
        security: [{ apiKey: [] }],
        querystring: GuardianListQuerySchema,
        response: { 200: GuardianListResponseSchema, ...errors },
      },
    },
    async (request) => ({ items: await ctx.services.guardians.list(request.query.subject, principalOf(request)) }),
  );

  app.get(
    "/v1/alerts",
    {
      schema: {
        tags: ["guardians"],
        summary: "Guardian alerts (holds and blocks) you may read, newest first",
        security: [{ apiKey: [] }],
        querystring: AlertListQuerySchema,
        response: { 200: AlertListResponseSchema, ...errors },
      },
    },
    (request) => ctx.services.guardians.listAlerts(request.query, principalOf(request)),
  );
};
