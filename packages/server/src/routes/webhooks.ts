/**
 * Institution webhooks for guardian alerts. The URL must be public https (private, loopback and reserved
 * addresses are refused unless the operator allowlisted the host); the signing secret is shown once.
 */
import { ErrorResponseSchema, RegisterWebhookRequestSchema, WebhookListResponseSchema, WebhookSchema } from "@scamguard/contracts";
import { principalOf } from "./principal-of.js";
import type { RouteModule } from "./route-module.js";

const errors = { 400: ErrorResponseSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema, 429: ErrorResponseSchema };

export const webhookRoutes: RouteModule = (app, ctx) => {
  app.post(
    "/v1/webhooks",
    {
      schema: {
        tags: ["guardians"],
        summary: "Register a webhook for guardian alerts (signed HMAC-SHA256; secret shown once)",
        security: [{ apiKey: [] }],
        body: RegisterWebhookRequestSchema,
        response: { 201: WebhookSchema, ...errors, 422: ErrorResponseSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await ctx.services.webhooks.register(request.body.url, principalOf(request))),
  );

  app.get(
    "/v1/webhooks",
    {
      schema: {
        tags: ["guardians"],
        summary: "Your webhooks (secrets are never shown again)",
        security: [{ apiKey: [] }],
        response: { 200: WebhookListResponseSchema, ...errors },
      },
    },
    async (request) => ({ items: await ctx.services.webhooks.list(principalOf(request)) }),
  );
};
