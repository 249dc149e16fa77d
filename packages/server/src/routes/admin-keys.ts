/** Key management for admins (and for `scamguard keys` against a running server): create, list, revoke. */
import { z } from "zod";
import { ApiKeyInfoSchema, ApiKeyListSchema, CreateKeyRequestSchema, CreateKeyResponseSchema, ErrorResponseSchema, PageQuerySchema } from "@scamguard/contracts";
import { createKey, listKeys, revokeKey } from "../commands/manage-keys.js";
import type { RouteModule } from "./route-module.js";

const errors = { 400: ErrorResponseSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema, 429: ErrorResponseSchema };

export const adminKeyRoutes: RouteModule = (app, ctx) => {
  app.post(
    "/v1/admin/keys",
    {
      schema: {
        tags: ["admin"],
        summary: "Create an API key; the key is in this answer only",
        body: CreateKeyRequestSchema,
        response: { 201: CreateKeyResponseSchema, ...errors },
      },
    },
    async (request, reply) => {
      const created = await ctx.transaction((services) => createKey(services, request.body));
      request.log.info({ keyId: created.info.id, role: created.info.role, institution: created.info.institution, by: request.principal?.keyId }, "api key created");
      return reply.status(201).send(created);
    },
  );

  app.get(
    "/v1/admin/keys",
    { schema: { tags: ["admin"], summary: "List API keys, newest first", querystring: PageQuerySchema, response: { 200: ApiKeyListSchema, ...errors } } },
    (request) => listKeys(ctx.services, request.query),
  );

  app.delete(
    "/v1/admin/keys/:id",
    {
      schema: {
        tags: ["admin"],
        summary: "Revoke an API key (idempotent)",
        params: z.object({ id: z.string().min(1).max(64) }),
        response: { 200: ApiKeyInfoSchema, 404: ErrorResponseSchema, ...errors },
      },
    },
    async (request) => {
      const info = await ctx.transaction((services) => revokeKey(services, request.params.id));
      request.log.info({ keyId: info.id, by: request.principal?.keyId }, "api key revoked");
      return info;
    },
  );
};
