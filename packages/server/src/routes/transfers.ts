/** Transfer screening for banks: `POST /v1/transfers/screen` → decision and reasons in single milliseconds. */
import { ErrorResponseSchema, TransferScreenRequestSchema, TransferScreenResponseSchema } from "@scamguard/contracts";
import { screenTransfer } from "../commands/screen-transfer.js";
import { principalOf } from "./principal-of.js";
import type { RouteModule } from "./route-module.js";

const errors = {
  400: ErrorResponseSchema,
  401: ErrorResponseSchema,
  403: ErrorResponseSchema,
  404: ErrorResponseSchema,
  429: ErrorResponseSchema,
  503: ErrorResponseSchema,
};

export const transferRoutes: RouteModule = (app, ctx) => {
  app.post(
    "/v1/transfers/screen",
    {
      schema: {
        tags: ["transfers"],
        summary: "Screen one transfer: payee reputation, the kill-chain session if given, amount patterns",
        security: [{ apiKey: [] }],
        body: TransferScreenRequestSchema,
        response: { 200: TransferScreenResponseSchema, ...errors },
      },
    },
    async (request) => {
      const answer = await screenTransfer(ctx, request.body, principalOf(request));
      ctx.services.domainMetrics.decision("transfer", answer.decision);
      return answer;
    },
  );
};
