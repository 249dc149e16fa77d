/** `POST /v1/analyze`: text in, verdict out. Anonymous under the rate limit (auth/policy.ts). */
import { AnalyzeRequestSchema, AnalyzeResponseSchema, ErrorResponseSchema } from "@scamguard/contracts";
import { analyzeText } from "../commands/analyze-text.js";
import { withFieldHints } from "../http/validation.js";
import type { RouteModule } from "./route-module.js";

const TEXT = 'send the message or transcript to check as "text"';
/** The names clients use for the text to check, answered with the field to use. */
const ANALYZE_FIELD_HINTS = { message: TEXT, content: TEXT, input: TEXT, body: TEXT, transcript: TEXT, language: 'the reply language is "lang": zh, en or auto' };

export const analyzeRoutes: RouteModule = (app, ctx) => {
  app.post(
    "/v1/analyze",
    {
      schema: {
        tags: ["check"],
        summary: "Analyze a message or transcript and explain the verdict",
        body: withFieldHints(AnalyzeRequestSchema, ANALYZE_FIELD_HINTS),
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
