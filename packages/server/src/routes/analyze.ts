/** `POST /v1/analyze`: text in, verdict out. Anonymous under the rate limit (auth/policy.ts). */
import { AnalyzeRequestSchema, AnalyzeResponseSchema, ErrorResponseSchema } from "@scamguard/contracts";
import { analyzeText } from "../commands/analyze-text.js";
import type { RouteModule } from "./route-module.js";

export const analyzeRoutes: RouteModule = (app, ctx) => {
  app.post(
    "/v1/analyze",
    {
      schema: {
        tags: ["check"],
        summary: "Analyze a message or transcript and explain the verdict",
        body: AnalyzeRequestSchema,
        response: { 200: AnalyzeResponseSchema, 400: ErrorResponseSchema, 413: ErrorResponseSchema, 415: ErrorResponseSchema, 429: ErrorResponseSchema },
      },
    },
    async (request) => {
      const answer = await analyzeText(ctx.services, request.body, request.principal);
      ctx.services.domainMetrics.verdict(answer.verdict.risk);
      return answer;
    },
  );
};
