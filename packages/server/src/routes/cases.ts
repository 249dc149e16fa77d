/**
 * Cases (analyst, admin): `POST /v1/cases` opens one from reports, `GET /v1/cases` lists, `GET /v1/cases/:id`
 * shows it with its audit trail and freeze requests, `POST /v1/cases/:id/actions` appends one audited action,
 * `GET /v1/cases/:id/packet` is the evidence packet. Writes commit before the answer; identifiers named in a
 * case are confirmed, so the reputation index moves right after the commit.
 */
import {
  CaseActionRequestSchema,
  CaseDetailSchema,
  CaseListQuerySchema,
  CaseListResponseSchema,
  CaseParamsSchema,
  CreateCaseRequestSchema,
  ErrorResponseSchema,
  EvidencePacketSchema,
} from "@scamguard/contracts";
import { actOnCase, getCase, listCases, openCase } from "../commands/cases.js";
import { evidencePacket } from "../commands/evidence-packet.js";
import { principalOf } from "./principal-of.js";
import type { RouteModule } from "./route-module.js";

const errors = { 400: ErrorResponseSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema, 429: ErrorResponseSchema };

export const caseRoutes: RouteModule = (app, ctx) => {
  app.post(
    "/v1/cases",
    {
      schema: {
        tags: ["centre"],
        summary: "Open a case from reports: victim, loss, timeline and the scammer's identifiers (each confirmed as a scam)",
        security: [{ apiKey: [] }],
        body: CreateCaseRequestSchema,
        response: { 201: CaseDetailSchema, 409: ErrorResponseSchema, 422: ErrorResponseSchema, ...errors },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const id = await ctx.transaction((services) => openCase(services, request.body, principal));
      await ctx.services.reputation.applyReviews();
      return reply.status(201).send(await getCase(ctx.services, id));
    },
  );

  app.get(
    "/v1/cases",
    {
      schema: {
        tags: ["centre"],
        summary: "Cases, newest first (keyset pages), optionally by status",
        security: [{ apiKey: [] }],
        querystring: CaseListQuerySchema,
        response: { 200: CaseListResponseSchema, ...errors },
      },
    },
    (request) => listCases(ctx.services, request.query),
  );

  app.get(
    "/v1/cases/:id",
    {
      schema: {
        tags: ["centre"],
        summary: "One case with its audit trail (every action, oldest first) and its freeze requests",
        security: [{ apiKey: [] }],
        params: CaseParamsSchema,
        response: { 200: CaseDetailSchema, 404: ErrorResponseSchema, ...errors },
      },
    },
    (request) => getCase(ctx.services, request.params.id),
  );

  app.post(
    "/v1/cases/:id/actions",
    {
      schema: {
        tags: ["centre"],
        summary: "One audited action on a case: note, timeline entry, link a report, add an identifier, close (201 appended, 200 no change)",
        security: [{ apiKey: [] }],
        params: CaseParamsSchema,
        body: CaseActionRequestSchema,
        response: { 201: CaseDetailSchema, 200: CaseDetailSchema, 404: ErrorResponseSchema, 409: ErrorResponseSchema, 422: ErrorResponseSchema, ...errors },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const changed = await ctx.transaction((services) => actOnCase(services, request.params.id, request.body, principal));
      if (changed && request.body.type === "add_identifier") await ctx.services.reputation.applyReviews();
      return reply.status(changed ? 201 : 200).send(await getCase(ctx.services, request.params.id));
    },
  );

  app.get(
    "/v1/cases/:id/packet",
    {
      schema: {
        tags: ["centre"],
        summary: "Evidence packet for the police or the bank: case, timeline, audit trail, reports with verdicts, identifiers, freeze requests",
        security: [{ apiKey: [] }],
        params: CaseParamsSchema,
        response: { 200: EvidencePacketSchema, 404: ErrorResponseSchema, ...errors },
      },
    },
    (request) => evidencePacket(ctx.services, request.params.id),
  );
};
