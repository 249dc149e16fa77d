/**
 * Reports: `POST /v1/reports` (any key; 201 new, 200 duplicate), `GET /v1/reports/:id` (owner, analyst,
 * admin; others 404) and `GET /v1/reports` (own reports, or all for analysts and admins; keyset pages).
 */
import {
  CreateReportRequestSchema,
  CreateReportResponseSchema,
  ErrorResponseSchema,
  ReportListQuerySchema,
  ReportListResponseSchema,
  ReportDetailSchema,
  ReportParamsSchema,
  ReportSchema,
} from "@scamguard/contracts";
import type { FastifyRequest } from "fastify";
import type { Principal } from "../auth/principal.js";
import { fileReport } from "../commands/file-report.js";
import { getReport, listReports } from "../commands/read-reports.js";
import { reportDetail } from "../commands/report-detail.js";
import { unauthorized } from "../errors.js";
import { withFieldHints } from "../http/validation.js";
import type { RouteModule } from "./route-module.js";

const errors = { 400: ErrorResponseSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema, 429: ErrorResponseSchema };

const STORY = 'send what happened (the page\'s "story") as "text"';
const IDENTIFIERS = 'name the scammer\'s numbers, accounts and links in "identifiers": [{"kind": "phone", "value": "+8613800138000"}]';
/** The names clients use for a report's fields (the page says "story"), answered with the field to use. */
const REPORT_FIELD_HINTS = {
  story: STORY,
  description: STORY,
  message: STORY,
  content: STORY,
  phone: IDENTIFIERS,
  number: IDENTIFIERS,
  identifier: IDENTIFIERS,
  amount: 'send the money lost as "loss": {"amount": 20000, "currency": "CNY"}',
  time: 'send when it happened as "occurredAt" (ISO 8601, e.g. "2026-11-20T09:30:00Z")',
};

/** The policy admits keyed callers only; this turns that guarantee into a type. */
function caller(request: FastifyRequest): Principal {
  if (request.principal === null) throw unauthorized("Authorization: this route needs an API key");
  return request.principal;
}

export const reportRoutes: RouteModule = (app, ctx) => {
  app.post(
    "/v1/reports",
    {
      schema: {
        tags: ["reports"],
        summary: "Report identifiers used by a scammer (201 new, 200 the same report sent again within 24 h)",
        security: [{ apiKey: [] }],
        body: withFieldHints(CreateReportRequestSchema, REPORT_FIELD_HINTS),
        response: {
          201: CreateReportResponseSchema,
          200: CreateReportResponseSchema,
          ...errors,
          413: ErrorResponseSchema,
          415: ErrorResponseSchema,
          422: ErrorResponseSchema,
        },
      },
    },
    async (request, reply) => {
      const principal = caller(request);
      const { response, filed } = await ctx.transaction((services) => fileReport(services, request.body, principal));
      // Committed: the index moves now, in this process (others hear it through NOTIFY on PostgreSQL).
      if (filed !== null) {
        ctx.services.reputation.applyFiled(filed);
        ctx.services.domainMetrics.reportFiled();
      }
      return reply.status(response.duplicate ? 200 : 201).send(response);
    },
  );

  app.get(
    "/v1/reports/:id",
    {
      schema: {
        tags: ["reports"],
        summary: "One report (its filer, analysts and admins; anyone else gets 404)",
        security: [{ apiKey: [] }],
        params: ReportParamsSchema,
        response: { 200: ReportSchema, 404: ErrorResponseSchema, ...errors },
      },
    },
    (request) => getReport(ctx.services, request.params.id, caller(request)),
  );

  app.get(
    "/v1/reports",
    {
      schema: {
        tags: ["reports"],
        summary: "Reports, newest first: your own, or all for analysts and admins",
        security: [{ apiKey: [] }],
        querystring: ReportListQuerySchema,
        response: { 200: ReportListResponseSchema, ...errors },
      },
    },
    (request) => listReports(ctx.services, request.query, caller(request)),
  );

  app.get(
    "/v1/reports/:id/detail",
    {
      schema: {
        tags: ["centre"],
        summary: "A report as the analyst reviews it: filer's role, the engine's verdict, each identifier with related reports",
        security: [{ apiKey: [] }],
        params: ReportParamsSchema,
        response: { 200: ReportDetailSchema, 404: ErrorResponseSchema, ...errors },
      },
    },
    (request) => {
      caller(request);
      return reportDetail(ctx.services, request.params.id);
    },
  );
};
