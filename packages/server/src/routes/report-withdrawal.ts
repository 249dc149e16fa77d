/**
 * `POST /v1/reports/:id/withdrawal`: a filer takes their report back. The report stays (append-only audit
 * trail); it stops counting in reputation as soon as the withdrawal commits, in this process at once and in
 * others by notification.
 */
import { ErrorResponseSchema, ReportParamsSchema, ReportWithdrawalSchema, WithdrawReportRequestSchema } from "@scamguard/contracts";
import { withdrawReport } from "../commands/withdraw-report.js";
import { unauthorized } from "../errors.js";
import type { RouteModule } from "./route-module.js";

export const reportWithdrawalRoutes: RouteModule = (app, ctx) => {
  app.post(
    "/v1/reports/:id/withdrawal",
    {
      schema: {
        tags: ["reports"],
        summary: "Withdraw your own report: it stops counting in any identifier's reputation; the report is kept as the audit trail",
        security: [{ apiKey: [] }],
        params: ReportParamsSchema,
        body: WithdrawReportRequestSchema,
        response: {
          200: ReportWithdrawalSchema,
          400: ErrorResponseSchema,
          401: ErrorResponseSchema,
          403: ErrorResponseSchema,
          404: ErrorResponseSchema,
          409: ErrorResponseSchema,
          429: ErrorResponseSchema,
        },
      },
    },
    async (request) => {
      const principal = request.principal;
      if (principal === null) throw unauthorized("Authorization: this route needs an API key");
      const withdrawal = await ctx.transaction((services) => withdrawReport(services, request.params.id, request.body ?? {}, principal));
      await ctx.services.reputation.applyWithdrawals();
      return withdrawal;
    },
  );
};
