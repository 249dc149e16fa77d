/**
 * Declared outbound contacts: `POST /v1/contacts/outbound` and `DELETE /v1/contacts/outbound/:id` (keys
 * bound to an institution), `POST /v1/contacts/verify` (anyone, under the rate limit).
 */
import { z } from "zod";
import {
  DeclaredContactSchema,
  DeclareOutboundRequestSchema,
  DeclareOutboundResponseSchema,
  ErrorResponseSchema,
  VerifyContactRequestSchema,
  VerifyContactResponseSchema,
} from "@scamguard/contracts";
import type { FastifyReply } from "fastify";
import { declareContacts, endContact, verifyDeclaredContactJson } from "../commands/outbound-contacts.js";
import { principalOf } from "./principal-of.js";
import type { RouteModule } from "./route-module.js";

const errors = { 400: ErrorResponseSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema, 429: ErrorResponseSchema };

/** The verify handler returns JSON text cached per distinct answer (see services/contacts.ts). */
const asText = () => (data: unknown) => (typeof data === "string" ? data : JSON.stringify(data));

export const contactRoutes: RouteModule = async (app, ctx) => {
  // Load the live declarations before the app answers: the first verification must not wait, or be wrong.
  await ctx.services.contacts.ready();

  app.post(
    "/v1/contacts/outbound",
    {
      schema: {
        tags: ["contacts"],
        summary: "Declare live outbound contacts (one, or up to 1,000 as items): only a hash of each person, expiring after ttlSeconds",
        security: [{ apiKey: [] }],
        body: DeclareOutboundRequestSchema,
        response: { 201: DeclareOutboundResponseSchema, ...errors, 413: ErrorResponseSchema, 415: ErrorResponseSchema },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const { contacts, applied } = await ctx.transaction((services) => declareContacts(services, request.body, principal));
      // Committed: this process answers from it now; others hear it through NOTIFY on PostgreSQL.
      ctx.services.contacts.applyDeclared(applied);
      // The audit line: which key declared how many for which institution; never whom, nor the numbers
      // (a `from` may be an agent's own line). The rows themselves are the full audit, per key.
      request.log.info({ keyId: principal.keyId, institution: principal.institution, count: contacts.length }, "outbound contacts declared");
      return reply.status(201).send({ items: contacts });
    },
  );

  app.delete(
    "/v1/contacts/outbound/:id",
    {
      schema: {
        tags: ["contacts"],
        summary: "End a declared contact now (idempotent): its hash is cleared at once",
        security: [{ apiKey: [] }],
        params: z.object({ id: z.string().min(1).max(64) }),
        response: { 200: DeclaredContactSchema, 404: ErrorResponseSchema, ...errors },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      const { contact, ended } = await ctx.transaction((services) => endContact(services, request.params.id, principal));
      if (ended !== null) ctx.services.contacts.applyEnded(ended);
      request.log.info({ keyId: principal.keyId, institution: principal.institution, contactId: contact.id }, "outbound contact ended");
      return contact;
    },
  );

  app.post(
    "/v1/contacts/verify",
    {
      serializerCompiler: asText,
      schema: {
        tags: ["contacts"],
        summary: "Is it really them, right now? verified | not_verified (impostor: call the official number) | not_participating (the directory's verdict)",
        body: VerifyContactRequestSchema,
        response: { 200: VerifyContactResponseSchema, ...errors, 413: ErrorResponseSchema, 415: ErrorResponseSchema },
      },
    },
    async (request, reply) => (reply.type("application/json; charset=utf-8") as FastifyReply).send(await verifyDeclaredContactJson(ctx.services, request.body)),
  );
};
