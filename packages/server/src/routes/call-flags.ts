/**
 * Calling-pattern flags: `GET /v1/flags/{caller}` (institutions, analysts) shows the evidence, window and
 * trail; `POST /v1/flags/{caller}/clear` (analysts) clears it with a reason, as a new audited event, and
 * the lookup index follows at once.
 */
import { CallFlagParamsSchema, CallFlagRecordSchema, ClearCallFlagRequestSchema, ErrorResponseSchema } from "@scamguard/contracts";
import type { FastifyRequest } from "fastify";
import type { Principal } from "../auth/principal.js";
import { clearCallFlag, getCallFlag } from "../commands/call-flags.js";
import { unauthorized } from "../errors.js";
import type { RouteModule } from "./route-module.js";

const errors = { 400: ErrorResponseSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema, 404: ErrorResponseSchema, 422: ErrorResponseSchema, 429: ErrorResponseSchema };

function principalOf(request: FastifyRequest): Principal {
  if (request.principal === null) throw unauthorized("Authorization: this route needs an API key");
  return request.principal;
}

export const callFlagRoutes: RouteModule = (app, ctx) => {
  app.get(
    "/v1/flags/:caller",
    {
      schema: {
        tags: ["flags"],
        summary: "A number's calling-pattern flag from call records: evidence, window, when raised, and its audit trail",
        security: [{ apiKey: [] }],
        params: CallFlagParamsSchema,
        response: { 200: CallFlagRecordSchema, ...errors },
      },
    },
    (request) => getCallFlag(ctx.services, request.params.caller),
  );

  app.post(
    "/v1/flags/:caller/clear",
    {
      schema: {
        tags: ["flags"],
        summary: "Clear a calling-pattern flag with a reason (analysts; audited, never deleted)",
        security: [{ apiKey: [] }],
        params: CallFlagParamsSchema,
        body: ClearCallFlagRequestSchema,
        response: { 200: CallFlagRecordSchema, ...errors, 409: ErrorResponseSchema },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      const record = await ctx.transaction((services) => clearCallFlag(services, request.params.caller, request.body.reason, principal));
      // Committed: load the new event into this process's index now (others: NOTIFY or their sweep).
      await ctx.services.reputation.catchUp();
      return record;
    },
  );
};
